/**
 * The demo bureau: 産業労働局 as the seed document (平成28年9月) describes it — its six
 * departments and 21 sections (参考1), the offices its appendix 2 (参考2) names, and its seven
 * affiliated bodies. People are fictional.
 */
import type { Grade } from './org.types.ts'

export interface SeedUnit {
  code: string
  name: string
  nameEn?: string
  sections?: [code: string, name: string][]
  offices?: [code: string, name: string][]
  bodies?: [code: string, name: string][]
}

export const GOVERNMENT = { code: 'tokyo', name: '東京都', nameEn: 'Tokyo Metropolitan Government' }
export const BUREAU = {
  code: 'sanro',
  name: '産業労働局',
  nameEn: 'Bureau of Industrial and Labor Affairs',
}

export const DEPARTMENTS: SeedUnit[] = [
  {
    code: 'somu',
    name: '総務部',
    nameEn: 'General Affairs Department',
    sections: [
      ['somu-somu', '総務課'],
      ['somu-shokuin', '職員課'],
      ['somu-kikaku', '企画計理課'],
    ],
  },
  {
    code: 'shoko',
    name: '商工部',
    nameEn: 'Commerce and Industry Department',
    sections: [
      ['shoko-chosei', '調整課'],
      ['shoko-keiei', '経営支援課'],
      ['shoko-sogyo', '創業支援課'],
      ['shoko-chiiki', '地域産業振興課'],
    ],
    bodies: [
      ['body-kosha', '（公財）東京都中小企業振興公社'],
      ['body-sangiken', '（地独）東京都立産業技術研究センター'],
      ['body-bigsight', '（株）東京ビッグサイト'],
    ],
  },
  {
    code: 'kinyu',
    name: '金融部',
    nameEn: 'Finance Department',
    sections: [
      ['kinyu-kinyu', '金融課'],
      ['kinyu-kashikin', '貸金業対策課'],
    ],
  },
  {
    code: 'kanko',
    name: '観光部',
    nameEn: 'Tourism Department',
    sections: [
      ['kanko-kikaku', '企画課'],
      ['kanko-shinko', '振興課'],
      ['kanko-ukeire', '受入環境課'],
    ],
    bodies: [
      ['body-forum', '（株）東京国際フォーラム'],
      ['body-kanko-zaidan', '（公財）東京観光財団'],
    ],
  },
  {
    code: 'norin',
    name: '農林水産部',
    nameEn: 'Agriculture, Forestry and Fisheries Department',
    sections: [
      ['norin-chosei', '調整課'],
      ['norin-nogyo', '農業振興課'],
      ['norin-shokuryo', '食料安全課'],
      ['norin-shinrin', '森林課'],
      ['norin-suisan', '水産課'],
    ],
    offices: [
      ['off-nogyo', '農業振興事務所'],
      ['off-shinrin', '森林事務所'],
      ['off-tosho', '島しょ農林水産総合センター'],
      ['off-kachiku', '家畜保健衛生所'],
    ],
    bodies: [['body-norin-zaidan', '（公財）東京都農林水産振興財団']],
  },
  {
    code: 'koyo',
    name: '雇用就業部',
    nameEn: 'Employment Department',
    sections: [
      ['koyo-chosei', '調整課'],
      ['koyo-rodo', '労働環境課'],
      ['koyo-shugyo', '就業推進課'],
      ['koyo-noryoku', '能力開発課'],
    ],
    offices: [
      ['off-iidabashi', '労働相談情報センター（飯田橋）'],
      ['off-osaki', '大崎事務所'],
      ['off-ikebukuro', '池袋事務所'],
      ['off-kameido', '亀戸事務所'],
      ['off-kokubunji', '国分寺事務所'],
      ['off-chuo-johoku', '中央・城北職業能力開発センター'],
      ['off-konenreisha', '高年齢者校'],
      ['off-itabashi', '板橋校'],
      ['off-akabane', '赤羽校'],
      ['off-jonan', '城南職業能力開発センター'],
      ['off-ota', '大田校'],
      ['off-joto', '城東職業能力開発センター'],
      ['off-edogawa', '江戸川校'],
      ['off-taito', '台東分校'],
      ['off-hikaku', '皮革技術センター'],
      ['off-tama', '多摩職業能力開発センター'],
      ['off-hachioji', '八王子校'],
      ['off-fuchu', '府中校'],
      ['off-toshou', '東京障害者職業能力開発校'],
    ],
    bodies: [['body-shigoto', '（公財）東京しごと財団']],
  },
]

