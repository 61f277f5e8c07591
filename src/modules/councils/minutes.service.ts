import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type IncomingFile, storeFile } from '../../files/index.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { enqueueJob } from '../../jobs/queue.ts'
import { applyRedactions, reasonOf, spanProblem } from '../redaction/index.ts'
import { canApproveMinutes, canManageCouncils, canReadOriginalMinutes } from './councils.policy.ts'
import { findMeeting, findMinutes, spansOf, toMinutes } from './councils.queries.ts'
import { type ManualSpanInput, minutesTextSchema } from './councils.schemas.ts'
import type { Meeting, Minutes, MinutesSpan, MinutesStatus } from './councils.types.ts'
import { docxToText } from './docx.ts'
import { indexDocument, removeFromIndex } from './search.ts'

export const REDACT_MINUTES_JOB = 'councils.redact-minutes'

const DOCX_POLICY = { maxBytes: 10 * 1024 * 1024, kinds: ['docx', 'txt'] as const }

/** The title minutes are published under: council and meeting. */
export const minutesTitle = (meeting: Meeting) => `${meeting.councilName} ${meeting.title}`

/**
 * Drafts minutes from text or an uploaded .docx (or .txt) and queues the redaction engine.
 * A draft may be replaced until it is submitted for sign-off.
 */
export async function draftMinutes(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  source: { text?: string; file?: IncomingFile },
): Promise<Minutes> {
  authorize(actor, canManageCouncils)
  let text = source.text ?? ''
  if (source.file) {
    const file = source.file
    const isTxt = file.filename.toLowerCase().endsWith('.txt')
    if (!isTxt) text = await docxToText(file.bytes)
    else text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes)
  }
  const { minutesText: checked } = parseInput(minutesTextSchema, { minutesText: text })
  return withTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, meetingId)
    if (!meeting) throw notFound()
    const existing = await trx
      .selectFrom('council_minutes')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .forUpdate()
      .executeTakeFirst()
    if (existing && !['draft', 'redacting', 'in_review', 'withdrawn'].includes(existing.status))
      throw conflict('councils.error.minutesLocked')
    const sourceFileId = source.file
      ? (await storeFile(trx, actor.userId, 'minutesFile', source.file, DOCX_POLICY)).id
      : null
    let id: string
    if (existing) {
      id = existing.id
      await trx.deleteFrom('council_minute_spans').where('minutes_id', '=', id).execute()
      await removeFromIndex(trx, id)
      await trx
        .updateTable('council_minutes')
        .set({
          status: 'redacting',
          original_text: checked,
          source_file_id: sourceFileId,
          redacted_text: null,
          submitted_by: null,
          approved_by: null,
          approved_at: null,
          published_at: null,
          withdrawn_at: null,
          version: sql<number>`version + 1`,
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute()
    } else {
      const row = await trx
        .insertInto('council_minutes')
        .values({
          meeting_id: meetingId,
          status: 'redacting',
          original_text: checked,
          source_file_id: sourceFileId,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
    }
    const jobId = await enqueueJob(trx, REDACT_MINUTES_JOB, { minutesId: id }, actor.userId)
    await trx
      .updateTable('council_minutes')
      .set({ redaction_job_id: jobId })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.draft',
      entity: 'council_minutes',
      entityId: id,
      data: { meetingId, characters: checked.length, fromFile: !!source.file },
    })
    return (await findMinutes(trx, id))!
  })
}

export interface MinutesReview {
  minutes: Minutes
  meeting: Meeting
  spans: MinutesSpan[]
  canApprove: boolean
  canManage: boolean
}

