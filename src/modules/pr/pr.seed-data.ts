/**
 * The demo inventory for part ② of the seed (広報の強化): the audiences it names, the media of
 * the bureau's departments and offices (illustrative figures for FY2015), and the audiences
 * each programme targets — so that the matrix shows real overlaps and gaps.
 */
import type { Channel, ReachMetric } from './pr.types.ts'

export const SEED_AUDIENCES = [
  '中小企業',
  'ベンチャー・スタートアップ',
  '求職者',
  '女性の再就職',
  '高齢者',
  '若者・学生',
  '障害者',
  '農林水産業者',
  '観光客・来訪者',
  '都民一般',
] as const
type A = (typeof SEED_AUDIENCES)[number]

export interface SeedMedium {
  unit: string
  name: string
  channel: Channel
  url?: string
  audiences: A[]
  programs: string[]
  cost?: number
  reach?: [ReachMetric, number]
  print?: [run: number, stock: number]
  description?: string
}

const m = (
  unit: string,
  name: string,
  channel: Channel,
  audiences: A[],
  programs: string[],
  more: Partial<SeedMedium> = {},
): SeedMedium => ({ unit, name, channel, audiences, programs, ...more })

export const SEED_MEDIA: SeedMedium[] = [
  m(
    'somu-somu',
    '産業労働局ホームページ',
    'web',
    ['都民一般', '中小企業'],
    ['SR-SOMU-002', 'SR-SHOKO-001', 'SR-SHOKO-006', 'SR-KINYU-002', 'SR-KOYO-006'],
    {
      url: 'https://www.sangyo-rodo.metro.tokyo.lg.jp/',
      cost: 3_600_000,
      reach: ['page_views', 2_400_000],
    },
  ),
  m(
    'somu-somu',
    '産業労働局 公式X（旧Twitter）',
    'sns',
    ['都民一般', '若者・学生'],
    ['SR-SOMU-002', 'SR-KANKO-001', 'SR-NORIN-002'],
    {
      cost: 0,
      reach: ['followers', 18_000],
    },
  ),
  m(
    'somu-somu',
    '産業労働局 報道発表',
    'press_release',
    ['都民一般', '中小企業', 'ベンチャー・スタートアップ'],
    ['SR-SHOKO-004', 'SR-KANKO-006', 'SR-KOYO-002'],
    { cost: 0 },
  ),
  m(
    'shoko-keiei',
    '中小企業支援施策ガイドブック',
    'print',
    ['中小企業'],
    ['SR-SHOKO-001', 'SR-SHOKO-002', 'SR-SHOKO-008', 'SR-KINYU-002'],
    {
      cost: 4_200_000,
      print: [30_000, 6_500],
      reach: ['copies', 23_500],
    },
  ),
  m(
    'shoko-sogyo',
    '創業支援メールマガジン',
    'mail_magazine',
    ['ベンチャー・スタートアップ', '中小企業'],
    ['SR-SHOKO-003', 'SR-SHOKO-004'],
    {
      cost: 600_000,
      reach: ['subscribers', 12_000],
    },
  ),
  m(
    'shoko-sogyo',
    '創業セミナー（創業支援拠点）',
    'event',
    ['ベンチャー・スタートアップ', '若者・学生'],
    ['SR-SHOKO-003'],
    {
      cost: 9_000_000,
      reach: ['attendees', 2_300],
    },
  ),
  m(
    'kinyu-kinyu',
    '制度融資のご案内（リーフレット）',
    'print',
    ['中小企業'],
    ['SR-KINYU-001', 'SR-KINYU-002', 'SR-KINYU-005'],
    {
      cost: 1_800_000,
      print: [20_000, 9_000],
      reach: ['copies', 11_000],
    },
  ),
  m(
    'kanko-shinko',
    '東京の観光公式サイト',
    'web',
    ['観光客・来訪者'],
    ['SR-KANKO-001', 'SR-KANKO-003', 'SR-KANKO-004'],
    {
      cost: 48_000_000,
      reach: ['page_views', 5_600_000],
    },
  ),
  m(
    'kanko-kikaku',
    '訪日旅行者向け公式SNS',
    'sns',
    ['観光客・来訪者'],
    ['SR-KANKO-001', 'SR-KANKO-002'],
    {
      cost: 15_000_000,
      reach: ['followers', 210_000],
    },
  ),
  m('kanko-shinko', '海外向け観光PR広告', 'advertisement', ['観光客・来訪者'], ['SR-KANKO-003'], {
    cost: 120_000_000,
  }),
  m('norin-nogyo', '東京産農産物PRイベント', 'event', ['都民一般'], ['SR-NORIN-002'], {
    cost: 22_000_000,
    reach: ['attendees', 45_000],
  }),
  m('norin-nogyo', '東京の農業PR動画', 'video', ['都民一般', '若者・学生'], ['SR-NORIN-002'], {
    cost: 6_000_000,
    reach: ['views', 80_000],
  }),
  m(
    'off-nogyo',
    '農業振興事務所だより',
    'print',
    ['農林水産業者'],
    ['SR-NORIN-001', 'SR-NORIN-006'],
    {
      cost: 400_000,
      print: [3_000, 400],
    },
  ),
  m('off-nogyo', '新規就農相談会', 'event', ['農林水産業者'], ['SR-NORIN-006'], {
    reach: ['attendees', 350],
  }),
  m('off-tosho', '島しょ漁業者向け情報紙', 'print', ['農林水産業者'], ['SR-NORIN-005'], {
    print: [1_200, 150],
  }),
  m(
    'koyo-shugyo',
    'TOKYOはたらくネット',
    'web',
    ['求職者', '女性の再就職', '高齢者', '中小企業'],
    ['SR-KOYO-001', 'SR-KOYO-002', 'SR-KOYO-003', 'SR-KOYO-004', 'SR-KOYO-007'],
    {
      cost: 25_000_000,
      reach: ['page_views', 3_100_000],
    },
  ),
  m('off-iidabashi', '女性再就職支援セミナー', 'event', ['女性の再就職'], ['SR-KOYO-002'], {
    cost: 3_500_000,
    reach: ['attendees', 1_200],
  }),
  m(
    'off-iidabashi',
    '労働相談情報センター ウェブページ',
    'web',
    ['都民一般', '求職者'],
    ['SR-KOYO-006'],
    {
      reach: ['page_views', 600_000],
    },
  ),
  m(
    'off-chuo-johoku',
    '職業訓練 受講生募集パンフレット',
    'print',
    ['求職者', '高齢者'],
    ['SR-KOYO-004'],
    {
      cost: 5_000_000,
      print: [50_000, 12_000],
    },
  ),
  m(
    'off-hachioji',
    '八王子校 受講生募集チラシ',
    'print',
    ['求職者', '若者・学生'],
    ['SR-KOYO-004'],
    {
      cost: 300_000,
      print: [8_000, 2_500],
    },
  ),
]

