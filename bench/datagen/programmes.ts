import ExcelJS from 'exceljs'
import { importProgramFile } from '../../src/modules/programs/index.ts'
import type { Context } from './generate.ts'
import { pick, prng, TOPICS } from './japanese.ts'

export const GENERATED_PROGRAMME = 'G-'
const BATCH = 2_000
const DEPARTMENTS = ['総務部', '商工部', '金融部', '観光部', '農林水産部', '雇用就業部']
const AREAS = ['産業力の強化', '観光都市東京', '都市農業・林業', 'ダイバーシティ']
const EVENTS = ['リーマンショック', '東日本大震災', '新型コロナウイルス感染症', '', '', '', '']
const KINDS = ['支援事業', '補助事業', '普及啓発事業', '推進事業', '調査事業', '育成事業']

/** The columns of the budget office's sheet, in its order (the import maps them by name). */
export const PROGRAMME_SHEET_HEADER = [
  '予算事業ID',
  '事業名',
  '事業年度',
  '所管部局',
  '政策分野',
  '事業開始年度',
  '創設の契機',
  '事業終了（予定）年度',
  '当初予算額',
  '補正予算額',
  '歳出予算現額',
  '執行額',
  '執行率',
  '翌年度要求額',
  '成果指標',
  '成果目標値',
  '成果実績値',
]

/** A spreadsheet as the bureau's budget office would send it: one row per programme-year. */
async function workbook(first: number, count: number, years: number[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('事業一覧')
  ws.addRow(['（単位：千円）'])
  ws.addRow(PROGRAMME_SHEET_HEADER)
  for (let i = first; i < first + count; i++) {
    const rnd = prng(2_000_000 + i)
    const name = `${pick(rnd, TOPICS)}${pick(rnd, KINDS)}（${i}）`
    const department = DEPARTMENTS[i % DEPARTMENTS.length]
    const area = pick(rnd, AREAS)
    const event = pick(rnd, EVENTS)
    const startYear = 1995 + Math.floor(rnd() * 25)
    const end = rnd() < 0.3 ? `R${8 + Math.floor(rnd() * 5)}` : ''
    const base = Math.round(10 ** (3 + rnd() * 4))
    for (const year of years) {
      const budget = Math.round(base * (0.8 + rnd() * 0.4))
      const rate = 0.3 + rnd() * 0.7
      ws.addRow([
        `${GENERATED_PROGRAMME}${String(i).padStart(6, '0')}`,
        name,
        `令和${year - 2018}年度`,
        department,
        area,
        `平成${Math.min(30, startYear - 1988)}年度`,
        event,
        end,
        budget,
        0,
        budget,
        Math.round(budget * rate),
        `${(rate * 100).toFixed(1)}%`,
        budget,
        '利用件数',
        100,
        Math.round(rate * 100),
      ])
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Programme-years through the importer (zip checks, parsing, bulk upsert, audit), a file per batch. */
export async function generateProgrammes(ctx: Context) {
  const { db, scale } = ctx
  const years = scale.fiscalYears
  const target = scale.programmes
  const existing = Number(
    (
      await db
        .selectFrom('programs')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('code', 'like', `${GENERATED_PROGRAMME}%`)
        .executeTakeFirstOrThrow()
    ).n,
  )
  const admin = await ctx.actor('admin')
  for (let start = existing; start < target; start += BATCH) {
    const count = Math.min(BATCH, target - start)
    const bytes = await workbook(start, count, years)
    const result = await importProgramFile(db, admin, { bytes, filename: `bench-${start}.xlsx` })
    if (!result.applied || result.errors.length)
      throw new Error(`programme import refused: ${JSON.stringify(result.errors.slice(0, 3))}`)
    ctx.progress('programme-years', (start + count) * years.length, target * years.length)
  }
  return {
    kind: 'programme-years',
    target: target * years.length,
    existing: existing * years.length,
    made: Math.max(0, target - existing) * years.length,
  }
}
