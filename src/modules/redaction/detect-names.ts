import { REPRESENTATIVE_TITLES } from './detect-places.ts'
import type { SpanType } from './redaction.types.ts'
import type { JapaneseTokenizer, Token } from './tokenizer.ts'

/** Titles and honorifics after which the preceding words are a person's name. */
const TITLES =
  '副委員長|委員長|専門委員|臨時委員|委員|副会長|会長|部会長|副議長|議長|副座長|座長|幹事長|幹事|理事長|理事|監事|局長|部長|担当課長|課長|係長|参事|主事|主任|室長|所長|准教授|教授|講師|先生|弁護士|税理士|会計士|社長|議員|副知事|知事|区長|市長|町長|村長|院長|校長|園長|館長'
const HONORIFICS = 'さん|様|氏|君|ちゃん|殿'
const TITLE_AFTER = new RegExp(`^ ?(?:${TITLES}|${HONORIFICS})`)
const HONORIFIC_AFTER = new RegExp(`^ ?(?:${HONORIFICS})`)
const GIVEN_BEFORE_TITLE = new RegExp(
  `^([\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,4}?)(?=${TITLES}|${HONORIFICS})`,
  'u',
)
/** Official titles: where an allowlisted member's surname is followed by one, it stays. */
const OFFICIAL_AFTER = new RegExp(`^(?:${TITLES})`)

const NAME_CHARS = '\\p{Script=Han}々ヶ\\p{Script=Katakana}ー・'
const LABEL_NAME = `([${NAME_CHARS}]{1,8})`
// Words in a speaker label that are roles, not names (○事務局, 【会長】, ○説明者).
const ROLE_WORD =
  /^(?:事務|事務局|局|課|部|部会|委員|会長|副|担当|議長|座長|説明|説明者|参考人|司会|全員|一同|傍聴|幹事|理事|監事|都|区|市|町|村|各|両|本|当|同)$|事務局|担当|説明者|参考人|傍聴|全員|一同/

const SPEAKER_LABELS = [
  // ○山田委員　… / ◎田中会長 …
  new RegExp(`^[ \\t]*[○〇◯◎●] ?${LABEL_NAME}(?:${TITLES}|${HONORIFICS})`, 'gmu'),
  // 【田中会長】
  new RegExp(`^[ \\t]*【${LABEL_NAME}(?:${TITLES}|${HONORIFICS})】`, 'gmu'),
  // 委員長（高橋一郎君）, 事務局（佐藤課長）, 説明者（鈴木部長）
  new RegExp(
    `(?:${TITLES}|事務局|説明者|参考人|発言者) ?[（(]([${NAME_CHARS}]{1,8}?)(?:${TITLES}|${HONORIFICS})?[）)]`,
    'gu',
  ),
  // 山田委員：…, 山田委員　… at the start of a line
  new RegExp(`^[ \\t]*${LABEL_NAME}(?:${TITLES})[：:]`, 'gmu'),
]

export interface NameHit {
  start: number
  end: number
  name: string
  /** The family name alone, when known; later occurrences of it are the same person. */
  surname: string | null
  type: Extract<SpanType, 'person' | 'organization'>
}

const isPersonToken = (t: Token) => t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '人名'
const isFamily = (t: Token) => isPersonToken(t) && t.pos_detail_3 === '姓'
const isGiven = (t: Token) => isPersonToken(t) && t.pos_detail_3 === '名'
const nameLike = new RegExp(`^[${NAME_CHARS}]+$`, 'u')
const isUnknownName = (t: Token) =>
  t.word_type === 'UNKNOWN' && nameLike.test(t.surface_form) && t.surface_form.length <= 6
const isProperNoun = (t: Token) =>
  t.pos_detail_1 === '固有名詞' && nameLike.test(t.surface_form) && t.surface_form.length <= 4

export interface Tokens {
  list: Token[]
  starts: Int32Array
  /** Whether a token starts (or the text ends) at an index: names are only matched at such bounds. */
  boundary: Uint8Array
}

export function tokenize(tokenizer: JapaneseTokenizer, text: string): Tokens {
  const list = tokenizer.tokenize(text)
  const starts = new Int32Array(list.length)
  const boundary = new Uint8Array(text.length + 1)
  // word_position counts code points; spans need string indices, so they are counted here.
  let at = 0
  for (let i = 0; i < list.length; i++) {
    const surface = list[i]!.surface_form
    const found = text.startsWith(surface, at) ? at : text.indexOf(surface, at)
    at = found < 0 ? at : found
    starts[i] = at
    boundary[at] = 1
    at += surface.length
  }
  boundary[text.length] = 1
  return { list, starts, boundary }
}

