/**
 * Programme review at the metropolis scale:
 * - importing a generated 10,000-row xlsx through the importer (zip check, exceljs, parsing,
 *   bulk upsert in one transaction) against exceljs alone reading the same file (goal ≤ 2×);
 * - the dashboard (service and page), the registry and a programme's page at 50,000
 *   programme-years written through the importer's bulk path (goal p95 ≤ 50 ms).
 */
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { seedDemo } from '../src/demo/seed-demo.ts'
import { loadActor } from '../src/modules/accounts/index.ts'
import { getAnalysis, runProgramImport } from '../src/modules/programs/index.ts'
import { type ProgramRowInput, upsertProgramRows } from '../src/modules/programs/programs.bulk.ts'
import { FIELDS } from '../src/modules/programs/programs.columns.ts'
import { orgLookup } from '../src/modules/programs/programs.queries.ts'
import { createTestApp } from '../src/testing/app.ts'
import { createTestDatabase } from '../src/testing/database.ts'
import { PROGRAMME_SHEET_HEADER } from './datagen/programmes.ts'

const DEPARTMENTS = ['総務部', '商工部', '金融部', '観光部', '農林水産部', '雇用就業部']
const EVENTS = ['リーマンショック', '東日本大震災', '', '', '', '']

function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

async function generateWorkbook(rows: number): Promise<Buffer> {
  const rnd = random(42)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('事業')
  ws.addRow(['（単位：千円）'])
  ws.addRow(PROGRAMME_SHEET_HEADER)
  for (let i = 0; i < rows; i++) {
    const budget = Math.round(10 ** (3 + rnd() * 4))
    const rate = rnd()
    ws.addRow([
      `B-${String(i).padStart(6, '0')}`,
      `ベンチマーク事業${i}`,
      '令和6年度',
      DEPARTMENTS[i % 6],
      '産業力の強化',
      `平成${10 + (i % 20)}年度`,
      EVENTS[i % 6],
      i % 3 ? `R${8 + (i % 5)}` : '',
      String(budget),
      0,
      `${budget}.0`,
      Math.round(budget * rate),
      `${(rate * 100).toFixed(1)}%`,
      budget,
      '成果指標',
      100,
      Math.round(rate * 100),
    ])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** exceljs's streaming reader, the way the importer reads: the stricter baseline. */
async function exceljsStream(bytes: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  })
  let cells = 0
  for await (const sheet of reader)
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>)
      cells += (row.values as unknown[]).length
  return cells
}

/** exceljs reading the workbook the usual way (a whole workbook model). */
async function exceljsRead(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.read(Readable.from([bytes]))
  let cells = 0
  wb.worksheets[0]!.eachRow((row) => {
    cells += (row.values as unknown[]).length
  })
  return cells
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!
const round = (ms: number) => Math.round(ms * 10) / 10

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function importBench() {
  const rows = 10_000
  const bytes = await generateWorkbook(rows)
  const exceljs: number[] = []
  const streamed: number[] = []
  const imports: number[] = []
  const reimports: number[] = []
  for (let run = 0; run < 3; run++) {
    exceljs.push(await time(() => exceljsRead(bytes)))
    streamed.push(await time(() => exceljsStream(bytes)))
    const database = await createTestDatabase()
    await seedDemo(database.db, 'bench')
    let result: Awaited<ReturnType<typeof runProgramImport>> | undefined
    imports.push(
      await time(async () => {
        result = await runProgramImport(database.db, null, { bytes, filename: 'bench.xlsx' })
      }),
    )
    if (result?.yearsCreated !== rows)
      throw new Error(
        `imported ${result?.yearsCreated} of ${rows}: ${JSON.stringify(result?.errors.slice(0, 3))}`,
      )
    reimports.push(
      await time(() => runProgramImport(database.db, null, { bytes, filename: 'bench.xlsx' })),
    )
    await database.close()
  }
  return {
    rows,
    fileBytes: bytes.length,
    exceljsReadMs: round(median(exceljs)),
    importMs: round(median(imports)),
    reimportMs: round(median(reimports)),
    exceljsStreamMs: round(median(streamed)),
    /** import ÷ exceljs reading the workbook (xlsx.read) */
    importRatio: Math.round((median(imports) / median(exceljs)) * 100) / 100,
    /** import ÷ exceljs's streaming reader, which the importer itself uses */
    importRatioVsStream: Math.round((median(imports) / median(streamed)) * 100) / 100,
    reimportRatio: Math.round((median(reimports) / median(exceljs)) * 100) / 100,
    goalRatio: 2,
  }
}

async function dashboardBench() {
  const t = await createTestApp()
  const { db } = t.database
  const lookup = await orgLookup(db)
  const rnd = random(7)
  const programmes = 10_000
  const years = [2020, 2021, 2022, 2023, 2024]
  const all: ProgramRowInput[] = []
  for (let i = 0; i < programmes; i++) {
    const department = lookup.departments[i % lookup.departments.length]!
    const base = Math.round(10 ** (6 + rnd() * 4))
    for (const fiscalYear of years) {
      const budget = Math.round(base * (0.8 + rnd() * 0.4))
      all.push({
        code: `D-${i}`,
        name: `分析用事業${i}`,
        fiscalYear,
        departmentId: department.id,
        sectionId: null,
        policyArea: 'industry',
        startYear: 2000 + (i % 24),
        originEvent: EVENTS[i % 6] || null,
        endYear: i % 3 ? 2030 : null,
        initialBudget: budget,
        supplementaryBudget: 0,
        currentBudget: budget,
        executedAmount: Math.round(budget * rnd()),
        nextYearRequest: budget,
        outcomeIndicator: null,
        outcomeTarget: null,
        outcomeActual: null,
        activityIndicator: null,
        activityTarget: null,
        activityActual: null,
        roleNote: null,
      })
    }
  }
  const t0 = performance.now()
  await db.transaction().execute((trx) => upsertProgramRows(trx, all, new Set(FIELDS)))
  const bulkMs = performance.now() - t0
  const staff = await loadActor(db, await t.userId('staff@demo.kaikaku.example'))
  const client = await t.signIn('staff')
  const sample = await db
    .selectFrom('programs')
    .select('id')
    .where('code', '=', 'D-4242')
    .executeTakeFirstOrThrow()
  const measure = async (fn: () => Promise<unknown>, n = 40) => {
    for (let i = 0; i < 3; i++) await fn()
    const xs: number[] = []
    for (let i = 0; i < n; i++) xs.push(await time(fn))
    return { p50: round(median(xs)), p95: round(p95(xs)) }
  }
  const page = (path: string) => async () => {
    const res = await client.get(path)
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    await res.text()
  }
  const result = {
    programmeYears: all.length,
    bulkWriteMs: Math.round(bulkMs),
    dashboardServiceMs: await measure(() =>
      getAnalysis(db, staff, { fiscalYear: 2024, department: null, threshold: 60 }),
    ),
    dashboardPageMs: await measure(page('/programs/analysis?fiscalYear=2024&threshold=60')),
    dashboardDepartmentPageMs: await measure(
      page(`/programs/analysis?fiscalYear=2024&department=${lookup.departments[1]!.id}`),
    ),
    registryPageMs: await measure(page('/programs?fiscalYear=2024&page=37')),
    registrySearchPageMs: await measure(page(`/programs?q=${encodeURIComponent('分析用事業42')}`)),
    programPageMs: await measure(page(`/programs/${sample.id}`)),
    goalP95Ms: 50,
  }
  await t.close()
  return result
}

export default async function programsBench(): Promise<Record<string, unknown>> {
  return { import: await importBench(), dashboard: await dashboardBench() }
}