export async function getMinutesReview(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<MinutesReview> {
  authorize(actor, canReadOriginalMinutes)
  const minutes = await findMinutes(db, id)
  if (!minutes) throw notFound()
  return {
    minutes,
    meeting: (await findMeeting(db, minutes.meetingId))!,
    spans: await spansOf(db, id),
    canApprove: canApproveMinutes(actor) && minutes.submittedBy !== actor.userId,
    canManage: canManageCouncils(actor),
  }
}

/** Locks the minutes, checks their state and version, and bumps the version. */
async function transition(
  trx: Db,
  id: string,
  version: number,
  allowed: MinutesStatus[],
  wrongStateKey: Parameters<typeof conflict>[0],
): Promise<Minutes> {
  const row = await trx
    .selectFrom('council_minutes')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound()
  if (!allowed.includes(row.status)) throw conflict(wrongStateKey)
  if (row.version !== version) throw conflict()
  await trx
    .updateTable('council_minutes')
    .set({ version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
  return toMinutes(row)
}

export async function decideSpan(
  db: Db,
  actor: Actor | null,
  minutesId: string,
  spanId: string,
  input: { decision: 'accepted' | 'rejected'; version: number },
): Promise<void> {
  authorize(actor, canManageCouncils)
  await withTransaction(db, async (trx) => {
    await transition(trx, minutesId, input.version, ['in_review'], 'councils.error.notInReview')
    const row = await trx
      .updateTable('council_minute_spans')
      .set({ decision: input.decision })
      .where('id', '=', spanId)
      .where('minutes_id', '=', minutesId)
      .returning(['type', 'start_at', 'end_at'])
      .executeTakeFirst()
    if (!row) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `council.minutes.span.${input.decision === 'accepted' ? 'accept' : 'reject'}`,
      entity: 'council_minutes',
      entityId: minutesId,
      data: { spanId, type: row.type, start: row.start_at, end: row.end_at },
    })
  })
}

/** A span the engine missed, added by hand; it must lie in the text and overlap no other. */
export async function addSpan(
  db: Db,
  actor: Actor | null,
  minutesId: string,
  input: ManualSpanInput,
): Promise<void> {
  authorize(actor, canManageCouncils)
  await withTransaction(db, async (trx) => {
    const minutes = await transition(
      trx,
      minutesId,
      input.version,
      ['in_review'],
      'councils.error.notInReview',
    )
    const kept = (await spansOf(trx, minutesId)).filter((s) => s.decision !== 'rejected')
    const span = {
      start: input.spanStart,
      end: input.spanEnd,
      type: input.spanType,
      reason: reasonOf(input.spanType),
    }
    const problem = spanProblem(minutes.originalText, [...kept, span])
    if (problem === 'range')
      throw invalidField('spanEnd', 'councils.error.spanRange', {
        length: minutes.originalText.length,
      })
    if (problem) throw invalidField('spanStart', 'councils.error.spanOverlap')
    await trx
      .insertInto('council_minute_spans')
      .values({
        minutes_id: minutesId,
        start_at: span.start,
        end_at: span.end,
        type: span.type,
        reason: span.reason,
        origin: 'manual',
        decision: 'accepted',
      })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.span.add',
      entity: 'council_minutes',
      entityId: minutesId,
      data: { start: span.start, end: span.end, type: span.type },
    })
  })
}

/** Withholds every occurrence of a text the engine missed that is not withheld already. */
export async function addSpansForText(
  db: Db,
  actor: Actor | null,
  minutesId: string,
  input: { spanText: string; spanType: ManualSpanInput['spanType']; version: number },
): Promise<number> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const minutes = await transition(
      trx,
      minutesId,
      input.version,
      ['in_review'],
      'councils.error.notInReview',
    )
    const kept = (await spansOf(trx, minutesId)).filter((s) => s.decision !== 'rejected')
    const text = minutes.originalText
    const added: { start: number; end: number }[] = []
    for (
      let at = text.indexOf(input.spanText);
      at >= 0;
      at = text.indexOf(input.spanText, at + 1)
    ) {
      const end = at + input.spanText.length
      const clash = [...kept, ...added].some((s) => s.start < end && at < s.end)
      if (!clash) added.push({ start: at, end })
    }
    if (added.length === 0) throw invalidField('spanText', 'councils.error.textNotFound')
    await trx
      .insertInto('council_minute_spans')
      .values(
        added.map((s) => ({
          minutes_id: minutesId,
          start_at: s.start,
          end_at: s.end,
          type: input.spanType,
          reason: reasonOf(input.spanType),
          origin: 'manual' as const,
          decision: 'accepted' as const,
        })),
      )
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.span.add',
      entity: 'council_minutes',
      entityId: minutesId,
      data: { type: input.spanType, occurrences: added.length },
    })
    return added.length
  })
}