export interface SeedPerson {
  key: string
  unit: string
  name: string
  kana: string
  title: string
  grade: Grade
  family: 'administrative' | 'technical' | 'skilled'
}

const p = (
  key: string,
  unit: string,
  name: string,
  kana: string,
  title: string,
  grade: Grade,
  family: SeedPerson['family'] = 'administrative',
): SeedPerson => ({ key, unit, name, kana, title, grade, family })

export const PEOPLE: SeedPerson[] = [
  p('chief', 'sanro', '大森 健一', 'おおもり けんいち', '局長', 'bureau_head'),
  p('head-somu', 'somu', '石川 浩二', 'いしかわ こうじ', '総務部長', 'department_head'),
  p('head-shoko', 'shoko', '中野 理恵', 'なかの りえ', '商工部長', 'department_head'),
  p('head-kinyu', 'kinyu', '松本 隆', 'まつもと たかし', '金融部長', 'department_head'),
  p('head-kanko', 'kanko', '小川 直子', 'おがわ なおこ', '観光部長', 'department_head'),
  p(
    'head-norin',
    'norin',
    '森田 修',
    'もりた おさむ',
    '農林水産部長',
    'department_head',
    'technical',
  ),
  p('head-koyo', 'koyo', '藤井 誠', 'ふじい まこと', '雇用就業部長', 'department_head'),
  p(
    'secretariat',
    'somu-kikaku',
    '青木 美穂',
    'あおき みほ',
    '企画計理課 課長代理（改革推進担当）',
    'deputy_section_head',
  ),
  p('secretariat-2', 'somu-kikaku', '村上 翔太', 'むらかみ しょうた', '企画計理課 主任', 'chief'),
  p('admin', 'somu-somu', '西村 亮', 'にしむら りょう', '総務課 主任（情報システム担当）', 'chief'),
  p('disclosure', 'somu-somu', '岡田 由美', 'おかだ ゆみ', '総務課 主任（情報公開担当）', 'chief'),
  p('council', 'shoko-chosei', '前田 智子', 'まえだ ともこ', '調整課 主任（審議会担当）', 'chief'),
  p(
    'manager-ikebukuro',
    'off-ikebukuro',
    '長谷川 聡',
    'はせがわ さとし',
    '池袋事務所長',
    'section_head',
  ),
  p(
    'reviewer-1',
    'off-itabashi',
    '近藤 大輔',
    'こんどう だいすけ',
    '板橋校 課長代理',
    'deputy_section_head',
    'technical',
  ),
  p(
    'reviewer-2',
    'off-nogyo',
    '坂本 真理子',
    'さかもと まりこ',
    '農業振興事務所 課長代理',
    'deputy_section_head',
    'technical',
  ),
  p(
    'reviewer-3',
    'off-kameido',
    '遠藤 拓也',
    'えんどう たくや',
    '亀戸事務所 課長代理',
    'deputy_section_head',
  ),
  p(
    'reviewer-4',
    'off-tama',
    '吉川 恵',
    'よしかわ めぐみ',
    '多摩職業能力開発センター 課長代理',
    'deputy_section_head',
    'technical',
  ),
  p(
    'reviewer-5',
    'off-tosho',
    '山口 健太',
    'やまぐち けんた',
    '島しょ農林水産総合センター 課長代理',
    'deputy_section_head',
    'technical',
  ),
  p('staff', 'kanko-shinko', '佐藤 花子', 'さとう はなこ', '振興課 主事', 'staff'),
  // 情報発信PT: two per department at 主任級 or below, one from an office. 総務部 and 金融部
  // have no offices, so the rule cannot hold there; the page says so.
  p('pr-somu-1', 'somu-somu', '田村 愛', 'たむら あい', '総務課 主事', 'staff'),
  p('pr-somu-2', 'somu-shokuin', '井上 陽介', 'いのうえ ようすけ', '職員課 主任', 'chief'),
  p('pr-shoko-1', 'shoko-keiei', '木村 美咲', 'きむら みさき', '経営支援課 主事', 'staff'),
  p('pr-shoko-2', 'shoko-sogyo', '林 大樹', 'はやし だいき', '創業支援課 主任', 'chief'),
  p('pr-kinyu-1', 'kinyu-kinyu', '清水 彩', 'しみず あや', '金融課 主事', 'staff'),
  p('pr-kinyu-2', 'kinyu-kashikin', '山崎 悠', 'やまざき ゆう', '貸金業対策課 主任', 'chief'),
  p('pr-kanko-1', 'kanko-ukeire', '池田 萌', 'いけだ もえ', '受入環境課 主事', 'staff'),
  p('pr-kanko-2', 'kanko-kikaku', '橋本 健', 'はしもと けん', '企画課 主任', 'chief'),
  p('pr-norin-1', 'norin-nogyo', '阿部 茜', 'あべ あかね', '農業振興課 主事', 'staff', 'technical'),
  p(
    'pr-norin-2',
    'off-shinrin',
    '石井 翼',
    'いしい つばさ',
    '森林事務所 主任',
    'chief',
    'technical',
  ),
  p('pr-koyo-1', 'koyo-shugyo', '山下 葵', 'やました あおい', '就業推進課 主事', 'staff'),
  p('pr-koyo-2', 'off-hachioji', '中島 蓮', 'なかじま れん', '八王子校 主任', 'chief', 'technical'),
]

