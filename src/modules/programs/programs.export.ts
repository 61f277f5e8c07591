import { crc32 } from 'node:zlib'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { canViewPrograms } from './programs.policy.ts'
import { type RegistryFilter, registryQuery, toRegistryRow } from './programs.queries.ts'
import type { ProgramYearRow } from './programs.types.ts'

type Cell = string | number | null
export interface Sheet {
  headers: string[]
  rows: Cell[][]
}

const STATUS: Record<string, string> = {
  draft: '作成中',
  submitted: '本部審議中',
  decided: '判定済み',
}
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

/** Every programme-year matching the filter, with its review's verdict, in registry order. */
export async function exportRows(
  db: Db,
  actor: Actor | null,
  filter: RegistryFilter,
): Promise<ProgramYearRow[]> {
  authorize(actor, canViewPrograms)
  const rows = await registryQuery(db, filter)
    .orderBy('y.fiscal_year')
    .orderBy('d.sort_order')
    .orderBy('p.code')
    .execute()
  return rows.map(toRegistryRow)
}

/** The registry in the import's own headers (amounts in 円), so that an export imports back. */
export async function registrySheet(db: Db, rows: ProgramYearRow[]): Promise<Sheet> {
  const reviews = await reviewsByKey(db, rows)
  return {
    headers: [
      '予算事業ID',
      '事業年度',
      '事業名',
      '所管部局',
      '所管課',
      '政策分野',
      '事業開始年度',
      '創設の契機',
      '事業終了（予定）年度',
      '当初予算額（円）',
      '補正予算額（円）',
      '歳出予算現額（円）',
      '執行額（円）',
      '執行率（%）',
      '翌年度要求額（円）',
      '成果指標',
      '成果目標値',
      '成果実績値',
      '活動指標',
      '活動目標値',
      '活動実績値',
      '官民の役割分担',
      '点検状況',
      '判定',
      '判定理由',
      '予算要求への反映額（円）',
    ],
    rows: rows.map((r) => {
      const review = reviews.get(`${r.id}/${r.year.fiscalYear}`)
      return [
        r.code,
        r.year.fiscalYear,
        r.name,
        r.departmentName,
        r.sectionName,
        r.policyAreaName,
        r.startYear,
        r.originEvent,
        r.endYear,
        r.year.initialBudget,
        r.year.supplementaryBudget,
        r.year.currentBudget,
        r.year.executedAmount,
        percent(r.year.executionRate),
        r.year.nextYearRequest,
        r.year.outcomeIndicator,
        r.year.outcomeTarget,
        r.year.outcomeActual,
        r.year.activityIndicator,
        r.year.activityTarget,
        r.year.activityActual,
        r.year.roleNote,
        r.reviewStatus ? STATUS[r.reviewStatus]! : null,
        r.verdictName,
        review?.verdictNote ?? null,
        review?.reflectedAmount ?? null,
      ]
    }),
  }
}

async function reviewsByKey(db: Db, rows: ProgramYearRow[]) {
  const ids = [...new Set(rows.filter((r) => r.reviewStatus).map((r) => r.id))]
  const map = new Map<string, { verdictNote: string | null; reflectedAmount: number | null }>()
  for (let i = 0; i < ids.length; i += 1000) {
    const found = await db
      .selectFrom('program_reviews')
      .select(['program_id', 'fiscal_year', 'verdict_note', 'reflected_amount'])
      .where('program_id', 'in', ids.slice(i, i + 1000))
      .execute()
    for (const f of found)
      map.set(`${f.program_id}/${f.fiscal_year}`, {
        verdictNote: f.verdict_note,
        reflectedAmount: f.reflected_amount === null ? null : Number(f.reflected_amount),
      })
  }
  return map
}

/** The national review-sheet data's shape: several tables keyed on (予算事業ID, 事業年度). */
export async function reviewSheetFiles(
  db: Db,
  rows: ProgramYearRow[],
): Promise<Record<string, Sheet>> {
  const full = await registrySheet(db, rows)
  const key = (r: ProgramYearRow) => [r.code, r.year.fiscalYear]
  return {
    '1-1_基本情報_事業概要.csv': {
      headers: [
        '予算事業ID',
        '事業年度',
        '事業名',
        '府省庁',
        '局・部',
        '課',
        '政策分野',
        '事業開始年度',
        '創設の契機',
        '事業終了（予定）年度',
        '官民の役割分担',
      ],
      rows: rows.map((r) => [
        ...key(r),
        r.name,
        '東京都',
        r.departmentName,
        r.sectionName,
        r.policyAreaName,
        r.startYear,
        r.originEvent,
        r.endYear,
        r.year.roleNote,
      ]),
    },
    '2-1_予算・執行_サマリ.csv': {
      headers: [
        '予算事業ID',
        '事業年度',
        '当初予算（円）',
        '補正予算（円）',
        '歳出予算現額（円）',
        '執行額（円）',
        '執行率（%）',
        '翌年度要求額（円）',
      ],
      rows: rows.map((r) => [
        ...key(r),
        r.year.initialBudget,
        r.year.supplementaryBudget,
        r.year.currentBudget,
        r.year.executedAmount,
        percent(r.year.executionRate),
        r.year.nextYearRequest,
      ]),
    },
    '3-1_効果発現経路_目標・実績.csv': {
      headers: ['予算事業ID', '事業年度', '指標区分', '指標名', '目標値', '実績値'],
      rows: rows.flatMap((r) => [
        ...(r.year.outcomeIndicator
          ? [
              [
                ...key(r),
                '成果目標',
                r.year.outcomeIndicator,
                r.year.outcomeTarget,
                r.year.outcomeActual,
              ],
            ]
          : []),
        ...(r.year.activityIndicator
          ? [
              [
                ...key(r),
                '活動目標',
                r.year.activityIndicator,
                r.year.activityTarget,
                r.year.activityActual,
              ],
            ]
          : []),
      ]),
    },
    '4-1_点検・評価.csv': {
      headers: [
        '予算事業ID',
        '事業年度',
        '点検状況',
        '判定',
        '判定理由',
        '予算要求への反映額（円）',
      ],
      rows: full.rows.map((c, i) => [
        ...key(rows[i]!),
        c[22] ?? null,
        c[23] ?? null,
        c[24] ?? null,
        c[25] ?? null,
      ]),
    },
  }
}

function csvCell(value: Cell): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** CSV as Excel in Japan opens it: UTF-8 with a BOM, CRLF line ends. */
export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.headers, ...sheet.rows].map((row) => row.map(csvCell).join(','))
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)])
}

export async function toXlsx(sheet: Sheet, name = '事業一覧'): Promise<Buffer> {
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  const ws = workbook.addWorksheet(name)
  ws.addRow(sheet.headers).font = { bold: true }
  for (const row of sheet.rows) ws.addRow(row)
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** A zip of stored (uncompressed) files: enough for a handful of CSVs, no library needed. */
export function storedZip(files: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, data] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(centrals.length / 2, 8)
  end.writeUInt16LE(centrals.length / 2, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
