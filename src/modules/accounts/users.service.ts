import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import { type Actor, type Role, SCOPED_ROLES } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError, invalidField, notFound } from '../../http/errors.ts'
import { canManageUsers } from './accounts.policy.ts'
import type { CreateUserInput, GrantRoleInput } from './accounts.schemas.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { hashSecret, newSecret } from './tokens.ts'

export interface UserSummary {
  id: string
  email: string
  displayName: string
  active: boolean
  roles: { role: Role; scopeUnitId: string | null; scopeName: string | null }[]
}

async function emailTaken(db: Db, email: string) {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return !!row
}

async function checkScope(db: Db, role: Role, scopeUnitId: string | null | undefined) {
  if (SCOPED_ROLES.includes(role) && !scopeUnitId)
    throw invalidField('scopeUnitId', 'errors.scopeRequired')
  if (!scopeUnitId) return null
  const unit = await db
    .selectFrom('units')
    .select('id')
    .where('id', '=', scopeUnitId)
    .executeTakeFirst()
  if (!unit) throw invalidField('scopeUnitId', 'validation.choice')
  return unit.id
}

/** Creates an account without policy checks: for the CLI, the demo seed and first-admin set-up. */
export async function insertUser(
  db: Db,
  actorId: string | null,
  input: CreateUserInput,
  /**
   * `passwordHash`: a hash made once by `hashPassword` for many accounts (the benchmark data
   * generator's 50,000 users would otherwise spend most of their time in scrypt).
   */
  options: { passwordHash?: string } = {},
): Promise<string> {
  if (await emailTaken(db, input.email)) throw invalidField('email', 'errors.duplicateEmail')
  const scope = await checkScope(db, input.role, input.scopeUnitId)
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password))
  return withTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        email: input.email,
        display_name: input.displayName,
        password_hash: passwordHash,
        person_id: input.personId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('user_roles')
      .values({ user_id: user.id, role: input.role, scope_unit_id: scope })
      .execute()
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'user',
      entityId: user.id,
      data: { email: input.email, role: input.role, scopeUnitId: scope },
    })
    return user.id
  })
}

export async function createUser(
  db: Db,
  actor: Actor | null,
  input: CreateUserInput,
): Promise<string> {
  authorize(actor, canManageUsers)
  return insertUser(db, actor.userId, input)
}

export async function listUsers(db: Db, actor: Actor | null): Promise<UserSummary[]> {
  authorize(actor, canManageUsers)
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'active'])
    .orderBy('email')
    .execute()
  const roles = await db
    .selectFrom('user_roles')
    .leftJoin('units', 'units.id', 'user_roles.scope_unit_id')
    .select(['user_roles.user_id', 'user_roles.role', 'user_roles.scope_unit_id', 'units.name'])
    .execute()
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    active: u.active,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ role: r.role as Role, scopeUnitId: r.scope_unit_id, scopeName: r.name })),
  }))
}

export async function grantRole(
  db: Db,
  actor: Actor | null,
  userId: string,
  input: GrantRoleInput,
) {
  authorize(actor, canManageUsers)
  const scope = await checkScope(db, input.role, input.scopeUnitId)
  await withTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user) throw notFound()
    await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role: input.role, scope_unit_id: scope })
      .onConflict((oc) => oc.doNothing())
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'grant_role',
      entity: 'user',
      entityId: userId,
      data: { role: input.role, scopeUnitId: scope },
    })
  })
}

export async function revokeRole(
  db: Db,
  actor: Actor | null,
  userId: string,
  input: GrantRoleInput,
) {
  authorize(actor, canManageUsers)
  await withTransaction(db, async (trx) => {
    const scope = input.scopeUnitId ?? null
    const removed = await trx
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', input.role)
      .where((eb) => (scope ? eb('scope_unit_id', '=', scope) : eb('scope_unit_id', 'is', null)))
      .executeTakeFirst()
    if (Number(removed.numDeletedRows) === 0) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'revoke_role',
      entity: 'user',
      entityId: userId,
      data: { role: input.role, scopeUnitId: scope },
    })
  })
}

export async function changePassword(
  db: Db,
  actor: Actor | null,
  input: { currentPassword: string; newPassword: string },
  /** The session the change is made from stays; every other session of the user ends. */
  currentSessionSecret?: string,
) {
  authorize(actor)
  const user = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow()
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw invalidField('currentPassword', 'errors.passwordMismatch')
  }
  const hash = await hashPassword(input.newPassword)
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: new Date() })
      .where('id', '=', actor.userId)
      .execute()
    let otherSessions = trx.deleteFrom('sessions').where('user_id', '=', actor.userId)
    if (currentSessionSecret)
      otherSessions = otherSessions.where('id_hash', '!=', hashSecret(currentSessionSecret))
    await otherSessions.execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'change_password',
      entity: 'user',
      entityId: actor.userId,
    })
  })
}

export interface ApiTokenSummary {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
}

export async function createApiToken(db: Db, actor: Actor | null, name: string): Promise<string> {
  authorize(actor)
  const { secret, hash } = newSecret('kk_')
  await withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: actor.userId, name, token_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      data: { name },
    })
  })
  return secret
}

export async function listApiTokens(db: Db, actor: Actor | null): Promise<ApiTokenSummary[]> {
  authorize(actor)
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
  }))
}

export async function revokeApiToken(db: Db, actor: Actor | null, tokenId: string) {
  authorize(actor)
  await withTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'revoke',
      entity: 'api_token',
      entityId: tokenId,
    })
  })
}

/** A one-time link for the first administrator, for installations started without demo data. */
export async function createSetupToken(db: Db): Promise<string> {
  const { secret, hash } = newSecret()
  await db.insertInto('setup_tokens').values({ token_hash: hash }).execute()
  return secret
}

export async function isSetupTokenValid(db: Db, secret: string): Promise<boolean> {
  const row = await db
    .selectFrom('setup_tokens')
    .select('token_hash')
    .where('token_hash', '=', hashSecret(secret))
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return !!row
}

export async function createFirstAdmin(
  db: Db,
  secret: string,
  input: { email: string; displayName: string; password: string },
): Promise<string> {
  return withTransaction(db, async (trx) => {
    const used = await trx
      .updateTable('setup_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashSecret(secret))
      .where('used_at', 'is', null)
      .returning('token_hash')
      .executeTakeFirst()
    if (!used) throw new AppError('forbidden', 'errors.setupUsed')
    return insertUser(trx, null, { ...input, role: 'admin' })
  })
}
