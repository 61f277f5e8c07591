import { type Actor, hasRole } from '../../auth/actor.ts'

/** The council secretariat runs councils, meetings and minutes; administrators may too. */
export const canManageCouncils = (actor: Actor) => hasRole(actor, 'council_secretary', 'admin')

/** Staff who follow the councils inside the organisation (the public has the portal). */
export const canViewCouncils = (actor: Actor) =>
  hasRole(actor, 'council_secretary', 'disclosure_officer', 'hq_secretariat', 'hq_chief', 'admin')

/**
 * Minutes are signed off by the disclosure officer (情報公開担当), who answers for what the
 * bureau discloses, or an administrator; never by the person who submitted them.
 */
export const canApproveMinutes = (actor: Actor) => hasRole(actor, 'disclosure_officer', 'admin')

/** Who may read the original, unredacted minutes. */
export const canReadOriginalMinutes = (actor: Actor) =>
  hasRole(actor, 'council_secretary', 'disclosure_officer', 'admin')
