import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'
import type { Unit } from './org.types.ts'

/** Every member of staff may browse the organisation; the public may not. */
export const canViewOrg = (actor: Actor | null) => actor !== null

/**
 * Administrators and the HQ secretariat shape the whole organisation; a department's
 * subcommittee chair may add and rename sections and offices inside that department.
 */
export function canEditUnitUnder(
  actor: Actor | null,
  parent: Unit | null,
  kind: Unit['kind'],
): boolean {
  if (hasRole(actor, 'admin', 'hq_secretariat')) return true
  if (!parent || !['section', 'office'].includes(kind)) return false
  return hasRoleOver(actor, parent.path, 'dept_lead')
}

export function canEditUnit(actor: Actor | null, unit: Unit, parent: Unit | null): boolean {
  if (hasRole(actor, 'admin', 'hq_secretariat')) return true
  return unit.kind !== 'department' && canEditUnitUnder(actor, parent, unit.kind)
}

/** Staff records: the secretariat anywhere, a chair within the department, a manager within the office. */
export function canEditPeopleOf(actor: Actor | null, unit: Unit): boolean {
  if (hasRole(actor, 'admin', 'hq_secretariat')) return true
  return hasRoleOver(actor, unit.path, 'dept_lead', 'office_manager')
}

/** Who sits on HQ, the subcommittees and the teams is decided by the secretariat. */
export const canEditGroups = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')
