/**
 * Reading programme rows: Japanese headers mapped by name (with the usual variants), units
 * declared in a header or above the table, 和暦 years and numbers written as text.
 */

export const FIELDS = [
  'code',
  'name',
  'fiscalYear',
  'department',
  'section',
  'policyArea',
  'startYear',
  'originEvent',
  'endYear',
  'initialBudget',
  'supplementaryBudget',
  'currentBudget',
  'executedAmount',
  'executionRate',
  'nextYearRequest',
  'outcomeIndicator',
  'outcomeTarget',
  'outcomeActual',
  'activityIndicator',
  'activityTarget',
  'activityActual',
  'roleNote',
] as const
export type Field = (typeof FIELDS)[number]

export const AMOUNT_FIELDS = [
  'initialBudget',
  'supplementaryBudget',
  'currentBudget',
  'executedAmount',
  'nextYearRequest',
] as const satisfies readonly Field[]
export const NUMBER_FIELDS = [
  'outcomeTarget',
  'outcomeActual',
  'activityTarget',
  'activityActual',
] as const satisfies readonly Field[]
export const YEAR_FIELDS = [
  'fiscalYear',
  'startYear',
  'endYear',
] as const satisfies readonly Field[]

/** The headers this app writes, and the first name of each field when reading. */
export const HEADERS: Record<Field, string[]> = {
  code: ['予算事業ID', '事業ID', '事業番号', '事業コード'],
  name: ['事業名', '事業名称'],
  fiscalYear: ['事業年度', '年度', '会計年度', '予算年度'],
  department: ['所管部局', '所管部', '部局', '部局名', '担当部', '所管'],
  section: ['所管課', '担当課', '課名', '課'],
  policyArea: ['政策分野', '政策課題', '施策分野'],
  startYear: ['事業開始年度', '開始年度', '創設年度'],
  originEvent: ['創設の契機', '創設契機', '契機', '創設の背景'],
  endYear: ['事業終了予定年度', '事業終了年度', '終了予定年度', '終期', '終期年度'],
  initialBudget: ['当初予算額', '当初予算'],
  supplementaryBudget: ['補正予算額', '補正予算'],
  currentBudget: ['歳出予算現額', '予算現額'],
  executedAmount: ['執行額', '支出済額', '決算額'],
  executionRate: ['執行率'],
  nextYearRequest: ['翌年度要求額', '次年度要求額', '要求額'],
  outcomeIndicator: ['成果指標'],
  outcomeTarget: ['成果目標値', '成果指標目標値', '成果目標'],
  outcomeActual: ['成果実績値', '成果指標実績値', '成果実績'],
  activityIndicator: ['活動指標'],
  activityTarget: ['活動目標値', '活動指標目標値', '活動目標'],
  activityActual: ['活動実績値', '活動指標実績値', '活動実績'],
  roleNote: ['官民の役割分担', '民間との役割分担', '役割分担'],
}

const UNIT_MULTIPLIER: Record<string, number> = { 円: 1, 千円: 1000, 百万円: 1_000_000 }
const unitPattern = /[（(]\s*(?:単位\s*[:：]?\s*)?(千円|百万円|円)\s*[)）]/

const aliasToField = new Map<string, Field>()
for (const field of FIELDS) for (const alias of HEADERS[field]) aliasToField.set(alias, field)

const normalise = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

export interface ColumnMap {
  /** column index → field */
  columns: Map<number, Field>
  /** per amount column, the multiplier its header declares (else the file's) */
  multipliers: Map<number, number>
}

/** A header cell's field and declared unit: 「当初予算額（千円）」 → initialBudget, ×1000. */
export function headerField(cell: string): { field: Field | null; multiplier: number | null } {
  const text = normalise(cell)
  const unit = unitPattern.exec(text)
  const bare = text.replace(unitPattern, '').replace(/[()（）「」【】[\]※*]/g, '')
  return {
    field: aliasToField.get(bare) ?? null,
    multiplier: unit ? UNIT_MULTIPLIER[unit[1]!]! : null,
  }
}

/** Finds the header row among the first rows (at least two known headers) and the file's unit. */
export function locateHeader(
  rows: string[][],
): { index: number; map: ColumnMap; missing: Field[] } | null {
  let fileMultiplier = 1
  for (let i = 0; i < Math.min(rows.length, 20); i++) {
    const row = rows[i] ?? []
    const columns = new Map<number, Field>()
    const multipliers = new Map<number, number>()
    row.forEach((cell, index) => {
      const { field, multiplier } = headerField(cell)
      if (field && ![...columns.values()].includes(field)) {
        columns.set(index, field)
        if (multiplier) multipliers.set(index, multiplier)
      }
    })
    if (columns.size >= 2) {
      for (const [index, field] of columns)
        if ((AMOUNT_FIELDS as readonly Field[]).includes(field) && !multipliers.has(index))
          multipliers.set(index, fileMultiplier)
      const present = new Set(columns.values())
      const missing = (['code', 'name', 'department'] as Field[]).filter((f) => !present.has(f))
      return { index: i, map: { columns, multipliers }, missing }
    }
    // 「（単位：千円）」 above the table declares the file's unit.
    const declared = row
      .map((c) => /単位\s*[:：]?\s*(千円|百万円|円)/.exec(normalise(c)))
      .find(Boolean)
    if (declared) fileMultiplier = UNIT_MULTIPLIER[declared[1]!]!
  }
  return null
}

const ERAS: [string[], number][] = [
  [['令和', 'R'], 2018],
  [['平成', 'H'], 1988],
  [['昭和', 'S'], 1925],
]

const PLAIN_YEAR = /^\d{4}$/
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const yearInRange = (year: number) => (year >= 1900 && year <= 2200 ? year : undefined)

/** 2016, 2016年度, 平成28年度, H28, R6, 令和元年度 → a western year; '' → null; else undefined. */
export function parseYear(input: string): number | null | undefined {
  // Most cells of a large file are plain numbers: skip the normalisation for them.
  if (PLAIN_YEAR.test(input)) return yearInRange(Number(input))
  const text = normalise(input)
    .replace(/年度?$/, '')
    .replace(/\.0+$/, '')
  if (text === '' || text === '-' || text === '―' || text === 'なし') return null
  if (PLAIN_YEAR.test(text)) return yearInRange(Number(text))
  for (const [names, base] of ERAS) {
    for (const name of names) {
      if (text.toUpperCase().startsWith(name)) {
        const rest = text.slice(name.length)
        const n = rest === '元' ? 1 : /^\d{1,2}$/.test(rest) ? Number(rest) : Number.NaN
        if (n >= 1 && n <= 99) return base + n
      }
    }
  }
  return undefined
}

/** "50617000.0", "1,234", "△1,000", "1,234千円" → a number; '' or '-' → null; else undefined. */
export function parseNumber(input: string): number | null | undefined {
  if (PLAIN_NUMBER.test(input)) return Number(input)
  let text = normalise(input)
    .replace(/[,，]/g, '')
    .replace(/(千円|百万円|円)$/, '')
  if (text === '' || text === '-' || text === '―' || text === '－') return null
  let sign = 1
  if (/^[△▲]/.test(text)) {
    sign = -1
    text = text.slice(1)
  }
  if (!PLAIN_NUMBER.test(text)) return undefined
  return sign * Number(text)
}
