import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { canDecideReview } from './programs.policy.ts'
import { reviewBase } from './programs.queries.ts'
import { findReview, reload, remember } from './programs.reviews.ts'
import type { ReviewDecision } from './programs.schemas.ts'
import { listVerdicts } from './programs.service.ts'
import type { Review } from './programs.types.ts'

/**
 * Records HQ's decision on a review sheet sent to it: the verdict, the remarks and the
 * amount reflected in next year's budget request. Audited as `program.review.decided` with
 * `data.title` (the programme) and `data.verdict` (the verdict's name).
 * `version`, when given, must be the sheet's current version (409 otherwise).
 */
export async function recordReviewDecision(
  trx: Db,
  actor: Actor | null,
  sheetId: string,
  verdict: string,
  note: string | null,
  options: { reflectedAmount?: number | null; version?: number } = {},
): Promise<Review> {
  authorize(actor, canDecideReview)
  return withTransaction(trx, async (trx) => {
    const existing = await reviewBase(trx).where('r.id', '=', sheetId).executeTakeFirst()
    if (!existing) throw notFound()
    const verdicts = await listVerdicts(trx)
    const chosen = verdicts.find((v) => v.code === verdict)
    if (!chosen) throw invalidField('verdict', 'validation.choice')
    if (existing.status !== 'submitted') throw conflict('programs.review.notSubmitted')
    let update = trx
      .updateTable('program_reviews')
      .set({
        status: 'decided',
        verdict: chosen.code,
        verdict_note: note || null,
        reflected_amount: options.reflectedAmount ?? null,
        decided_at: new Date(),
        decided_by: actor.userId,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', sheetId)
      .where('status', '=', 'submitted')
    if (options.version !== undefined) update = update.where('version', '=', options.version)
    const row = await update.returning('id').executeTakeFirst()
    if (!row) throw conflict()
    const review = await reload(trx, sheetId)
    await remember(trx, actor, review, 'decide')
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'program.review.decided',
      entity: 'program_review',
      entityId: sheetId,
      data: {
        title: review.programName,
        verdict: chosen.name,
        verdictCode: chosen.code,
        fiscalYear: review.fiscalYear,
        programId: review.programId,
        reflectedAmount: review.reflectedAmount,
      },
    })
    return review
  })
}

export async function decideReview(
  db: Db,
  actor: Actor | null,
  programId: string,
  fiscalYear: number,
  decision: ReviewDecision,
): Promise<Review> {
  authorize(actor, canDecideReview)
  return withTransaction(db, async (trx) => {
    const existing = await findReview(trx, programId, fiscalYear)
    if (!existing) throw notFound()
    return recordReviewDecision(trx, actor, existing.id, decision.verdict, decision.verdictNote, {
      reflectedAmount: decision.reflectedAmount,
      version: decision.version,
    })
  })
}
