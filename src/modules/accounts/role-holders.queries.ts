import { sql } from 'kysely'
import type { Role } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'

/**
 * The active users holding one of the roles with a scope that covers the unit (its own unit or
 * an ancestor): whom to tell when something arrives for that unit. Unscoped holders (bureau-wide
 * roles) are left out, so a notice reaches the people in charge of the unit, not everyone.
 */
export async function listUsersInChargeOf(
  db: Db,
  unitId: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('units as scope', 'scope.id', 'r.scope_unit_id')
    .innerJoin('units as target', (join) =>
      join.on(sql<boolean>`starts_with(target.path, scope.path)`).on('target.id', '=', unitId),
    )
    .select('u.id')
    .distinct()
    .where('r.role', 'in', [...roles])
    .where('u.active', '=', true)
    .execute()
  return rows.map((r) => r.id)
}
