import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, notFound } from '../../http/errors.ts'
import { canDecideReview, canDraftReview, canViewPrograms } from './programs.policy.ts'
import {
  programBase,
  reviewBase,
  toProgram,
  toProgramYear,
  toReview,
  YEAR_SELECT,
} from './programs.queries.ts'
import type { ReviewDraft } from './programs.schemas.ts'
import { listVerdicts } from './programs.service.ts'
import {
  defaultDeadline,
  type Program,
  type ProgramYear,
  type Review,
  type ReviewHistoryEntry,
  type ReviewStatus,
  type Verdict,
} from './programs.types.ts'

export interface ReviewSheet {
  program: Program
  year: ProgramYear
  review: Review | null
  deadline: string
  history: ReviewHistoryEntry[]
  verdicts: Verdict[]
  canDraft: boolean
  canDecide: boolean
}

async function programYear(db: Db, programId: string, fiscalYear: number) {
  const row = await programBase(db).where('p.id', '=', programId).executeTakeFirst()
  if (!row) throw notFound()
  const year = await db
    .selectFrom('program_years as y')
    .select([...YEAR_SELECT])
    .where('y.program_id', '=', programId)
    .where('y.fiscal_year', '=', fiscalYear)
    .executeTakeFirst()
  if (!year) throw notFound()
  return { program: toProgram(row), departmentPath: row.department_path, year: toProgramYear(year) }
}

export const findReview = async (db: Db, programId: string, fiscalYear: number) => {
  const row = await reviewBase(db)
    .where('r.program_id', '=', programId)
    .where('r.fiscal_year', '=', fiscalYear)
    .executeTakeFirst()
  return row ? toReview(row) : null
}

async function reviewHistory(db: Db, reviewId: string): Promise<ReviewHistoryEntry[]> {
  const rows = await db
    .selectFrom('program_review_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.version', 'h.action', 'h.at', 'h.data', 'u.display_name'])
    .where('h.review_id', '=', reviewId)
    .orderBy('h.id', 'desc')
    .execute()
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    actorName: r.display_name,
    at: r.at,
    data: r.data,
  }))
}

/** A programme's review sheet for a year (a blank one if nobody has started it). */
export async function getReviewSheet(
  db: Db,
  actor: Actor | null,
  programId: string,
  fiscalYear: number,
): Promise<ReviewSheet> {
  authorize(actor, canViewPrograms)
  const { program, departmentPath, year } = await programYear(db, programId, fiscalYear)
  const review = await findReview(db, programId, fiscalYear)
  return {
    program,
    year,
    review,
    deadline: review?.deadline ?? defaultDeadline(fiscalYear),
    history: review ? await reviewHistory(db, review.id) : [],
    verdicts: await listVerdicts(db),
    canDraft: canDraftReview(actor, departmentPath) && (review?.status ?? 'draft') === 'draft',
    canDecide: canDecideReview(actor) && review?.status === 'submitted',
  }
}

export async function remember(trx: Db, actor: Actor, review: Review, action: string) {
  const { id, version, status, outlived, needs, publicPrivate, effect, efficiency, future } = review
  await trx
    .insertInto('program_review_history')
    .values({
      review_id: id,
      version,
      action,
      actor_id: actor.userId,
      data: JSON.stringify({
        status,
        outlived,
        needs,
        publicPrivate,
        effect,
        efficiency,
        future,
        proposal: review.proposal,
        verdict: review.verdict,
        verdictNote: review.verdictNote,
        reflectedAmount: review.reflectedAmount,
      }),
    })
    .execute()
}

export const reload = async (trx: Db, id: string) =>
  toReview(await reviewBase(trx).where('r.id', '=', id).executeTakeFirstOrThrow())

/**
 * Saves the subcommittee's draft. `version` 0 starts the sheet; a stale version, or a sheet
 * already sent to HQ, is refused with 409 and nothing is written.
 */
