import type { Locale } from '../i18n/index.ts'

export const ROLES = [
  'admin',
  'hq_chief',
  'hq_member',
  'hq_secretariat',
  'dept_lead',
  'office_manager',
  'reviewer',
  'pr_team',
  'council_secretary',
  'disclosure_officer',
  'staff',
] as const

export type Role = (typeof ROLES)[number]

/** Roles that act on one unit and what lies under it. */
export const SCOPED_ROLES: readonly Role[] = ['dept_lead', 'office_manager']

export interface RoleGrant {
  role: Role
  /** The unit the grant covers, or null for the whole organisation. */
  scopeUnitId: string | null
  /** Materialised path of that unit (`/root/…/unit/`), so scope checks need no query. */
  scopePath: string | null
}

export interface Actor {
  userId: string
  email: string
  displayName: string
  personId: string | null
  locale: Locale
  grants: RoleGrant[]
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role))
}

/** Whether one of the roles covers a unit: unscoped grants cover all, scoped ones their subtree. */
export function hasRoleOver(actor: Actor | null, unitPath: string, ...roles: Role[]): boolean {
  return (
    !!actor &&
    actor.grants.some(
      (g) => roles.includes(g.role) && (g.scopePath === null || unitPath.startsWith(g.scopePath)),
    )
  )
}
