import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import { conflict, invalidField } from '../../http/errors.ts'
import type { AgendaSource } from '../hq/index.ts'
import { recordReviewDecision } from './programs.decisions.ts'
import { listReviewsAwaitingDecision, reload, remember } from './programs.reviews.ts'
import { listVerdicts } from './programs.service.ts'

/**
 * Review sheets sent to HQ, as items of an HQ meeting's agenda. HQ either returns a sheet to
 * its subcommittee (it becomes a draft again) or decides it with a verdict from the list.
 * HQ's own service has already checked that the actor may decide.
 */
export const programsAgendaSource: AgendaSource = {
  kind: 'programs.review',
  label: 'programs.agendaSource',
  async listAwaiting(db, actor) {
    return (await listReviewsAwaitingDecision(db, actor)).map((r) => ({
      refId: r.id,
      title: `${r.programName}（${r.fiscalYear}年度 見直しシート）`,
      href: `/programs/${r.programId}/reviews/${r.fiscalYear}`,
      summary: r.proposal,
    }))
  },
  async decisionChoices(db) {
    return (await listVerdicts(db)).map((v) => ({ value: v.code, label: v.name }))
  },
  async applyDecision(trx, actor, refId, decision) {
    if (decision.outcome !== 'returned') {
      if (!decision.choice) throw invalidField('choice', 'programs.agendaVerdictRequired')
      await recordReviewDecision(trx, actor, refId, decision.choice, decision.note || null)
      return
    }
    const returned = await trx
      .updateTable('program_reviews')
      .set({ status: 'draft', version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', refId)
      .where('status', '=', 'submitted')
      .returning('id')
      .executeTakeFirst()
    if (!returned) throw conflict()
    const review = await reload(trx, refId)
    await remember(trx, actor, review, 'return')
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'program.review.returned',
      entity: 'program_review',
      entityId: refId,
      data: { title: review.programName, fiscalYear: review.fiscalYear, note: decision.note },
    })
  },
}
