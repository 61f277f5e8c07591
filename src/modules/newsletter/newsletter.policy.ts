import { type Actor, hasRole } from '../../auth/actor.ts'

/** The newsletter is for all staff. */
export const canReadNews = (actor: Actor | null) => actor !== null

/** The secretariat writes and publishes it. */
export const canEditNews = (actor: Actor | null) => hasRole(actor, 'admin', 'hq_secretariat')
