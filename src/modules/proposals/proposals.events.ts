import type { Db } from '../../db/schema.ts'
import { translator } from '../../i18n/index.ts'
import { notify } from '../../notifications/notify.ts'
import type { ProposalStatus } from './proposals.types.ts'

const ja = translator('ja')

export { todayInTokyo } from '../../i18n/dates.ts'

/**
 * Moves a proposal to a status, keeps the history, and tells every author in the inbox and by
 * e-mail. The message names the proposal and the status, never who proposed or reviewed.
 */
export async function changeStatus(
  trx: Db,
  proposalId: string,
  status: ProposalStatus,
  note = '',
): Promise<void> {
  const row = await trx
    .updateTable('proposals')
    .set({ status, updated_at: new Date() })
    .where('id', '=', proposalId)
    .returning('title')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('proposal_events')
    .values({ proposal_id: proposalId, status, note })
    .execute()
  const authors = await trx
    .selectFrom('proposal_authors')
    .select('user_id')
    .where('proposal_id', '=', proposalId)
    .execute()
  const statusLabel = ja(`proposals.status.${status}`)
  for (const author of authors) {
    await notify(
      trx,
      {
        userId: author.user_id,
        title: ja('proposals.notify.status', { title: row.title, status: statusLabel }),
        body: note,
        link: `/proposals/${proposalId}`,
      },
      { email: true },
    )
  }
}

/** A reviewer learns of a new assignment: the title and campaign, nothing of the proposer. */
export async function notifyAssignment(
  trx: Db,
  reviewerId: string,
  count: number,
  campaign: string,
) {
  await notify(
    trx,
    {
      userId: reviewerId,
      title: ja('proposals.notify.assigned', { count, campaign }),
      link: '/proposals/review',
    },
    { email: true },
  )
}
