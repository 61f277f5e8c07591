/**
 * 《参考2》事業所で実施している業務改善の取組一覧表: the 32 initiatives with their titles and units
 * as the list writes them, placed in the demo's fiscal year, with a few goals, mid-term checks,
 * the 中間報告会 and monthly work–life balance figures for the demo office (池袋事務所).
 */
import type { Db } from '../../db/schema.ts'
import { isoDate, todayInTokyo, upsertLinkedTask } from '../schedule/index.ts'
import { REPORT_MEETING_SOURCE } from './reports.service.ts'

export const SEED_INITIATIVES: [no: number, title: string, unitLabel: string, unitCode: string][] =
  [
    [
      1,
      '事務所内での職場交流体験等を通じた意識啓発・相互理解の促進',
      '農業振興事務所',
      'off-nogyo',
    ],
    [2, '東京の森林・林業行政を担う職員の育成！！', '森林事務所', 'off-shinrin'],
    [3, '島しょセンターの業務紹介', '島しょ農林水産総合センター', 'off-tosho'],
    [4, '職場環境の改善', '家畜保健衛生所', 'off-kachiku'],
    [5, '発行冊子の内容表示と在庫の管理', '労働相談情報センター（飯田橋）等', 'off-iidabashi'],
    [6, '災害対策及び情報セキュリティ対策の強化', '大崎事務所', 'off-osaki'],
    [
      7,
      '少人数職場でもできる！～実効性のある防火・防災対策の実現～',
      '池袋事務所',
      'off-ikebukuro',
    ],
    [8, '「労働法」で知名度アップ', '亀戸事務所', 'off-kameido'],
    [9, '職員の多様性を踏まえた総合的な組織力の向上', '国分寺事務所', 'off-kokubunji'],
    [10, '中北センターにおける危機管理の徹底', '中央・城北職業能力開発センター', 'off-chuo-johoku'],
    [11, 'かゆいところに手が届く、PRとおもてなしの向上', '高年齢者校', 'off-konenreisha'],
    [12, '板橋校内外へ向けたPR・案内の強化', '板橋校', 'off-itabashi'],
    [13, '健康で安全な職場環境改善', '赤羽校', 'off-akabane'],
    [
      14,
      'わかりやすい！迷わない！城南職業能力開発センターへ',
      '城南職業能力開発センター',
      'off-jonan',
    ],
    [15, 'BrushUp大田2016 ー大田校における広報及び組織体制の強化ー', '大田校', 'off-ota'],
    [16, '城東職業能力開発センターPR力の向上', '城東職業能力開発センター', 'off-joto'],
    [
      17,
      '能力開発・向上訓練及びプラザ利用等の来所者に向けた、(校内)環境整備の充実',
      '江戸川校',
      'off-edogawa',
    ],
    [18, '世界の皮革関連産業を東京からリードしよう', '台東分校 皮革技術センター 等', 'off-taito'],
    [19, '多摩職業能力開発センターの危機管理の徹底', '多摩職業能力開発センター', 'off-tama'],
    [20, '実効性の高い震災対策 ～坂の上で過ごす72時間～', '八王子校', 'off-hachioji'],
    [21, '危機管理対応の強化', '府中校', 'off-fuchu'],
    [22, '東障校スマートプロジェクト', '東京障害者職業能力開発校', 'off-toshou'],
    [23, '情報セキュリティの向上', '(公財)東京都中小企業振興公社', 'body-kosha'],
    [
      24,
      '販売促進の強化(アクションプランの活用による営業力の向上)、東京都施策との連携推進 等',
      '㈱東京国際フォーラム',
      'body-forum',
    ],
    [
      25,
      '「しごとダイエット2016」プロジェクト ～仕事と生活の調和のとれた働き方実現を目指して～',
      '(公財)東京しごと財団',
      'body-shigoto',
    ],
    [26, '情報の共有化', '(公財)東京観光財団', 'body-kanko-zaidan'],
    [
      27,
      '財団の情報セキュリティ強化による危機管理体制の構築',
      '(公財)東京都農林水産振興財団',
      'body-norin-zaidan',
    ],
    [28, '部内危機管理体制の見直し(防災及びセキュリティ関連)', '商工部', 'shoko'],
    [29, 'フロア仮移転に向けた執務環境の整備、金融施策の普及促進', '金融部', 'kinyu'],
    [
      30,
      '執務室移転を見据えた執務環境の整理及び限られたスペースにおける効果的な業務遂行の検討',
      '観光部',
      'kanko',
    ],
    [
      31,
      '平成30年度執務室移転に向けた執務室内の環境整備及び個人情報保護・情報セキュリティの強化',
      '農林水産部',
      'norin',
    ],
    [32, '安全・快適な職場づくり', '雇用就業部', 'koyo'],
  ]

