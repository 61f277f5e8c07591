import { isValidCorporateNumber, isValidMyNumber } from './check-digits.ts'
import type { SpanType } from './redaction.types.ts'

/** A finding in the normalised text. */
export interface Found {
  start: number
  end: number
  type: SpanType
}

/** Hyphens people type between digit groups (after NFKC): ASCII, Unicode dashes, minus, 長音. */
export const HYPHEN = '[-‐‑‒–—―−ーｰ]'
const SEP = `(?: ?${HYPHEN} ?| )`
const onlyDigits = (s: string) => s.replace(/\D/g, '')

/**
 * The context words must come shortly before the number, in the same sentence (or a few
 * characters after it, as in 「1234…（個人番号）」).
 */
export function contextBefore(text: string, index: number, words: RegExp, window = 30): boolean {
  let from = Math.max(0, index - window)
  const stop = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('\n', index - 1))
  if (stop >= from) from = stop + 1
  return words.test(text.slice(from, index))
}

function contextAfter(text: string, index: number, words: RegExp, window = 12): boolean {
  return words.test(text.slice(index, index + window).split(/[。\n]/)[0] ?? '')
}

function* matches(text: string, pattern: RegExp) {
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) yield m
}

// ---- phone numbers --------------------------------------------------------------------

const PHONE = new RegExp(
  [
    // 03-1234-5678, 090 1234 5678, +81-3-1234-5678, +81 (0)90-1234-5678
    `(?:\\+81${SEP}?(?:\\(0\\)${SEP}?)?|0)\\d{1,4}${SEP}\\d{1,4}${SEP}\\d{3,4}`,
    // (03)1234-5678, (03) 1234 5678
    `\\(0\\d{1,4}\\) ?\\d{1,4}${SEP}?\\d{3,4}`,
    // 03(1234)5678
    `0\\d{1,4}\\(\\d{1,4}\\)\\d{3,4}`,
    // 0312345678, 09012345678, +819012345678
    `(?:\\+81 ?|0)\\d{9,10}`,
  ]
    .map((p) => `(?<![\\d${HYPHEN.slice(1, -1)}+])(?:${p})(?!\\d|${HYPHEN}\\d)`)
    .join('|'),
  'g',
)

/** Japanese numbers have 10 digits (fixed lines, 0120, 0570) or 11 (mobile, IP, 0800). */
export function isPhoneNumber(candidate: string): boolean {
  let digits = onlyDigits(candidate.replace(/^\+81\s*[-‐‑‒–—―−ー]?\s*(\(0\))?/, '0'))
  if (!candidate.startsWith('+81')) digits = onlyDigits(candidate)
  if (!digits.startsWith('0') || digits.startsWith('00')) return false
  if (digits.length === 11) return /^0(?:[5789]0|800)/.test(digits)
  if (digits.length === 10) return !/^0[5789]0/.test(digits) || /^0570/.test(digits)
  return false
}

export function detectPhones(text: string): Found[] {
  const out: Found[] = []
  for (const m of matches(text, PHONE)) {
    if (isPhoneNumber(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: 'phone' })
  }
  return out
}

// ---- postal codes, e-mail -------------------------------------------------------------

const POSTAL = new RegExp(
  `〒 ?\\d{7}(?!\\d)|(?<![\\d${HYPHEN.slice(1, -1)}.])\\d{3}${HYPHEN}\\d{4}(?!\\d|${HYPHEN}\\d)`,
  'g',
)

export function detectPostalCodes(text: string): Found[] {
  const out: Found[] = []
  for (const m of matches(text, POSTAL)) {
    const offset = m[0].startsWith('〒') ? m[0].search(/\d/) : 0
    out.push({ start: m.index + offset, end: m.index + m[0].length, type: 'postal' })
  }
  return out
}

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g

export function detectEmails(text: string): Found[] {
  return [...matches(text, EMAIL)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    type: 'email' as const,
  }))
}

// ---- numbers told apart by context and check digits --------------------------------------