/** Programme code → the audiences it is meant to reach. */
export const SEED_TARGETS: Record<string, A[]> = {
  'SR-SHOKO-001': ['中小企業'],
  'SR-SHOKO-002': ['中小企業'],
  'SR-SHOKO-003': ['ベンチャー・スタートアップ', '若者・学生'],
  'SR-SHOKO-004': ['ベンチャー・スタートアップ'],
  'SR-SHOKO-006': ['中小企業', '観光客・来訪者'],
  'SR-SHOKO-007': ['中小企業'],
  'SR-SHOKO-008': ['中小企業'],
  'SR-KINYU-001': ['中小企業'],
  'SR-KINYU-002': ['中小企業'],
  'SR-KINYU-004': ['都民一般'],
  'SR-KINYU-005': ['中小企業'],
  'SR-KANKO-001': ['観光客・来訪者'],
  'SR-KANKO-002': ['観光客・来訪者'],
  'SR-KANKO-003': ['観光客・来訪者'],
  'SR-KANKO-004': ['観光客・来訪者', '中小企業'],
  'SR-KANKO-005': ['観光客・来訪者', '中小企業'],
  'SR-KANKO-006': ['中小企業'],
  'SR-NORIN-001': ['農林水産業者'],
  'SR-NORIN-002': ['都民一般', '農林水産業者'],
  'SR-NORIN-005': ['農林水産業者'],
  'SR-NORIN-006': ['農林水産業者', '若者・学生'],
  'SR-KOYO-001': ['求職者'],
  'SR-KOYO-002': ['女性の再就職'],
  'SR-KOYO-003': ['中小企業', '女性の再就職'],
  'SR-KOYO-004': ['求職者', '高齢者', '障害者'],
  'SR-KOYO-006': ['都民一般'],
  'SR-KOYO-007': ['若者・学生', '求職者'],
}

/** Units that have answered the demo survey (the rest, 商工部 and most offices, have not). */
export const SEED_ANSWERED = [
  'somu',
  'kinyu',
  'kanko',
  'norin',
  'koyo',
  'off-nogyo',
  'off-tosho',
  'off-iidabashi',
  'off-chuo-johoku',
  'off-hachioji',
]
