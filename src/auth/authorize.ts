import { forbidden, unauthorized } from '../http/errors.ts'
import type { Actor } from './actor.ts'

/**
 * The guard every service call starts with: 401 for nobody signed in, 403 for someone the
 * policy does not allow. It narrows `actor` for the rest of the service.
 */
export function authorize(
  actor: Actor | null,
  allowed: (actor: Actor) => boolean = () => true,
): asserts actor is Actor {
  if (!actor) throw unauthorized()
  if (!allowed(actor)) throw forbidden()
}