function surnameOf(run: Token[]): string | null {
  if (run.length >= 2 && isFamily(run[0]!)) return run[0]!.surface_form
  if (run.length === 1) return run[0]!.surface_form
  return null
}

/** A corporation's representative (代表取締役 山田太郎, 松井理事長) is corporate information. */
function typeAround(text: string, start: number, end: number): NameHit['type'] {
  return REPRESENTATIVE_TITLES.test(text.slice(Math.max(0, start - 8), start)) ||
    REPRESENTATIVE_AFTER.test(text.slice(end, end + 8))
    ? 'organization'
    : 'person'
}

const REPRESENTATIVE_AFTER = /^ ?(?:代表取締役|代表理事|理事長|社長)/
const REPRESENTATIVE = new RegExp(
  `(?:代表取締役社長|代表取締役|代表理事|代表執行役|代表社員|代表者|理事長|社長)[ :：]?` +
    `([\\p{Script=Han}々ヶ]{1,4}?(?:[\\p{Script=Han}々ヶ]{1,4}?|[\\p{Script=Hiragana}]{2,4}?)?)` +
    `(?=氏|さん|様|君|[ 、。（(]|から|より|が|は|です)`,
  'gu',
)

/** Names after a representative's title, which the tokenizer may split oddly (大翔 → 大|翔). */
function representatives(text: string, tokens: Tokens): NameHit[] {
  const hits: NameHit[] = []
  REPRESENTATIVE.lastIndex = 0
  for (let m = REPRESENTATIVE.exec(text); m; m = REPRESENTATIVE.exec(text)) {
    const name = m[1]!
    const start = m.index + m[0].length - name.length
    const run = tokensIn(tokens, start, start + name.length)
    const surname =
      run.length >= 2 && isFamily(run[0]!)
        ? run[0]!.surface_form
        : name.length >= 3
          ? name.slice(0, 2)
          : name
    hits.push({ start, end: start + name.length, name, surname, type: 'organization' })
  }
  return hits
}

/** Names next to a title or an honorific, and full names (姓 + 名), found with the tokenizer. */
function namesFromTokens(text: string, tokens: Tokens): NameHit[] {
  const hits: NameHit[] = []
  const { list, starts } = tokens
  for (let i = 0; i < list.length; i++) {
    const first = list[i]!
    if (!(isPersonToken(first) || isUnknownName(first) || isProperNoun(first))) continue
    const run = [first]
    while (run.length < 3 && i + run.length < list.length) {
      const next = list[i + run.length]!
      if (isGiven(next) || (isPersonToken(next) && run.length === 1) || isUnknownName(next))
        run.push(next)
      else if (
        next.surface_form === '・' &&
        /^[\p{Script=Katakana}ー]+$/u.test(run[run.length - 1]!.surface_form)
      )
        run.push(next)
      else if (
        run[run.length - 1]!.surface_form === '・' &&
        /^[\p{Script=Katakana}ー]+$/u.test(next.surface_form)
      )
        run.push(next)
      else break
    }
    while (run.length > 1 && run[run.length - 1]!.surface_form === '・') run.pop()
    let start = starts[i]!
    // A given name right after kanji the dictionary did not take for a family name (𠮷田花子).
    if (isGiven(first)) {
      const family = /[\p{Script=Han}々ヶ]{1,3}$/u.exec(text.slice(Math.max(0, start - 4), start))
      if (family) start -= family[0].length
    }
    let end = starts[i]! + run.reduce((n, t) => n + t.surface_form.length, 0)
    // A given name the dictionary does not know (さくら, 大翔) between the family name and a title.
    if (isFamily(first) && !TITLE_AFTER.test(text.slice(end, end + 6))) {
      const given = GIVEN_BEFORE_TITLE.exec(text.slice(end, end + 12))
      if (given && !/^(?:の|は|が|を|に|と|も|や|へ|で)/.test(given[1]!)) end += given[1]!.length
    }
    const after = text.slice(end, end + 6)
    const hasPerson = run.some(isPersonToken)
    const fullName = run.length >= 2 && isFamily(run[0]!) && run.slice(1).some(isGiven)
    const titled = TITLE_AFTER.test(after) && hasPerson
    const honoured = HONORIFIC_AFTER.test(after)
    if (fullName || titled || honoured) {
      const name = text.slice(start, end)
      hits.push({ start, end, name, surname: surnameOf(run), type: typeAround(text, start, end) })
    }
    i += run.length - 1
  }
  return hits
}