/** Demo goals (fictional), each with one measure. */
const GOALS: Record<number, [goal: string, indicator: string, target: number]> = {
  7: ['少人数でも全員が役割を果たせる防災訓練を年4回実施する', '防災訓練の実施回数（回）', 4],
  13: ['職場の安全点検を毎月行い、指摘事項を翌月までに解消する', '指摘事項の解消率（%）', 100],
  25: ['一人当たりの月平均超過勤務時間を前年度比20%削減する', '月平均超過勤務時間（時間/人）', 12],
  32: ['ヒヤリハット事例を共有し、労働災害ゼロを続ける', '労働災害件数（件）', 0],
}

/** Demo mid-term checks already filed (池袋事務所, No. 7, is left for the office to file). */
const CHECKS: [no: number, status: 'ahead' | 'on_track' | 'behind', note: string][] = [
  [1, 'on_track', '職場交流体験を2回実施し、参加者アンケートで満足度90%を得た。'],
  [13, 'on_track', '安全点検を毎月実施。指摘12件のうち11件を解消済み。'],
  [25, 'behind', '繁忙期の超過勤務が想定を上回り、削減率は現時点で8%にとどまる。'],
  [32, 'ahead', '事例共有会を月1回開催し、上半期の労働災害はゼロ。'],
]

/** 池袋事務所's monthly figures (per person) and its targets for the year. */
const WLB: [overtime: number, leave: number][] = [
  [14.5, 1.2],
  [13.0, 1.0],
  [15.5, 0.8],
  [11.0, 2.5],
  [9.5, 2.0],
  [12.0, 1.1],
  [10.5, 1.4],
  [11.5, 1.0],
  [13.5, 0.9],
  [12.5, 1.3],
  [10.0, 1.6],
  [12.0, 2.4],
]

export async function seedInitiatives(
  trx: Db,
  unitIdByCode: Map<string, string>,
  fiscalYear: number,
) {
  const idByNo = new Map<number, string>()
  for (const [no, title, unitLabel, unitCode] of SEED_INITIATIVES) {
    const goal = GOALS[no]
    const row = await trx
      .insertInto('initiatives')
      .values({
        fiscal_year: fiscalYear,
        no,
        title,
        unit_id: unitIdByCode.get(unitCode)!,
        unit_label: unitLabel,
        goal: goal?.[0] ?? '',
        indicator: goal?.[1] ?? '',
        target_value: goal?.[2] ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    idByNo.set(no, row.id)
  }
  for (const [no, status, note] of CHECKS)
    await trx
      .insertInto('initiative_midterm_checks')
      .values({
        initiative_id: idByNo.get(no)!,
        status,
        progress_note: note,
        young_staff_views: '若手職員の意見交換会で出た改善案を取り入れた。',
      })
      .execute()

  // 中間報告会 (10月中旬), with the initiatives whose checks are filed; it goes on the chart.
  const heldOn = isoDate(fiscalYear, 10, 14)
  const meeting = await trx
    .insertInto('initiative_report_meetings')
    .values({
      fiscal_year: fiscalYear,
      title: '事業所業務改善 中間報告会',
      held_on: heldOn,
      place: '第一本庁舎 会議室',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('initiative_report_meeting_items')
    .values(CHECKS.map(([no]) => ({ meeting_id: meeting.id, initiative_id: idByNo.get(no)! })))
    .execute()
  await upsertLinkedTask(trx, {
    source: REPORT_MEETING_SOURCE,
    sourceId: meeting.id,
    workstream: '④',
    title: '事業所業務改善 中間報告会',
    startsOn: heldOn,
    endsOn: heldOn,
    milestone: true,
    href: `/initiatives/report-meetings/${meeting.id}`,
  })

  // Monthly figures from April up to two months before today (last month is the office's to enter).
  const ikebukuro = unitIdByCode.get('off-ikebukuro')!
  const today = todayInTokyo()
  for (const [i, [overtime, leave]] of WLB.entries()) {
    const month = isoDate(i < 9 ? fiscalYear : fiscalYear + 1, ((i + 3) % 12) + 1, 1)
    const lastMonthStart = isoDate(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1)
    const twoBack = new Date(`${lastMonthStart}T00:00:00Z`)
    twoBack.setUTCMonth(twoBack.getUTCMonth() - 2)
    if (month > twoBack.toISOString().slice(0, 10)) break
    await trx
      .insertInto('initiative_wlb_figures')
      .values({ unit_id: ikebukuro, month, overtime_hours: overtime, leave_days: leave })
      .execute()
  }
  await trx
    .insertInto('initiative_wlb_targets')
    .values({ unit_id: ikebukuro, fiscal_year: fiscalYear, overtime_hours: 12, leave_days: 16 })
    .execute()
  return idByNo
}
