import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'
import type { Campaign, ProposalStatus } from './proposals.types.ts'

/** The secretariat runs campaigns, assigns reviewers, shortlists, reports and merges. */
export const canManageCampaigns = (actor: Actor) => hasRole(actor, 'admin', 'hq_secretariat')

/** HQ (and its secretariat, recording for it) decides on shortlisted proposals. */
export const canDecide = (actor: Actor) =>
  hasRole(actor, 'hq_chief', 'hq_member', 'hq_secretariat', 'admin')

/** Rankings and reports are for the secretariat and HQ. */
export const canSeeRanking = (actor: Actor) => canManageCampaigns(actor) || canDecide(actor)

/** Managers who may record advice on a training group's draft before it is submitted. */
export const canAdvise = (actor: Actor) =>
  hasRole(actor, 'office_manager', 'dept_lead', 'hq_secretariat')

export interface Relation {
  isAuthor: boolean
  isAssigned: boolean
}

/**
 * Whether who proposed must be hidden from this viewer. Only the authors themselves and the
 * secretariat (which runs the process and must avoid conflicts of interest) see identity;
 * reviewers, HQ and everyone else see a `BlindProposal` only.
 */
export function isBlindTo(actor: Actor, relation: Relation): boolean {
  return !(relation.isAuthor || canManageCampaigns(actor))
}

const decidedOrLater: ProposalStatus[] = ['shortlisted', 'adopted', 'deferred', 'declined', 'done']
const publicToStaff: ProposalStatus[] = ['adopted', 'done']

export function canViewProposal(
  actor: Actor,
  status: ProposalStatus,
  campaign: Pick<Campaign, 'requiresAdvice'>,
  relation: Relation,
): boolean {
  if (relation.isAuthor || canManageCampaigns(actor)) return true
  if (status === 'draft') return campaign.requiresAdvice && canAdvise(actor)
  if (relation.isAssigned) return true
  if (canDecide(actor) && decidedOrLater.includes(status)) return true
  return publicToStaff.includes(status)
}

/** Who may submit to a campaign: everyone for staff campaigns, the PR team for its own. */
export function canSubmitTo(actor: Actor, campaign: Pick<Campaign, 'audience'>): boolean {
  if (campaign.audience === 'pr_team') return hasRole(actor, 'pr_team', 'hq_secretariat', 'admin')
  return true
}

export const canEditProposal = (status: ProposalStatus, relation: Relation) =>
  relation.isAuthor && status === 'draft'

export const canReview = (actor: Actor, status: ProposalStatus, relation: Relation) =>
  hasRole(actor, 'reviewer') &&
  relation.isAssigned &&
  !relation.isAuthor &&
  (status === 'submitted' || status === 'under_review')

/** Progress of an adopted proposal: the secretariat, or a chair/manager over the owner unit. */
export function canReportProgress(actor: Actor, ownerUnitPath: string | null): boolean {
  if (canManageCampaigns(actor)) return true
  return !!ownerUnitPath && hasRoleOver(actor, ownerUnitPath, 'dept_lead', 'office_manager')
}
