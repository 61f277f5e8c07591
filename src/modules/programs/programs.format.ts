import { formatFiscalYear } from '../../i18n/dates.ts'
import type { Locale, Translate } from '../../i18n/index.ts'

const grouped = new Intl.NumberFormat('ja-JP')

export const yen = (t: Translate, amount: number | null) =>
  amount === null ? '—' : t('programs.yen', { amount: grouped.format(amount) })

export const plain = (value: number | null) => (value === null ? '—' : grouped.format(value))

export const percent = (rate: number | null) =>
  rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`

export const fiscalYearLabel = (year: number | null, locale: Locale) =>
  year === null ? '—' : formatFiscalYear(year, locale)

export const endYearLabel = (t: Translate, year: number | null, locale: Locale) =>
  year === null ? t('programs.noEndYear') : formatFiscalYear(year, locale)

/** Query-string of a filter, without empty values. */
export function query(params: Record<string, string | number | null | undefined>) {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v))
  const s = search.toString()
  return s ? `?${s}` : ''
}
