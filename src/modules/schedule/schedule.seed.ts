/**
 * The seed's 全体スケジュール (平成28年9月) as data, placed in the demo's fiscal year: September of
 * that year to March of the next. Periods are in 旬 as the chart draws them; ★ are milestones.
 */
import type { Db } from '../../db/schema.ts'
import { type JunPart, junEnd, junStart, parseIso, todayInTokyo } from './jun.ts'

export const WORKSTREAMS: [code: string, name: string][] = [
  ['①', '局事業の点検・見直し'],
  ['②', '広報の強化'],
  ['③', '情報公開・情報管理の強化'],
  ['④', '業務改善のブラッシュアップ'],
  ['⑤', '職員から改善提案や新規施策を募集'],
]

/** [month, 旬] pairs: month 9–12 is the fiscal year's first calendar year, 1–3 the next. */
type At = [month: number, part: JunPart]
interface SeedTask {
  key: string
  stream: string
  theme: string
  title: string
  from: At
  to: At
  milestone?: boolean
  owner: string
  after?: string[]
}

const 上: JunPart = 1
const 中: JunPart = 2
const 下: JunPart = 3

export const SEED_TASKS: SeedTask[] = [
  {
    key: 'bukai',
    stream: '①',
    theme: '重点的な点検・見直し',
    title: '部会による検討',
    from: [9, 上],
    to: [9, 下],
    owner: 'somu-kikaku',
  },
  {
    key: 'minaoshi-an',
    stream: '①',
    theme: '重点的な点検・見直し',
    title: '見直し案策定',
    from: [10, 上],
    to: [10, 上],
    owner: 'somu-kikaku',
    after: ['bukai'],
  },
  {
    key: 'honbu-kento',
    stream: '①',
    theme: '重点的な点検・見直し',
    title: '局本部で検討',
    from: [10, 中],
    to: [10, 下],
    owner: 'somu-kikaku',
    after: ['minaoshi-an'],
  },
  {
    key: 'yosan',
    stream: '①',
    theme: '重点的な点検・見直し',
    title: '次年度予算へ反映',
    from: [11, 上],
    to: [1, 下],
    owner: 'somu-kikaku',
    after: ['honbu-kento'],
  },
  {
    key: 'all-programs',
    stream: '①',
    theme: '全ての事業（上記以外）の点検',
    title: '全ての事業の点検（可能なものから順次見直し）',
    from: [9, 上],
    to: [3, 下],
    owner: 'somu-kikaku',
  },
  {
    key: 'pr-survey',
    stream: '②',
    theme: '効果的な広報・PRの検証',
    title: '局内現状調査',
    from: [9, 中],
    to: [10, 上],
    owner: 'somu-somu',
  },
  {
    key: 'pr-analysis',
    stream: '②',
    theme: '効果的な広報・PRの検証',
    title: '調査内容分析・全体整理',
    from: [10, 中],
    to: [11, 下],
    owner: 'somu-somu',
    after: ['pr-survey'],
  },
  {
    key: 'pr-improve',
    stream: '②',
    theme: '効果的な広報・PRの検証',
    title: '改善策の実施（可能なものから順次実施）',
    from: [12, 上],
    to: [3, 下],
    owner: 'somu-somu',
    after: ['pr-analysis'],
  },
  {
    key: 'pt-kickoff',
    stream: '②',
    theme: '若手職員による情報発信PT',
    title: '情報発信PTキックオフ',
    from: [9, 下],
    to: [9, 下],
    milestone: true,
    owner: 'somu-somu',
  },
  {
    key: 'pt-meetings',
    stream: '②',
    theme: '若手職員による情報発信PT',
    title: 'PTを随時開催し、短期的に実現可能な改善策を中心に検討',
    from: [10, 上],
    to: [11, 下],
    owner: 'somu-somu',
    after: ['pt-kickoff'],
  },
  {
    key: 'council-study',
    stream: '③',
    theme: '審議会等の公開',
    title: '局内検討',
    from: [9, 中],
    to: [9, 中],
    owner: 'somu-somu',
  },
  {
    key: 'council-open',
    stream: '③',
    theme: '審議会等の公開',
    title: '各審議会の開催の都度、順次対応',
    from: [9, 下],
    to: [3, 下],
    owner: 'somu-somu',
    after: ['council-study'],
  },
  {
    key: 'open-survey',
    stream: '③',
    theme: 'オープンソースの充実',
    title: '局内現状調査',
    from: [10, 中],
    to: [10, 中],
    owner: 'somu-somu',
  },
  {
    key: 'open-analysis',
    stream: '③',
    theme: 'オープンソースの充実',
    title: '調査内容分析・調整・手法の検討',
    from: [10, 下],
    to: [11, 下],
    owner: 'somu-somu',
    after: ['open-survey'],
  },
  {
    key: 'open-publish',
    stream: '③',
    theme: 'オープンソースの充実',
    title: 'HP等での公開・各窓口等での情報提供・活用可能なデータの公開',
    from: [12, 上],
    to: [3, 下],
    owner: 'somu-somu',
    after: ['open-analysis'],
  },
  {
    key: 'sec-spec',
    stream: '③',
    theme: '情報セキュリティの強化',
    title: 'サーバ調達機器仕様検討',
    from: [9, 上],
    to: [10, 上],
    owner: 'somu-kikaku',
  },
  {
    key: 'sec-contract',
    stream: '③',
    theme: '情報セキュリティの強化',
    title: '契約',
    from: [10, 中],
    to: [10, 中],
    milestone: true,
    owner: 'somu-kikaku',
    after: ['sec-spec'],
  },
  {
    key: 'sec-procure',
    stream: '③',
    theme: '情報セキュリティの強化',
    title: '機器調達期間',
    from: [10, 下],
    to: [12, 下],
    owner: 'somu-kikaku',
    after: ['sec-contract'],
  },
  {
    key: 'sec-build',
    stream: '③',
    theme: '情報セキュリティの強化',
    title: 'システム環境構築',
    from: [1, 上],
    to: [2, 下],
    owner: 'somu-kikaku',
    after: ['sec-procure'],
  },
  {
    key: 'sec-run',
    stream: '③',
    theme: '情報セキュリティの強化',
    title: '運用開始',
    from: [3, 上],
    to: [3, 下],
    owner: 'somu-kikaku',
    after: ['sec-build'],
  },
  {
    key: 'office-review',
    stream: '④',
    theme: '事業所単位での業務改善',
    title: '取組の総点検',
    from: [9, 上],
    to: [10, 上],
    owner: 'somu-shokuin',
  },
  {
    key: 'office-midterm',
    stream: '④',
    theme: '事業所単位での業務改善',
    title: '中間報告会',
    from: [10, 中],
    to: [10, 下],
    owner: 'somu-shokuin',
    after: ['office-review'],
  },
  {
    key: 'office-brushup',
    stream: '④',
    theme: '事業所単位での業務改善',
    title: '取組のブラッシュアップ',
    from: [11, 上],
    to: [2, 下],
    owner: 'somu-shokuin',
    after: ['office-midterm'],
  },
  {
    key: 'office-summary',
    stream: '④',
    theme: '事業所単位での業務改善',
    title: '結果まとめ',
    from: [3, 上],
    to: [3, 中],
    owner: 'somu-shokuin',
    after: ['office-brushup'],
  },
  {
    key: 'office-next',
    stream: '④',
    theme: '事業所単位での業務改善',
    title: '次年度検討',
    from: [3, 下],
    to: [3, 下],
    owner: 'somu-shokuin',
    after: ['office-summary'],
  },
  {
    key: 'group-activity',
    stream: '④',
    theme: '若手職員グループの業務改善・政策提案（局研修を活用）',
    title: 'グループ活動を随時実施し、早期に実現可能な提案は局本部へ報告し、施策に反映',
    from: [9, 上],
    to: [11, 下],
    owner: 'somu-shokuin',
  },
  {
    key: 'group-meeting',
    stream: '④',
    theme: '若手職員グループの業務改善・政策提案（局研修を活用）',
    title: '改善提案報告会',
    from: [12, 上],
    to: [12, 中],
    owner: 'somu-shokuin',
    after: ['group-activity'],
  },
  {
    key: 'group-report',
    stream: '④',
    theme: '若手職員グループの業務改善・政策提案（局研修を活用）',
    title: '優れた提案を局本部へ報告',
    from: [12, 下],
    to: [1, 中],
    owner: 'somu-shokuin',
    after: ['group-meeting'],
  },
  {
    key: 'group-share',
    stream: '④',
    theme: '若手職員グループの業務改善・政策提案（局研修を活用）',
    title: '情報提供',
    from: [1, 下],
    to: [3, 下],
    owner: 'somu-shokuin',
    after: ['group-report'],
  },
  {
    key: 'proposal-call',
    stream: '⑤',
    theme: '改善提案の募集',
    title: '改善提案の募集',
    from: [9, 上],
    to: [11, 下],
    owner: 'somu-kikaku',
  },
  {
    key: 'proposal-review',
    stream: '⑤',
    theme: '改善提案の募集',
    title: '提案内容の評価（若手管理職）',
    from: [12, 上],
    to: [12, 下],
    owner: 'somu-kikaku',
    after: ['proposal-call'],
  },
  {
    key: 'proposal-report',
    stream: '⑤',
    theme: '改善提案の募集',
    title: '優れた提案を局本部へ報告',
    from: [1, 上],
    to: [1, 下],
    owner: 'somu-kikaku',
    after: ['proposal-review'],
  },
  {
    key: 'proposal-apply',
    stream: '⑤',
    theme: '改善提案の募集',
    title: '反映',
    from: [2, 上],
    to: [3, 下],
    owner: 'somu-kikaku',
    after: ['proposal-report'],
  },
]

