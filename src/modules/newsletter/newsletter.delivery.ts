import { withTransaction } from '../../db/transaction.ts'
import { reportProgress } from '../../jobs/queue.ts'
import type { JobHandler } from '../../jobs/worker.ts'
import { notifyMany } from '../../notifications/notify.ts'
import { selectIssues } from './newsletter.queries.ts'
import { issueText } from './newsletter.service.ts'

const BATCH = 500

/**
 * Puts a published issue in every active account's inbox and queues its e-mail, a batch of
 * accounts per transaction. A metropolitan government has 50,000 accounts: one transaction for
 * all of them held the publish request for minutes. The checkpoint (the last account done)
 * commits with its batch, so a job resumed after a crash neither skips nor repeats anyone.
 */
export const deliverIssueJob: JobHandler = async ({ db, job }) => {
  const { issueId } = job.payload as { issueId: string }
  const [issue] = await selectIssues(db, { id: issueId })
  if (issue?.status !== 'published') return { skipped: 'not published' }
  const notice = { title: issue.title, body: issueText(issue), link: `/news/${issue.id}` }
  const { total } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('active', '=', true)
    .executeTakeFirstOrThrow()
  let after = (job.checkpoint as { after?: string } | null)?.after ?? null
  let done = job.progress
  for (;;) {
    const batch = await withTransaction(db, async (trx) => {
      let query = trx
        .selectFrom('users')
        .select('id')
        .where('active', '=', true)
        .orderBy('id')
        .limit(BATCH)
      if (after) query = query.where('id', '>', after)
      const users = await query.execute()
      if (users.length === 0) return 0
      await notifyMany(
        trx,
        users.map((u) => u.id),
        notice,
        { email: true },
      )
      after = users.at(-1)!.id
      done += users.length
      await reportProgress(trx, job.id, done, Math.max(total, done), { after })
      return users.length
    })
    if (batch < BATCH) break
  }
  return { recipients: done }
}
