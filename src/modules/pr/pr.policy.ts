import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'

/** Every member of staff may read the inventory, the survey's progress and the matrix. */
export const canViewPr = (actor: Actor | null) => actor !== null

/** The bureau's PR desk: the secretariat and the PR project team (and administrators). */
export const isPrDesk = (actor: Actor | null) =>
  hasRole(actor, 'admin', 'hq_secretariat', 'pr_team')

/**
 * A unit's media are entered by the unit itself (its department's subcommittee chair or its
 * office manager) or by the PR desk; the survey is answered the same way.
 */
export const canEditMediaOf = (actor: Actor | null, unitPath: string) =>
  isPrDesk(actor) || hasRoleOver(actor, unitPath, 'dept_lead', 'office_manager')

/** Opening and closing the survey, sending reminders and the audience taxonomy: the secretariat. */
export const canRunSurvey = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')

/** Improvement actions are created by the PR desk; the owner unit may move their status on. */
export const canCreateAction = isPrDesk
export const canEditAction = (actor: Actor | null, ownerUnitPath: string) =>
  isPrDesk(actor) || hasRoleOver(actor, ownerUnitPath, 'dept_lead', 'office_manager')
