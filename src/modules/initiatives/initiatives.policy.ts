import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'

/** Initiatives are shared across the bureau (局内での共有): every member of staff may read them. */
export const canViewInitiatives = (actor: Actor | null) => actor !== null

/** An office's own people keep its initiatives and figures; the secretariat may help. */
export function canEditForUnit(actor: Actor | null, unitPath: string): boolean {
  return (
    hasRole(actor, 'admin', 'hq_secretariat') ||
    hasRoleOver(actor, unitPath, 'dept_lead', 'office_manager')
  )
}

/** The secretariat runs report meetings, reports to HQ and sets work–life balance targets. */
export const canCoordinate = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')

/** HQ's feedback to an office is written by the chief or by the secretariat for HQ. */
export const canGiveFeedback = (actor: Actor | null) => hasRole(actor, 'hq_chief', 'hq_secretariat')
