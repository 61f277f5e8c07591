import { corporateNumberCheckDigit, myNumberCheckDigit } from '../check-digits.ts'
import { type EvalDocument, parseAnnotated } from './annotated.ts'

/** A small seeded generator (mulberry32): the corpus is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SURNAMES = [
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
  '村上',
  '遠藤',
  '青木',
  '坂本',
  '斉藤',
  '福田',
  '太田',
  '西村',
  '藤井',
  '金子',
  '岡本',
  '藤原',
  '中野',
  '三浦',
  '原田',
  '松田',
  '竹内',
  '小野',
  '田村',
  '中山',
  '和田',
  '石田',
  '上田',
  '森田',
  '柴田',
  '五十嵐',
  '蓮見',
  '東海林',
  '勅使河原',
  '宇佐美',
  '久保田',
  '菅原',
  '千葉',
  '桜井',
  '野口',
]
const GIVEN = [
  '太郎',
  '一郎',
  '健一',
  '誠',
  '浩二',
  '大輔',
  '翔太',
  '直樹',
  '和也',
  '拓也',
  '花子',
  '美咲',
  '陽子',
  '恵子',
  '由美',
  '真由美',
  '直美',
  '裕子',
  '明美',
  '優子',
  '健太',
  '聡',
  '修',
  '隆',
  '智子',
  '久美子',
  'さくら',
  '結衣',
  '蓮',
  '悠真',
  '陽菜',
  '大翔',
  '美穂',
  '康弘',
  '博之',
  '静香',
]
const CITIES = [
  ['東京都', '新宿区', '西新宿'],
  ['東京都', '世田谷区', '太子堂'],
  ['東京都', '八王子市', '元本郷町'],
  ['東京都', '江東区', '豊洲'],
  ['神奈川県', '横浜市中区', '山下町'],
  ['埼玉県', 'さいたま市浦和区', '高砂'],
  ['東京都', '練馬区', '豊玉北'],
  ['千葉県', '船橋市', '湊町'],
  ['東京都', '西多摩郡奥多摩町', '氷川'],
  ['大阪府', '大阪市北区', '中之島'],
  ['東京都', '町田市', '森野'],
  ['東京都', '足立区', '中央本町'],
]
const COMPANIES = [
  'ミナト精工',
  '東都物産',
  'さくらテック',
  '多摩グリーン',
  '江戸前フーズ',
  '青空観光',
  '城南機械',
  'ひかり印刷',
]
const FORMS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '一般社団法人',
  '公益財団法人',
  '特定非営利活動法人',
]
const TOPICS = [
  '観光振興',
  '農業の担い手',
  '中小企業の事業承継',
  '雇用就業',
  '商店街の活性化',
  '林業の振興',
  '消費生活相談',
  '労働相談',
]
const COUNCILS = [
  '東京都観光事業審議会',
  '東京都中小企業振興対策審議会',
  '東京都農業振興審議会',
  '東京都労働問題協議会',
  '東京都消費生活対策審議会',
]

const FULLWIDTH = (s: string) =>
  s.replace(/[0-9\-+()@.a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))

export function generatedDocuments(count: number, seed = 20260926): EvalDocument[] {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('')
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const docs: EvalDocument[] = []
  for (let d = 0; d < count; d++) {
    const used = new Set<string>()
    const surname = () => {
      for (;;) {
        const s = pick(SURNAMES)
        if (![...used].some((u) => u.includes(s) || s.includes(u))) {
          used.add(s)
          return s
        }
      }
    }
    // Members (allowlisted, in office) and private people named in the minutes.
    const chair = { sur: surname(), given: pick(GIVEN) }
    const member = { sur: surname(), given: pick(GIVEN) }
    const resident = { sur: surname(), given: pick(GIVEN) }
    const resident2 = { sur: surname(), given: pick(GIVEN) }
    const rep = { sur: surname(), given: pick(GIVEN) }
    const company = `${pick(FORMS)}${pick(COMPANIES)}`
    const [pref, city, town] = pick(CITIES) as [string, string, string]
    const topic = pick(TOPICS)
    const meetingDate = `令和${int(2, 8)}年${int(1, 12)}月${int(1, 28)}日`
    const budget = `${int(1, 999)},${digits(3)},${digits(3)}千円`
    const p = (type: string, value: string) => `⟦${type}|${value}⟧`
    const phone = () => {
      const forms = [
        `03-${digits(4)}-${digits(4)}`,
        `0${int(4, 9)}${int(2, 9)}-${digits(3)}-${digits(4)}`,
        `090-${digits(4)}-${digits(4)}`,
        `080(${digits(4)})${digits(4)}`,
        `(03)${digits(4)}-${digits(4)}`,
        `+81-3-${digits(4)}-${digits(4)}`,
        `+81 90 ${digits(4)} ${digits(4)}`,
        `050-${digits(4)}-${digits(4)}`,
        FULLWIDTH(`03-${digits(4)}-${digits(4)}`),
        FULLWIDTH(`070-${digits(4)}-${digits(4)}`),
        `03ー${digits(4)}ー${digits(4)}`,
        `0${int(1, 9)}${digits(1)}${digits(7)}`.replace(/^0[5789]0/, '045'),
        `0120-${digits(3)}-${digits(3)}`,
      ]
      return pick(forms)
    }
    const myNumber = (valid: boolean) => {
      const base = `${int(1, 9)}${digits(10)}`
      const check = myNumberCheckDigit(base)
      return `${base}${valid ? check : (check + int(1, 9)) % 10}`
    }
    const corporate = (valid: boolean) => {
      const base = `${int(1, 9)}${digits(11)}`
      const check = corporateNumberCheckDigit(base)
      return `${valid ? check : (check + int(1, 8)) % 9 || 9}${base}`
    }
    const birth = () => {
      const forms = [
        `昭和${int(20, 63)}年${int(1, 12)}月${int(1, 28)}日`,
        `平成${int(2, 30)}年${int(1, 12)}月${int(1, 28)}日`,
        `${int(1940, 2005)}年${int(1, 12)}月${int(1, 28)}日`,
        `S${int(30, 60)}.${int(1, 12)}.${int(1, 28)}`,
        `${int(1950, 2000)}/${int(1, 12)}/${int(1, 28)}`,
      ]
      return pick(forms)
    }
    const block = pick([
      `${int(1, 5)}丁目${int(1, 30)}番${int(1, 20)}号`,
      `${int(1, 5)}-${int(1, 30)}-${int(1, 20)}`,
      `${pick(['一', '二', '三', '四'])}丁目${int(1, 30)}番地`,
    ])
    const address = pick([`${pref}${city}${town}${block}`, `${city}${town}${block}`])
    const postal = `${digits(3)}-${digits(4)}`
    const email = `${pick(['taro', 'h.sato', 'info', 'k-ito', 'yamada2026'])}@${pick(['example.jp', 'example.co.jp', 'mail.example.ne.jp'])}`
    const mn = rnd() < 0.75
    const cn = rnd() < 0.75
    const mnValue = myNumber(mn)
    const cnValue = corporate(cn)
    const paragraphs = [
      `${pick(COUNCILS)} 第${int(1, 40)}回 議事録\n日時：${meetingDate} 午後${int(1, 5)}時から\n場所：都庁第一本庁舎${int(20, 45)}階 会議室`,
      `○${chair.sur}会長　ただいまから会議を開会します。本日の議題は${topic}についてです。資料${int(1, 5)}-${int(1, 4)}をご覧ください。`,
      `○事務局　令和${int(7, 9)}年度の予算額は${budget}で、前年度比${int(1, 20)}.${int(0, 9)}%の増です。第${int(1, 30)}条第${int(1, 4)}項に基づき報告します。`,
      `○${member.sur}委員　相談者の${p('person', resident.sur + resident.given)}さんから意見がありました。${p('person', resident.sur)}さんは${p('address', address)}にお住まいで、郵便番号は〒${p('postal', postal)}、電話は${p('phone', phone())}です。`,
      `○${member.sur}委員　${p('person', resident.sur)}さんの生年月日は${p('birth_date', birth())}と伺っています。連絡先のメールは${p('email', email)}です。`,
      `○事務局　申請書には個人番号${mn ? p('my_number', mnValue) : mnValue}が記載されていました。${mn ? '' : '番号の誤記であり、本人に確認中です。'}`,
      `○事務局　事業者は${p('organization', company)}（法人番号${cn ? p('corporate_number', cnValue) : cnValue}）で、代表取締役${p('organization', rep.sur + rep.given)}氏から説明を受けました。`,
      `○${chair.sur}会長　振込先は${pick(['普通預金', '口座番号', '普通 口座番号', '当座'])} ${p('bank_account', digits(7))}で、支給額は${int(10, 900)},000円とのことです。`,
      `○事務局　参考人の${p('person', resident2.sur)}氏から、運転免許証番号${p('driver_license', digits(12))}と基礎年金番号${p('pension_number', `${digits(4)}-${digits(6)}`)}が記載された書類の提出がありました。`,
      `○${member.sur}委員　前回（${meetingDate}）の議事第${int(1, 9)}号について、${p('person', resident2.sur)}さんの件は次回報告をお願いします。`,
      `○${chair.sur}会長　次回は${meetingDate}午前10時から開催します。問合せは産業労働局総務部（電話相談件数${int(100, 9999)}件）まで。`,
    ]
    // A document has the header, the opening and some of the rest, in order.
    const chosen = paragraphs.filter((_, i) => i < 2 || rnd() < 0.6)
    docs.push(
      parseAnnotated(`gen-${d + 1}`, chosen.join('\n'), [
        chair.sur + chair.given,
        member.sur + member.given,
      ]),
    )
  }
  return docs
}