/** The secretariat hands reviewed minutes to the approver; every proposal must be decided. */
export async function submitMinutes(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
): Promise<void> {
  authorize(actor, canManageCouncils)
  await withTransaction(db, async (trx) => {
    await transition(trx, id, version, ['in_review'], 'councils.error.notInReview')
    const undecided = (await spansOf(trx, id)).filter((s) => s.decision === 'proposed').length
    if (undecided)
      throw invalidField('spans', 'councils.error.undecidedSpans', { count: undecided })
    await trx
      .updateTable('council_minutes')
      .set({ status: 'submitted', submitted_by: actor.userId })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.submit',
      entity: 'council_minutes',
      entityId: id,
    })
  })
}

/** The approver signs off (or sends the minutes back); never the person who submitted them. */
export async function signOffMinutes(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
  approve: boolean,
): Promise<void> {
  authorize(actor, canApproveMinutes)
  await withTransaction(db, async (trx) => {
    const minutes = await transition(trx, id, version, ['submitted'], 'councils.error.notSubmitted')
    if (minutes.submittedBy === actor.userId) throw forbidden()
    await trx
      .updateTable('council_minutes')
      .set(
        approve
          ? { status: 'approved', approved_by: actor.userId, approved_at: new Date() }
          : { status: 'in_review', submitted_by: null },
      )
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: approve ? 'council.minutes.approve' : 'council.minutes.return',
      entity: 'council_minutes',
      entityId: id,
    })
  })
}

/**
 * Publishes signed-off minutes: only the redacted text is written for the public and put into
 * the search index, each withheld part replaced by a marker with its ground.
 */
export async function publishMinutes(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
): Promise<void> {
  authorize(actor, canManageCouncils)
  await withTransaction(db, async (trx) => {
    const minutes = await transition(trx, id, version, ['approved'], 'councils.error.notApproved')
    const meeting = (await findMeeting(trx, minutes.meetingId))!
    const accepted = (await spansOf(trx, id)).filter((s) => s.decision === 'accepted')
    const redacted = applyRedactions(minutes.originalText, accepted)
    const publishedAt = new Date()
    await trx
      .updateTable('council_minutes')
      .set({
        status: 'published',
        redacted_text: redacted,
        published_at: publishedAt,
        withdrawn_at: null,
      })
      .where('id', '=', id)
      .execute()
    const title = minutesTitle(meeting)
    await indexDocument(trx, {
      minutesId: id,
      meetingId: meeting.id,
      title,
      body: redacted,
      publishedAt,
    })
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.published',
      entity: 'council_minutes',
      entityId: id,
      data: { title, meetingId: meeting.id, redactions: accepted.length },
    })
  })
}

export async function withdrawMinutes(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
): Promise<void> {
  authorize(actor, canManageCouncils)
  await withTransaction(db, async (trx) => {
    await transition(trx, id, version, ['published'], 'councils.error.notPublished')
    await trx
      .updateTable('council_minutes')
      .set({ status: 'withdrawn', redacted_text: null, withdrawn_at: new Date() })
      .where('id', '=', id)
      .execute()
    await removeFromIndex(trx, id)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.minutes.withdrawn',
      entity: 'council_minutes',
      entityId: id,
    })
  })
}
