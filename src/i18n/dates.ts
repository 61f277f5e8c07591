import type { Locale } from './index.ts'

/** The fiscal year (April–March) a date falls in: 2026-03-31 is FY2025. */
export function fiscalYearOf(date: Date): number {
  const year = date.getFullYear()
  return date.getMonth() < 3 ? year - 1 : year
}

const tz = 'Asia/Tokyo'

// Made once: constructing an Intl.DateTimeFormat costs about 50 times a format() call, and a
// page of meetings or proposals formats hundreds of dates.
const enDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: tz })
const jaDate = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: tz })
const dateTime = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }),
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: tz }),
}
const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: tz,
})
const isoDate = new Intl.DateTimeFormat('en-CA', { timeZone: tz })

/** 2026年11月26日（令和8年）: 西暦 first, with the 和暦 year officials expect beside it. */
export function formatDate(date: Date, locale: Locale): string {
  if (locale === 'en') {
    return enDate.format(date)
  }
  const western = jaDate.format(date)
  return `${western}（${japaneseEraYear(date)}）`
}

export function formatDateTime(date: Date, locale: Locale): string {
  return dateTime[locale === 'en' ? 'en' : 'ja'].format(date)
}

/** 令和8年 */
export function japaneseEraYear(date: Date): string {
  const parts = eraYear.formatToParts(date)
  const era = parts.find((p) => p.type === 'era')?.value ?? ''
  const year = parts.find((p) => p.type === 'year')?.value ?? ''
  return `${era}${year === '1' ? '元' : year}年`
}

/** 令和8年度（2026年度）: officials name fiscal years by era; the western year follows. */
export function formatFiscalYear(fiscalYear: number, locale: Locale): string {
  if (locale === 'en') return `FY${fiscalYear}`
  // The era of a fiscal year is the era on its first day, 1 April.
  return `${japaneseEraYear(new Date(Date.UTC(fiscalYear, 3, 1, 3)))}度（${fiscalYear}年度）`
}

/** A moment's calendar date in Tokyo as YYYY-MM-DD, the calendar every date here is kept in. */
export function todayInTokyo(now: Date = new Date()): string {
  return isoDate.format(now)
}