/** One task the demo leaves behind its plan, so that the chart shows an overdue flag. */
const BEHIND = 'minaoshi-an'

function dateOf(fiscalYear: number, [month, part]: At, end: boolean): string {
  const jun = { year: month >= 4 ? fiscalYear : fiscalYear + 1, month, part }
  return end ? junEnd(jun) : junStart(jun)
}

const dayNumber = (date: string) => {
  const { year, month, day } = parseIso(date)
  return Date.UTC(year, month - 1, day) / 86_400_000
}

/** How far a task would be on `today` if everything ran to plan (the demo's progress). */
function plannedProgress(startsOn: string, endsOn: string, today: string): number {
  if (today > endsOn) return 100
  if (today < startsOn) return 0
  const whole = dayNumber(endsOn) - dayNumber(startsOn) + 1
  return Math.min(99, Math.round(((dayNumber(today) - dayNumber(startsOn)) / whole) * 100))
}

/** Writes the workstreams and the seed's tasks for `fiscalYear`; returns task ids by key. */
export async function seedSchedule(
  trx: Db,
  unitIdByCode: Map<string, string>,
  fiscalYear: number,
  today: string,
): Promise<Map<string, string>> {
  await trx
    .insertInto('schedule_workstreams')
    .values(WORKSTREAMS.map(([code, name], i) => ({ code, name, sort_order: i })))
    .execute()
  const ids = new Map<string, string>()
  let order = 0
  for (const task of SEED_TASKS) {
    const startsOn = dateOf(fiscalYear, task.from, false)
    const endsOn = dateOf(fiscalYear, task.to, true)
    const planned = plannedProgress(startsOn, endsOn, today)
    const row = await trx
      .insertInto('schedule_tasks')
      .values({
        workstream_code: task.stream,
        theme: task.theme,
        title: task.title,
        starts_on: startsOn,
        ends_on: endsOn,
        milestone: task.milestone ?? false,
        owner_unit_id: unitIdByCode.get(task.owner) ?? null,
        progress: task.key === BEHIND && planned === 100 ? 80 : planned,
        sort_order: order++,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.set(task.key, row.id)
    for (const dep of task.after ?? [])
      await trx
        .insertInto('schedule_task_dependencies')
        .values({ task_id: row.id, depends_on_id: ids.get(dep)! })
        .execute()
  }
  return ids
}

/**
 * The demo's fiscal year is the current one (April to March, in Tokyo), so that the chart's
 * today line falls inside the seed's September-to-March schedule for much of the year.
 */
export function demoFiscalYear(today = todayInTokyo()): number {
  const { year, month } = parseIso(today)
  return month >= 4 ? year : year - 1
}

/** The demo's schedule (called once from the demo seed). */
export async function seedScheduleDemo(trx: Db, unitIdByCode: Map<string, string>) {
  const today = todayInTokyo()
  return seedSchedule(trx, unitIdByCode, demoFiscalYear(today), today)
}
