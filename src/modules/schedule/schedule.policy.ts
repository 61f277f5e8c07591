import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'

/** The whole staff follows the schedule. */
export const canViewSchedule = (actor: Actor | null) => actor !== null

/** The secretariat plans the schedule: new tasks, periods, dependencies. */
export const canPlanSchedule = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')

/** A task's owner (its department's chair or its office's manager) reports its progress. */
export function canEditTask(actor: Actor | null, ownerUnitPath: string | null): boolean {
  if (canPlanSchedule(actor)) return true
  return !!ownerUnitPath && hasRoleOver(actor, ownerUnitPath, 'dept_lead', 'office_manager')
}