export async function saveReviewDraft(
  db: Db,
  actor: Actor | null,
  programId: string,
  fiscalYear: number,
  draft: ReviewDraft,
): Promise<Review> {
  authorize(actor, canViewPrograms)
  return withTransaction(db, async (trx) => {
    const { departmentPath } = await programYear(trx, programId, fiscalYear)
    if (!canDraftReview(actor, departmentPath)) throw forbidden()
    const values = {
      outlived: draft.outlived,
      needs: draft.needs,
      public_private: draft.publicPrivate,
      effect: draft.effect,
      efficiency: draft.efficiency,
      future: draft.future,
      proposal: draft.proposal,
    }
    const existing = await findReview(trx, programId, fiscalYear)
    if (existing && existing.status !== 'draft') throw conflict('programs.review.locked')
    let id: string
    if (!existing) {
      if (draft.version !== 0) throw conflict()
      const row = await trx
        .insertInto('program_reviews')
        .values({
          program_id: programId,
          fiscal_year: fiscalYear,
          deadline: defaultDeadline(fiscalYear),
          ...values,
        })
        .onConflict((oc) => oc.columns(['program_id', 'fiscal_year']).doNothing())
        .returning('id')
        .executeTakeFirst()
      // Someone else started the same sheet a moment ago.
      if (!row) throw conflict()
      id = row.id
    } else {
      const row = await trx
        .updateTable('program_reviews')
        .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
        .where('id', '=', existing.id)
        .where('version', '=', draft.version)
        .where('status', '=', 'draft')
        .returning('id')
        .executeTakeFirst()
      if (!row) throw conflict()
      id = row.id
    }
    const review = await reload(trx, id)
    await remember(trx, actor, review, existing ? 'update' : 'create')
    await recordAudit(trx, {
      actorId: actor.userId,
      action: existing ? 'program.review.update' : 'program.review.create',
      entity: 'program_review',
      entityId: id,
      data: { title: review.programName, fiscalYear },
    })
    return review
  })
}

/** The subcommittee sends its draft to HQ; from then on only HQ acts on it. */
export async function submitReview(
  db: Db,
  actor: Actor | null,
  programId: string,
  fiscalYear: number,
  version: number,
): Promise<Review> {
  authorize(actor, canViewPrograms)
  return withTransaction(db, async (trx) => {
    const { departmentPath } = await programYear(trx, programId, fiscalYear)
    if (!canDraftReview(actor, departmentPath)) throw forbidden()
    const existing = await findReview(trx, programId, fiscalYear)
    if (!existing) throw notFound()
    const row = await trx
      .updateTable('program_reviews')
      .set({
        status: 'submitted',
        submitted_at: new Date(),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', existing.id)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst()
    if (!row)
      throw conflict(existing.status === 'draft' ? 'errors.conflict' : 'programs.review.locked')
    const review = await reload(trx, row.id)
    await remember(trx, actor, review, 'submit')
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'program.review.submitted',
      entity: 'program_review',
      entityId: review.id,
      data: { title: review.programName, fiscalYear },
    })
    return review
  })
}

export async function listReviews(
  db: Db,
  actor: Actor | null,
  filter: { status?: ReviewStatus | null; fiscalYear?: number | null } = {},
): Promise<Review[]> {
  authorize(actor, canViewPrograms)
  let query = reviewBase(db)
  if (filter.status) query = query.where('r.status', '=', filter.status)
  if (filter.fiscalYear) query = query.where('r.fiscal_year', '=', filter.fiscalYear)
  const rows = await query
    .orderBy('r.fiscal_year', 'desc')
    .orderBy('d.sort_order')
    .orderBy('p.code')
    .limit(1000)
    .execute()
  return rows.map(toReview)
}

/** Review sheets sent to HQ and not yet decided: the items for an HQ meeting's agenda. */
export const listReviewsAwaitingDecision = (db: Db, actor: Actor | null) =>
  listReviews(db, actor, { status: 'submitted' })

/** One review sheet by its id, with its history. */
export async function getReview(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ review: Review; history: ReviewHistoryEntry[] }> {
  authorize(actor, canViewPrograms)
  const row = await reviewBase(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return { review: toReview(row), history: await reviewHistory(db, id) }
}
