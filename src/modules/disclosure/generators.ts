import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import { listUpcomingMeetings } from '../councils/index.ts'
import { listPrograms, type Sheet, toCsv, toXlsx } from '../programs/index.ts'
import type { Generator } from './disclosure.tables.ts'

/** The programme registry (latest fiscal year), as the public sees it: no review notes. */
async function programsSheet(db: Db, actor: Actor): Promise<Sheet> {
  const { rows } = await listPrograms(db, actor, { pageSize: 100_000 })
  return {
    headers: [
      '予算事業ID',
      '事業年度',
      '事業名',
      '所管部',
      '所管課',
      '政策分野',
      '当初予算額（円）',
      '歳出予算現額（円）',
      '執行額（円）',
    ],
    rows: rows.map((r) => [
      r.code,
      r.year.fiscalYear,
      r.name,
      r.departmentName,
      r.sectionName,
      r.policyAreaName,
      r.year.initialBudget,
      r.year.currentBudget,
      r.year.executedAmount,
    ]),
  }
}

/** Every announced council meeting that was not cancelled, oldest first. */
async function meetingsSheet(db: Db): Promise<Sheet> {
  const meetings = await listUpcomingMeetings(db, { from: new Date(0), limit: 100_000 })
  return {
    headers: ['審議会等', '会議名', '開始日時', '終了日時', '場所', '公開', '非公開の理由'],
    rows: meetings.map((m) => [
      m.councilName,
      m.title,
      m.startsAt.toISOString(),
      m.endsAt?.toISOString() ?? null,
      m.place,
      m.isPublic ? '公開' : '非公開',
      m.closedReason,
    ]),
  }
}

const BASENAME: Record<Generator, string> = { programs: 'programs', meetings: 'council-meetings' }
const SHEET_NAME: Record<Generator, string> = { programs: '事業一覧', meetings: '会議一覧' }

export async function generateFile(
  db: Db,
  actor: Actor,
  generator: Generator,
  format: 'CSV' | 'XLSX' | 'JSON',
): Promise<{ filename: string; bytes: Uint8Array }> {
  const sheet = generator === 'programs' ? await programsSheet(db, actor) : await meetingsSheet(db)
  const base = BASENAME[generator]
  if (format === 'CSV') return { filename: `${base}.csv`, bytes: toCsv(sheet) }
  if (format === 'XLSX')
    return { filename: `${base}.xlsx`, bytes: await toXlsx(sheet, SHEET_NAME[generator]) }
  const records = sheet.rows.map((row) =>
    Object.fromEntries(sheet.headers.map((h, i) => [h, row[i] ?? null])),
  )
  return { filename: `${base}.json`, bytes: Buffer.from(JSON.stringify(records, null, 1)) }
}
