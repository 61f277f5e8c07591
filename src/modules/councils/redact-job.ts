import type { JobHandler } from '../../jobs/worker.ts'
import { redact } from '../redaction/index.ts'

/**
 * The job that runs the redaction engine over drafted minutes, away from the request path
 * (the dictionary is loaded once, in the process that runs jobs). Its proposals are stored:
 * personal information accepted by default, corporate information awaiting a decision.
 */
export const redactMinutesJob: JobHandler = async ({ db, job, progress }) => {
  const { minutesId } = job.payload as { minutesId: string }
  const minutes = await db
    .selectFrom('council_minutes as n')
    .innerJoin('council_meetings as m', 'm.id', 'n.meeting_id')
    .select([
      'n.id',
      'n.status',
      'n.original_text',
      'n.redaction_job_id',
      'm.council_id',
      'm.allowlist',
    ])
    .where('n.id', '=', minutesId)
    .executeTakeFirst()
  // Minutes drafted again since: a newer job has the newer text.
  if (minutes?.status !== 'redacting' || minutes.redaction_job_id !== job.id)
    return { skipped: true }
  await progress(0, 2)
  const members = await db
    .selectFrom('council_members')
    .select('name')
    .where('council_id', '=', minutes.council_id)
    .execute()
  const allowlist = [...members.map((m) => m.name), ...(minutes.allowlist ?? [])]
  const spans = await redact(minutes.original_text, { allowlist })
  await progress(1, 2)
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('council_minutes')
      .select(['status', 'redaction_job_id'])
      .where('id', '=', minutesId)
      .forUpdate()
      .executeTakeFirst()
    if (current?.status !== 'redacting' || current.redaction_job_id !== job.id) return
    await trx.deleteFrom('council_minute_spans').where('minutes_id', '=', minutesId).execute()
    for (let i = 0; i < spans.length; i += 500) {
      await trx
        .insertInto('council_minute_spans')
        .values(
          spans.slice(i, i + 500).map((s) => ({
            minutes_id: minutesId,
            start_at: s.start,
            end_at: s.end,
            type: s.type,
            reason: s.reason,
            origin: 'engine' as const,
            decision: s.needsReview ? ('proposed' as const) : ('accepted' as const),
          })),
        )
        .execute()
    }
    await trx
      .updateTable('council_minutes')
      .set({ status: 'in_review', updated_at: new Date() })
      .where('id', '=', minutesId)
      .execute()
  })
  await progress(2, 2)
  return { spans: spans.length }
}
