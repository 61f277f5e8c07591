import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'

/** The disclosure officer (情報公開担当) keeps the request log, the catalogue and the register. */
export const canManageDisclosure = (actor: Actor) => hasRole(actor, 'disclosure_officer', 'admin')

/** HQ follows the totals of the register and its review campaign. */
export const canSeeHoldingTotals = (actor: Actor) =>
  hasRole(actor, 'disclosure_officer', 'admin', 'hq_chief', 'hq_member', 'hq_secretariat')

/** A unit's holdings are kept by its manager (office) or department lead, and the officer. */
export const canKeepHoldingsOf = (actor: Actor | null, unitPath: string) =>
  hasRole(actor, 'disclosure_officer', 'admin') ||
  hasRoleOver(actor, unitPath, 'office_manager', 'dept_lead')

/** Who has any register page at all: the officer, HQ, and unit managers. */
export const canOpenRegister = (actor: Actor) =>
  canSeeHoldingTotals(actor) || hasRole(actor, 'office_manager', 'dept_lead')
