import { recordAudit } from '../../audit/audit.ts'
import { conflict, invalidField } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import type { AgendaSource } from '../hq/index.ts'
import { listAwaitingDecision, recordDecision } from './decisions.service.ts'
import { changeStatus, todayInTokyo } from './proposals.events.ts'
import { selectBlindProposal } from './proposals.queries.ts'
import type { DecisionInput } from './proposals.schemas.ts'

const ja = translator('ja')

/** What HQ may decide on a shortlisted proposal at a meeting, as one choice. */
const CHOICES = ['adopt:program_change', 'adopt:office_initiative', 'defer', 'decline'] as const

/** The end of the fiscal year (31 March) a Tokyo date falls in: the due date HQ adopts with. */
export function endOfFiscalYear(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return `${month <= 3 ? year : year + 1}-03-31`
}

function asDecision(
  choice: string,
  note: string,
  ownerUnitId: string | null,
  today: string,
): DecisionInput {
  if (choice === 'defer' || choice === 'decline') {
    if (!note.trim()) throw invalidField('note', 'proposals.agendaReasonRequired')
    return { decision: choice, reason: note, ownerUnitId: null, dueOn: null, becomes: null }
  }
  if (!ownerUnitId) throw invalidField('choice', 'proposals.agendaOwnerMissing')
  return {
    decision: 'adopt',
    reason: note,
    ownerUnitId,
    dueOn: endOfFiscalYear(today),
    becomes: choice === 'adopt:program_change' ? 'program_change' : 'office_initiative',
  }
}

/**
 * Shortlisted proposals as items of an HQ meeting's agenda. Approving (or amending) one records
 * HQ's decision as chosen at the meeting: adopted by the unit the proposal concerns, due at the
 * end of the fiscal year, or deferred / declined with the note as the reason. Returning it sends
 * it back to review; noting it leaves it on the shortlist. The items are blind: a title, the
 * area and the problem, never who proposed.
 */
export const proposalsAgendaSource: AgendaSource = {
  kind: 'proposals.proposal',
  label: 'proposals.agendaSource',
  async listAwaiting(db, actor) {
    return (await listAwaitingDecision(db, actor)).map((p) => ({
      refId: p.id,
      title: `${p.title}（${p.campaignTitle}）`,
      href: `/proposals/${p.id}`,
      summary: p.problem,
    }))
  },
  async decisionChoices() {
    return CHOICES.map((value) => ({ value, label: ja(`proposals.agendaChoice.${value}`) }))
  },
  async applyDecision(trx, actor, refId, decision) {
    if (decision.outcome === 'noted') return
    if (decision.outcome === 'returned') {
      const proposal = await selectBlindProposal(trx, refId)
      if (proposal?.status !== 'shortlisted') throw conflict('proposals.error.notShortlisted')
      await changeStatus(trx, refId, 'under_review', decision.note)
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'proposal.returned',
        entity: 'proposal',
        entityId: refId,
        data: { title: proposal.title, note: decision.note },
      })
      return
    }
    const choice = decision.choice ?? ''
    if (!(CHOICES as readonly string[]).includes(choice))
      throw invalidField('choice', 'proposals.agendaChoiceRequired')
    const proposal = await selectBlindProposal(trx, refId)
    const input = asDecision(choice, decision.note, proposal?.areaUnitId ?? null, todayInTokyo())
    await recordDecision(trx, actor, refId, input)
  },
}
