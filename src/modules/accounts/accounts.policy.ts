import { type Actor, hasRole } from '../../auth/actor.ts'

export const canManageUsers = (actor: Actor | null) => hasRole(actor, 'admin')
export const isSignedIn = (actor: Actor | null): actor is Actor => actor !== null
