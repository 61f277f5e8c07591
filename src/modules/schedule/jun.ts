/**
 * 旬: a month in thirds — 上旬 1–10, 中旬 11–20, 下旬 21 to the month's end. Dates are ISO
 * strings (YYYY-MM-DD) handled in UTC so that no time zone shifts a day.
 */
export type JunPart = 1 | 2 | 3

export interface Jun {
  year: number
  /** 1–12 */
  month: number
  part: JunPart
}

const pad = (n: number) => String(n).padStart(2, '0')
export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(day)}`

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function parseIso(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return { year, month, day }
}

export function junOf(date: string): Jun {
  const { year, month, day } = parseIso(date)
  return { year, month, part: day <= 10 ? 1 : day <= 20 ? 2 : 3 }
}

export function junStart(jun: Jun): string {
  return isoDate(jun.year, jun.month, [1, 11, 21][jun.part - 1]!)
}

export function junEnd(jun: Jun): string {
  const last = jun.part === 3 ? daysInMonth(jun.year, jun.month) : jun.part * 10
  return isoDate(jun.year, jun.month, last)
}

export function nextJun(jun: Jun): Jun {
  if (jun.part < 3) return { ...jun, part: (jun.part + 1) as JunPart }
  return jun.month === 12
    ? { year: jun.year + 1, month: 1, part: 1 }
    : { year: jun.year, month: jun.month + 1, part: 1 }
}

/** Every 旬 from the one holding `from` to the one holding `to`, inclusive. */
export function junsBetween(from: string, to: string): Jun[] {
  const out: Jun[] = []
  const last = junStart(junOf(to))
  for (let j = junOf(from); junStart(j) <= last; j = nextJun(j)) out.push(j)
  return out
}

/** Where a date lies inside its 旬, from 0 (its first day) to just under 1. */
export function fractionInJun(date: string): number {
  const jun = junOf(date)
  const start = parseIso(junStart(jun)).day
  const length = parseIso(junEnd(jun)).day - start + 1
  return (parseIso(date).day - start) / length
}

export const JUN_PART_JA = ['上旬', '中旬', '下旬'] as const
export const JUN_PART_EN = ['early', 'mid', 'late'] as const

export function junLabel(jun: Jun, locale: 'ja' | 'en'): string {
  return locale === 'ja'
    ? `${jun.year}年${jun.month}月${JUN_PART_JA[jun.part - 1]}`
    : `${JUN_PART_EN[jun.part - 1]} ${new Date(Date.UTC(jun.year, jun.month - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })} ${jun.year}`
}

/** "2026年9月上旬〜10月上旬": a period as officials write it. */
export function periodLabel(startsOn: string, endsOn: string, locale: 'ja' | 'en'): string {
  const a = junOf(startsOn)
  const b = junOf(endsOn)
  if (a.year === b.year && a.month === b.month && a.part === b.part) return junLabel(a, locale)
  return `${junLabel(a, locale)}〜${junLabel(b, locale)}`
}

export { todayInTokyo } from '../../i18n/dates.ts'

/** The 旬 of a fiscal year (April to March): 36 of them. */
export function fiscalYearJuns(fiscalYear: number): Jun[] {
  return junsBetween(isoDate(fiscalYear, 4, 1), isoDate(fiscalYear + 1, 3, 31))
}

/** Where a date's end lies inside its 旬: just over 0 for its first day, 1 for its last. */
export function endFractionInJun(date: string): number {
  const jun = junOf(date)
  const start = parseIso(junStart(jun)).day
  const length = parseIso(junEnd(jun)).day - start + 1
  return (parseIso(date).day - start + 1) / length
}
