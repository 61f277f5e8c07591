/**
 * Plausible Japanese text for the benchmark data: minutes, proposals and names built from word
 * lists with a seeded PRNG (the same seed gives the same text), with some personal information
 * the redaction engine should catch (private persons' names, telephone numbers, addresses, e-mail).
 */

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Rnd = () => number
export const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
export const int = (rnd: Rnd, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1))

export const SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '斎藤',
  '清水',
  '山崎',
  '森',
  '池田',
  '橋本',
  '阿部',
  '石川',
  '山下',
  '中島',
  '石井',
  '小川',
  '前田',
  '岡田',
  '長谷川',
  '藤田',
  '後藤',
  '近藤',
] as const
export const GIVEN_NAMES = [
  '太郎',
  '一郎',
  '健太',
  '翔太',
  '大輔',
  '直樹',
  '誠',
  '浩二',
  '拓也',
  '和也',
  '花子',
  '陽子',
  '美咲',
  '由美',
  '恵子',
  '裕子',
  '直美',
  '真由美',
  '綾香',
  '香織',
  '優子',
  '智子',
  '明美',
  '千尋',
] as const
const WARDS = [
  '新宿区',
  '渋谷区',
  '港区',
  '世田谷区',
  '練馬区',
  '杉並区',
  '江東区',
  '足立区',
  '八王子市',
  '町田市',
]
const TOWNS = ['西新宿', '本町', '中央', '南町', '東が丘', '北野', '緑が丘', '桜台', '若葉', '旭町']

export const TOPICS = [
  '中小企業の事業承継',
  '観光振興',
  '雇用就業支援',
  '農林水産業の担い手',
  '商店街の活性化',
  '創業支援',
  '職業能力開発',
  '融資制度',
  'ワーク・ライフ・バランス',
  '多言語対応',
  '働き方改革',
  'デジタル化の推進',
  '海外展開支援',
  'インバウンド',
  '都市農業',
  '森林整備',
  '若者の就職',
  '女性の活躍推進',
  '障害者雇用',
  '高齢者の就業',
  '受動喫煙対策',
  '地域の産業',
  '防災',
] as const
const SUBJECTS = [
  '事業の成果指標',
  '補助金の交付要件',
  '申請手続の簡素化',
  '周知の方法',
  '予算の執行状況',
  '来年度の事業計画',
  '関係団体との連携',
  '評価の方法',
  '相談窓口の体制',
  '利用者の満足度',
  '委託先の選定',
  '支援の対象範囲',
  '数値目標の設定',
  '現場の声',
  '他県の事例',
] as const
const OPENERS = [
  'まず',
  '次に',
  'また',
  'さらに',
  'なお',
  '一方で',
  'これに関して',
  'その上で',
] as const
const VERBS = [
  'について検討を進めております',
  'を見直す必要があると考えます',
  'の状況を報告いたします',
  'に関して意見を述べたいと思います',
  'を引き続き注視してまいります',
  'の改善を図ってまいります',
  'について資料に基づき説明いたします',
  'を来年度の予算に反映させる考えです',
  'の在り方を議論していただきたいと存じます',
  'について委員の皆様のご意見を伺いたいと思います',
] as const
const REMARKS = [
  'ありがとうございます。',
  '承知いたしました。',
  '今の点について補足いたします。',
  'ご指摘のとおりでございます。',
  '事務局から説明をお願いします。',
  '他にご意見はございますか。',
  '大変重要な論点だと思います。',
  '現場の実態を踏まえた検討が必要です。',
] as const

export const personName = (rnd: Rnd) => `${pick(rnd, SURNAMES)}${pick(rnd, GIVEN_NAMES)}`
const phone = (rnd: Rnd) =>
  `03-${int(rnd, 3000, 6999)}-${String(int(rnd, 0, 9999)).padStart(4, '0')}`
const address = (rnd: Rnd) =>
  `東京都${pick(rnd, WARDS)}${pick(rnd, TOWNS)}${int(rnd, 1, 5)}丁目${int(rnd, 1, 30)}番${int(rnd, 1, 20)}号`

/** One sentence, sometimes carrying a private person's data (about one in twelve). */
export function sentence(rnd: Rnd): string {
  const base = `${pick(rnd, OPENERS)}、${pick(rnd, TOPICS)}における${pick(rnd, SUBJECTS)}${pick(rnd, VERBS)}。`
  const r = rnd()
  if (r < 0.03)
    return `${base}相談者の${personName(rnd)}さん（${address(rnd)}在住）から要望が寄せられております。`
  if (r < 0.05) return `${base}問合せ先は担当の${personName(rnd)}、電話${phone(rnd)}です。`
  if (r < 0.07)
    return `${base}申請者${personName(rnd)}氏の連絡先は ${`user${int(rnd, 1, 9999)}@example.jp`} です。`
  if (r < 0.085)
    return `${base}事業者の代表者${personName(rnd)}氏は${int(rnd, 1950, 1999)}年生まれです。`
  return base
}

/** Minutes of about `chars` characters: speakers (members, whose names are on the allowlist) and remarks. */
export function minutesText(rnd: Rnd, chars: number, members: readonly string[]): string {
  const parts: string[] = ['開会\n']
  let length = 3
  while (length < chars) {
    const speaker = rnd() < 0.3 ? '事務局' : `${pick(rnd, members)}委員`
    let line = `○${speaker}　${pick(rnd, REMARKS)}`
    for (let n = int(rnd, 1, 4); n > 0; n--) line += sentence(rnd)
    line += '\n'
    parts.push(line)
    length += line.length
  }
  parts.push('閉会\n')
  return parts.join('').slice(0, Math.max(chars, 10))
}

export function paragraph(rnd: Rnd, sentences: number): string {
  let text = ''
  for (let i = 0; i < sentences; i++) text += sentence(rnd)
  return text
}
