// Writes docs/samples/programs-demo.xlsx, the demo bureau's FY2016 workbook that the browser
// test imports: `npx tsx scripts/programs-demo-workbook.ts`.
import { writeFileSync } from 'node:fs'
import { demoWorkbook } from '../src/modules/programs/index.ts'

writeFileSync('docs/samples/programs-demo.xlsx', await demoWorkbook())
console.log('docs/samples/programs-demo.xlsx')
