import type { Actor, Role, RoleGrant } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import type { Locale } from '../../i18n/index.ts'

/** The signed-in person as the policies see them: their grants with each scope's unit path. */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'person_id', 'locale', 'active'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user?.active) return null
  const grants = await db
    .selectFrom('user_roles')
    .leftJoin('units', 'units.id', 'user_roles.scope_unit_id')
    .select(['user_roles.role', 'user_roles.scope_unit_id', 'units.path'])
    .where('user_roles.user_id', '=', userId)
    .execute()
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    personId: user.person_id,
    locale: user.locale as Locale,
    grants: grants.map(
      (g): RoleGrant => ({ role: g.role as Role, scopeUnitId: g.scope_unit_id, scopePath: g.path }),
    ),
  }
}
