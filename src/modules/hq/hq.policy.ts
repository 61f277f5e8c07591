import { type Actor, hasRole } from '../../auth/actor.ts'

/** HQ's members, its secretariat, and the department chairs whose matters come before it. */
export const canViewHq = (actor: Actor | null) =>
  hasRole(actor, 'admin', 'hq_chief', 'hq_member', 'hq_secretariat', 'dept_lead')

/** The secretariat convenes meetings, sets agendas, files materials and takes attendance. */
export const canRunHq = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')

/** Decisions are the chief's, recorded by the chief or by the secretariat at the meeting. */
export const canDecide = (actor: Actor | null) => hasRole(actor, 'hq_chief', 'hq_secretariat')
