// Seeds the demo bureau once for a test run (see src/testing/seeded-template.ts):
//   prepare-test-seed.ts               prints the template as JSON on stdout
//   prepare-test-seed.ts --drop <json> removes it
import { DEMO_PASSWORD } from '../src/testing/app.ts'
import { dropSeededTemplate, prepareSeededTemplate } from '../src/testing/seeded-template.ts'

const [first, second] = process.argv.slice(2)
if (first === '--drop') await dropSeededTemplate(JSON.parse(second!))
else process.stdout.write(JSON.stringify(await prepareSeededTemplate(DEMO_PASSWORD)))
