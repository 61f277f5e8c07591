import { type Found, HYPHEN } from './detect-numbers.ts'

const PREFECTURES =
  '北海道|東京都|京都府|大阪府|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県'

const H = HYPHEN.slice(1, -1)
const HAN = '\\p{Script=Han}ヶケ々'
const KNUM = '[〇一二三四五六七八九十]+'
// 市 (with a ward: 横浜市中区), 郡…町/村, 特別区, 町村
const KANA_CITIES =
  'さいたま市|つくば市|つくばみらい市|いわき市|ひたちなか市|あきる野市|かすみがうら市|みどり市|うきは市|みやま市|いちき串木野市|南さつま市|えびの市'
const MUNICIPALITY = `(?:(?:${KANA_CITIES})(?:[${HAN}]{1,3}?区)?|[${HAN}]{1,5}?市(?:[${HAN}]{1,3}?区)?|[${HAN}]{1,4}?郡[${HAN}]{1,4}?[町村]|[${HAN}]{1,4}?区|[${HAN}]{1,4}?[町村])`
const TOWN = `(?:[${HAN}\\p{Script=Katakana}ー][${HAN}\\p{Script=Katakana}ーのノヶケ]{0,9}?)?`
const BLOCK = `(?:(?:\\d+|${KNUM})丁目 ?)?\\d+(?:(?:番地?の?|[${H}])\\d+)*(?:号|番地?)?`
const BUILDING = `(?: ?[${HAN}\\p{Script=Katakana}ーA-Za-z]{1,15}\\d+号室| ?\\d+号室)?`

const ADDRESS = new RegExp(
  `(?<![${HAN}\\p{Script=Katakana}])((?:${PREFECTURES}) ?)?${MUNICIPALITY}${TOWN}${BLOCK}${BUILDING}`,
  'gu',
)
const PREFECTURE_ONLY = new RegExp(`^(?:${PREFECTURES})`)

/** Words that end in 市/区/町/村 without being a municipality. */
const NOT_MUNICIPALITY = new RegExp(
  `^(?:地区|各区|区|市|町|村|特別区|市町村|区市町村|区市|全区|都市|同市|同区|当区|本市|本区|本町|当市|両区|各市|隣町|城下町|門前町|港町)(?![${HAN}])`,
  'u',
)

/**
 * Addresses from the prefecture or the municipality onward, down to the block number
 * (and a room). A municipality alone (新宿区に住む) does not identify anyone and stays; so do
 * numbers after words such as 地区.
 */
export function detectAddresses(text: string): Found[] {
  const out: Found[] = []
  ADDRESS.lastIndex = 0
  for (let m = ADDRESS.exec(text); m; m = ADDRESS.exec(text)) {
    const value = m[0]
    const withoutPrefecture = value.replace(PREFECTURE_ONLY, '').trimStart()
    if (NOT_MUNICIPALITY.test(withoutPrefecture)) continue
    // Without a prefecture the block must look like one: 丁目, 番, 号 or 1-2-3.
    const blocky = new RegExp(`丁目|番|号|\\d[${H}]\\d`).test(value)
    if (!m[1] && !blocky) continue
    out.push({ start: m.index, end: m.index + value.length, type: 'address' })
  }
  return out
}

const LEGAL_FORMS =
  '株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|医療法人社団|医療法人財団|医療法人|学校法人|特定非営利活動法人|NPO法人|宗教法人|事業協同組合|協同組合|\\(株\\)|\\(有\\)|\\(一社\\)|\\(公財\\)|\\(一財\\)|\\(公社\\)|\\(福\\)|\\(医\\)|\\(学\\)|\\(特非\\)'
const ORG_NAME = `[${HAN}\\p{Script=Katakana}ーA-Za-z0-9・&＆]{1,20}`
// After the legal form the name may be in hiragana too (株式会社さくらテック).
const ORG_NAME_AFTER = `[${HAN}\\p{Script=Katakana}\\p{Script=Hiragana}ーA-Za-z0-9・&＆]{1,20}`
const PARTICLE =
  /(?<![\p{Script=Hiragana}])(?:の|は|が|を|に|と|で|へ|も|や|から|より|まで|について|における)(?![\p{Script=Hiragana}])/u
const ORGANIZATION = new RegExp(
  `(?:${LEGAL_FORMS}) ?${ORG_NAME_AFTER}|${ORG_NAME}(?:${LEGAL_FORMS})`,
  'gu',
)
// Words that follow an organisation's name in running text and are not part of it.
const NAME_ENDS = /代表|社長|理事長|取締役|会長|様|殿|御中|担当/

/** Corporations named with their legal form; the engine proposes them, a person decides. */
export function detectOrganizations(text: string): Found[] {
  const out: Found[] = []
  ORGANIZATION.lastIndex = 0
  for (let m = ORGANIZATION.exec(text); m; m = ORGANIZATION.exec(text)) {
    let value = m[0]
    const form = new RegExp(`^(?:${LEGAL_FORMS}) ?`).exec(value)?.[0] ?? ''
    const rest = value.slice(form.length)
    const ends = [rest.search(NAME_ENDS), form ? rest.search(PARTICLE) : -1].filter((i) => i >= 0)
    const cut = ends.length ? Math.min(...ends) : -1
    if (cut === 0) continue
    if (cut > 0) value = form + rest.slice(0, cut)
    out.push({ start: m.index, end: m.index + value.length, type: 'organization' })
  }
  return out
}

/** Titles of a corporation's representative: the name after them is corporate information. */
export const REPRESENTATIVE_TITLES =
  /(?:代表取締役社長|代表取締役|代表理事|代表執行役|代表社員|代表者|理事長|社長) ?$/
