import { type Actor, hasRole, hasRoleOver } from '../../auth/actor.ts'

/** Every member of staff may read the registry, the reviews and the analysis. */
export const canViewPrograms = (actor: Actor) => actor !== null

/** Loading the registry from files is the secretariat's (and administrators') work. */
export const canImportPrograms = (actor: Actor) => hasRole(actor, 'admin', 'hq_secretariat')

/** A review sheet is drafted by the department's subcommittee (its chair), or the secretariat. */
export const canDraftReview = (actor: Actor | null, departmentPath: string) =>
  hasRole(actor, 'hq_secretariat') || hasRoleOver(actor, departmentPath, 'dept_lead')

/** HQ decides: the Director General, the members, and the secretariat recording the meeting. */
export const canDecideReview = (actor: Actor) =>
  hasRole(actor, 'hq_chief', 'hq_member', 'hq_secretariat')