const MY_NUMBER_WORDS = /個人番号|マイナンバー|my ?number/i
const LICENSE_WORDS = /免許/
const PENSION_WORDS = /年金/
const BANK_WORDS = /口座|預金|普通|当座|貯金|振込先|銀行|信用金庫|信金|支店/

// 12 digits, possibly in groups of four (My Number, driver's licence)
const TWELVE = new RegExp(
  `(?<![\\d${HYPHEN.slice(1, -1)}])\\d{4}${SEP}?\\d{4}${SEP}?\\d{4}(?!\\d|${HYPHEN}\\d)`,
  'g',
)
// 13 digits, possibly 1-4-4-4 (corporate number)
const THIRTEEN = new RegExp(
  `(?<![\\d${HYPHEN.slice(1, -1)},])\\d${SEP}?\\d{4}${SEP}?\\d{4}${SEP}?\\d{4}(?!\\d|${HYPHEN}\\d|,\\d| ?(?:千|百万|億)?円)`,
  'g',
)
// 基礎年金番号: 4-6
const PENSION = new RegExp(
  `(?<![\\d${HYPHEN.slice(1, -1)}])\\d{4}${SEP}?\\d{6}(?!\\d|${HYPHEN}\\d)`,
  'g',
)
// 口座番号 (7 digits, some banks 6 or 8) and ゆうちょ 記号番号 (5-8)
const ACCOUNT = new RegExp(
  `(?<![\\d${HYPHEN.slice(1, -1)},])(?:\\d{5}${HYPHEN}\\d{8}|\\d{6,8})(?!\\d|${HYPHEN}\\d|,\\d| ?(?:千|百万|億)?円|年|月|日|人|件|名)`,
  'g',
)

/** Which context word is nearest before the number: a 12-digit number may be either kind. */
function nearest(text: string, index: number, kinds: [SpanType, RegExp][]): SpanType | null {
  let best: SpanType | null = null
  let bestAt = -1
  const from = Math.max(0, index - 30)
  const window = text.slice(from, index)
  const stop = Math.max(window.lastIndexOf('。'), window.lastIndexOf('\n'))
  const scope = stop >= 0 ? window.slice(stop + 1) : window
  for (const [type, words] of kinds) {
    const global = new RegExp(words.source, `${words.flags}g`)
    for (const m of scope.matchAll(global)) {
      if (m.index! > bestAt) {
        bestAt = m.index!
        best = type
      }
    }
  }
  return best
}

export function detectIdentifiers(text: string): Found[] {
  const out: Found[] = []
  const taken = new Set<number>()
  const add = (start: number, end: number, type: SpanType) => {
    out.push({ start, end, type })
    taken.add(start)
  }
  for (const m of matches(text, TWELVE)) {
    const digits = onlyDigits(m[0])
    const kind =
      nearest(text, m.index, [
        ['my_number', MY_NUMBER_WORDS],
        ['driver_license', LICENSE_WORDS],
      ]) ?? (contextAfter(text, m.index + m[0].length, MY_NUMBER_WORDS) ? 'my_number' : null)
    if (kind === 'my_number' && isValidMyNumber(digits)) add(m.index, m.index + m[0].length, kind)
    else if (kind === 'driver_license') add(m.index, m.index + m[0].length, kind)
  }
  for (const m of matches(text, THIRTEEN)) {
    // The check digit decides; 法人番号 alone does not make an invalid number one.
    if (isValidCorporateNumber(onlyDigits(m[0])))
      add(m.index, m.index + m[0].length, 'corporate_number')
  }
  for (const m of matches(text, PENSION)) {
    if (taken.has(m.index)) continue
    if (contextBefore(text, m.index, PENSION_WORDS))
      add(m.index, m.index + m[0].length, 'pension_number')
  }
  for (const m of matches(text, ACCOUNT)) {
    if (taken.has(m.index)) continue
    if (
      contextBefore(text, m.index, BANK_WORDS, 25) &&
      !contextBefore(text, m.index, PENSION_WORDS, 15)
    )
      add(m.index, m.index + m[0].length, 'bank_account')
  }
  return out
}
