import type { Db } from '../../db/schema.ts'
import { translator } from '../../i18n/index.ts'
import { upsertLinkedTask } from '../schedule/index.ts'

const ja = translator('ja')

/**
 * The review calendar of a fiscal year: the subcommittees' proposals for the priority
 * programmes by early October (the seed: 10月上旬), and the other programmes within the year.
 */
export function reviewPeriodsOf(fiscalYear: number) {
  return [
    {
      kind: 'priority' as const,
      start: `${fiscalYear}-09-01`,
      end: `${fiscalYear}-10-10`,
      title: ja('programs.review.periodPriority'),
    },
    {
      kind: 'other' as const,
      start: `${fiscalYear}-10-11`,
      end: `${fiscalYear + 1}-03-31`,
      title: ja('programs.review.periodOther'),
    },
  ]
}

/**
 * Keeps the review periods of every fiscal year with programmes on the overall schedule
 * (workstream ①), inside the transaction that wrote the years. The caller has authorised.
 */
export async function linkReviewPeriods(trx: Db, fiscalYears: number[]): Promise<void> {
  for (const fiscalYear of new Set(fiscalYears)) {
    for (const period of reviewPeriodsOf(fiscalYear)) {
      await upsertLinkedTask(trx, {
        source: 'programs.review',
        sourceId: `${fiscalYear}-${period.kind}`,
        workstream: '①',
        title: `${period.title}（${fiscalYear}年度）`,
        startsOn: period.start,
        endsOn: period.end,
        milestone: false,
        ownerUnitId: null,
        href: '/programs/reviews',
      })
    }
  }
}