export interface SeedGroup {
  kind: 'hq' | 'subcommittee' | 'review_team' | 'pr_team'
  name: string
  department?: string
  members: [personKey: string, position: string][]
}

const heads = ['somu', 'shoko', 'kinyu', 'kanko', 'norin', 'koyo'] as const

export const GROUPS: SeedGroup[] = [
  {
    kind: 'hq',
    name: '産業労働局業務改革推進本部',
    members: [['chief', '本部長'], ...heads.map((d): [string, string] => [`head-${d}`, '本部員'])],
  },
  ...heads.map(
    (d): SeedGroup => ({
      kind: 'subcommittee',
      name: `${DEPARTMENTS.find((x) => x.code === d)!.name}部会`,
      department: d,
      members: [[`head-${d}`, '部会長']],
    }),
  ),
  {
    kind: 'review_team',
    name: '若手管理職検討チーム',
    members: [1, 2, 3, 4, 5].map((n): [string, string] => [
      `reviewer-${n}`,
      n === 1 ? 'リーダー' : 'メンバー',
    ]),
  },
  {
    kind: 'pr_team',
    name: '情報発信PT',
    members: PEOPLE.filter((x) => x.key.startsWith('pr-')).map((x): [string, string] => [
      x.key,
      'メンバー',
    ]),
  },
]

/** One demo account per role (DESIGN.md section 1), each a person of the demo bureau. */
export const DEMO_ACCOUNTS = [
  { role: 'admin', person: 'admin', scope: null },
  { role: 'hq_chief', person: 'chief', scope: null },
  { role: 'hq_member', person: 'head-kinyu', scope: null },
  { role: 'hq_secretariat', person: 'secretariat', scope: null },
  { role: 'dept_lead', person: 'head-shoko', scope: 'shoko' },
  { role: 'office_manager', person: 'manager-ikebukuro', scope: 'off-ikebukuro' },
  { role: 'reviewer', person: 'reviewer-1', scope: null },
  { role: 'pr_team', person: 'pr-kanko-1', scope: null },
  { role: 'council_secretary', person: 'council', scope: null },
  { role: 'disclosure_officer', person: 'disclosure', scope: null },
  { role: 'staff', person: 'staff', scope: null },
] as const

export const demoEmail = (role: string) => `${role.replaceAll('_', '-')}@demo.kaikaku.example`
