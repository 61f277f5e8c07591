import { sql } from 'kysely'
import { copySeededTemplate } from '../src/testing/seeded-template.ts'
import { readFileSync } from 'node:fs'
const d = await copySeededTemplate(JSON.parse(readFileSync('/tmp/k9seed.json','utf8')))
for (const q of process.argv.slice(2)) { const r = await sql.raw(q).execute(d.db); console.log(q); console.table(r.rows) }
await d.close()
