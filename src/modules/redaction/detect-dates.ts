import type { Found } from './detect-numbers.ts'

/** The eras with their first and last day (和暦). */
const ERAS = [
  { names: ['令和', 'R'], start: [2019, 5, 1], end: null, base: 2018 },
  { names: ['平成', 'H'], start: [1989, 1, 8], end: [2019, 4, 30], base: 1988 },
  { names: ['昭和', 'S'], start: [1926, 12, 25], end: [1989, 1, 7], base: 1925 },
  { names: ['大正', 'T'], start: [1912, 7, 30], end: [1926, 12, 25], base: 1911 },
  { names: ['明治', 'M'], start: [1868, 1, 25], end: [1912, 7, 30], base: 1867 },
] as const

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 12, 十二, 一二, 元 → 12, 12, 12, 1 */
export function parseJapaneseNumber(value: string): number {
  if (value === '元') return 1
  if (/^\d+$/.test(value)) return Number(value)
  if (value.includes('十')) {
    const [tens, ones] = value.split('十') as [string, string]
    return (
      (tens ? (KANJI_DIGITS[tens] ?? Number.NaN) : 1) * 10 +
      (ones ? (KANJI_DIGITS[ones] ?? Number.NaN) : 0)
    )
  }
  return Number([...value].map((c) => KANJI_DIGITS[c] ?? 'x').join(''))
}

const ymd = (y: number, m: number, d: number) => y * 10000 + m * 100 + d
const ymdOf = (date: readonly [number, number, number]) => ymd(date[0], date[1], date[2])

function isRealDate(year: number, month: number, day: number): boolean {
  if (!(month >= 1 && month <= 12 && day >= 1)) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A 和暦 date that existed: the era's year in range and the day inside the era. */
export function westernYearOfEra(
  era: string,
  year: number,
  month: number,
  day: number,
): number | null {
  const e = ERAS.find((x) => (x.names as readonly string[]).includes(era))
  if (!e || year < 1) return null
  const western = e.base + year
  if (!isRealDate(western, month, day)) return null
  const value = ymd(western, month, day)
  if (value < ymdOf(e.start)) return null
  if (e.end && value > ymdOf(e.end)) return null
  if (value > ymd(new Date().getFullYear(), 12, 31)) return null
  return western
}

const NUM = '(?:\\d{1,2}|[〇一二三四五六七八九十]{1,3})'
const ERA_DATE = new RegExp(
  `(明治|大正|昭和|平成|令和) ?(${NUM}|元) ?年 ?(${NUM}) ?月 ?(${NUM}) ?日` +
    `|(?<![A-Za-z])([MTSHR])\\.? ?(\\d{1,2})[./-](\\d{1,2})[./-](\\d{1,2})(?!\\d)`,
  'g',
)
const WESTERN_DATE =
  /(?<!\d)(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日|(?<![\d./-])(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?![\d./-])/g

const BIRTH_BEFORE = /生年月日|誕生日|出生|生まれ/
const BIRTH_AFTER = /^(?: ?[（(]?[0-9]+歳[）)]?)? ?(?:生まれ|生|出生|誕生)/

function birthContext(text: string, start: number, end: number): boolean {
  let from = Math.max(0, start - 20)
  const stop = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('\n', start - 1))
  if (stop >= from) from = stop + 1
  return BIRTH_BEFORE.test(text.slice(from, start)) || BIRTH_AFTER.test(text.slice(end, end + 12))
}

/**
 * Dates of birth: a real date (era ranges checked for 和暦) in a birth context. Other dates —
 * the meeting's date, a deadline — are not personal information and stay.
 */
export function detectBirthDates(text: string): Found[] {
  const out: Found[] = []
  ERA_DATE.lastIndex = 0
  for (let m = ERA_DATE.exec(text); m; m = ERA_DATE.exec(text)) {
    const era = m[1] ?? m[5]!
    const [y, mo, d] = (m[1] ? [m[2], m[3], m[4]] : [m[6], m[7], m[8]]).map((v) =>
      parseJapaneseNumber(v!),
    ) as [number, number, number]
    const end = m.index + m[0].length
    if (westernYearOfEra(era, y, mo, d) !== null && birthContext(text, m.index, end))
      out.push({ start: m.index, end, type: 'birth_date' })
  }
  WESTERN_DATE.lastIndex = 0
  for (let m = WESTERN_DATE.exec(text); m; m = WESTERN_DATE.exec(text)) {
    const [y, mo, d] = (m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]]).map(Number) as [
      number,
      number,
      number,
    ]
    const end = m.index + m[0].length
    if (
      y >= 1868 &&
      y <= new Date().getFullYear() &&
      isRealDate(y, mo, d) &&
      birthContext(text, m.index, end)
    )
      out.push({ start: m.index, end, type: 'birth_date' })
  }
  return out
}