/** Names in speaker labels (○山田委員, 【田中会長】, 委員長（高橋一郎君）). */
function namesFromLabels(text: string, tokens: Tokens): NameHit[] {
  const hits: NameHit[] = []
  for (const pattern of SPEAKER_LABELS) {
    pattern.lastIndex = 0
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const nameStart = m.index + m[0].indexOf(m[1]!, m[0].search(/[^ \t○〇◯◎●【]/u))
      const start = nameStart
      const end = splitTitle(text, tokens, nameStart, nameStart + m[1]!.length)
      const name = text.slice(start, end)
      if (!name || ROLE_WORD.test(name)) continue
      const run = tokensIn(tokens, start, end)
      hits.push({
        start,
        end,
        name,
        surname: run.length ? surnameOf(run) : null,
        type: typeAround(text, start, end),
      })
    }
  }
  return hits
}

const TITLE_LIST = TITLES.split('|').sort((a, b) => b.length - a.length)

/**
 * Where a label's name ends: 高木部会長 is 高木 + 部会長 but 阿部会長 is 阿部 + 会長. Of the
 * titles the label could end in, the longest whose start is a token boundary wins.
 */
function splitTitle(text: string, tokens: Tokens, start: number, nameEnd: number): number {
  const rest = text.slice(nameEnd, nameEnd + 6)
  const label = text.slice(start, nameEnd)
  let fallback = nameEnd
  for (const title of TITLE_LIST) {
    for (let k = 1; k < label.length && k <= 3; k++) {
      const tail = label.slice(label.length - k)
      if ((tail + rest).startsWith(title) && title.length > k) {
        const end = nameEnd - k
        if (tokens.boundary[end]) return end
      }
    }
  }
  if (label.endsWith('副')) fallback = nameEnd - 1
  return fallback
}

/** The tokens starting in [start, end): a binary search, as labels and titles ask for thousands. */
function tokensIn(tokens: Tokens, start: number, end: number): Token[] {
  const { starts, list } = tokens
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (starts[mid]! < start) lo = mid + 1
    else hi = mid
  }
  const out: Token[] = []
  for (let i = lo; i < list.length && starts[i]! < end; i++) out.push(list[i]!)
  return out
}

export interface Allowlist {
  full: Set<string>
  surnames: Set<string>
}

export function buildAllowlist(tokenizer: JapaneseTokenizer, names: readonly string[]): Allowlist {
  const full = new Set<string>()
  const surnames = new Set<string>()
  for (const raw of names) {
    const name = raw.normalize('NFKC').replace(/\s+/g, '')
    if (!name) continue
    full.add(name)
    const run = tokenizer.tokenize(name)
    const surname =
      run.length >= 2 && isFamily(run[0]!)
        ? run[0]!.surface_form
        : name.length >= 3
          ? name.slice(0, 2)
          : name
    surnames.add(surname)
  }
  return { full, surnames }
}

/**
 * Every person's name in the document: those found next to titles, in speaker labels and as
 * full names, then every other occurrence of each (a bare surname too). Allowlisted members
 * and officials stay.
 */
export function detectNames(text: string, tokens: Tokens, allow: Allowlist): NameHit[] {
  const found = [
    ...representatives(text, tokens),
    ...namesFromLabels(text, tokens),
    ...namesFromTokens(text, tokens),
  ]
  // A surname that also belongs to someone not on the allowlist is withheld everywhere.
  const privateSurnames = new Set(
    found
      .filter((h) => !allow.full.has(h.name) && h.surname && h.surname !== h.name)
      .map((h) => h.surname!),
  )
  const allowed = (name: string, end: number) =>
    allow.full.has(name) ||
    (allow.surnames.has(name) &&
      !privateSurnames.has(name) &&
      OFFICIAL_AFTER.test(text.slice(end, end + 5)))
  const kept = found.filter((h) => !allowed(h.name, h.end))
  const registry = new Map<string, NameHit['type']>()
  for (const h of kept) {
    const current = registry.get(h.name)
    if (current !== 'person') registry.set(h.name, h.type)
    if (h.surname && h.surname.length >= 2 && !allow.full.has(h.surname)) {
      if (registry.get(h.surname) !== 'person') registry.set(h.surname, h.type)
    }
  }
  const out = [...kept]
  for (const [name, type] of registry) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length
      if (!tokens.boundary[at] || !tokens.boundary[end]) continue
      if (allowed(name, end)) continue
      out.push({ start: at, end, name, surname: null, type })
    }
  }
  return out
}
