import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError, tooManyRequests } from '../../http/errors.ts'
import { loadActor } from './actor.queries.ts'
import { verifyPassword } from './passwords.ts'
import { hashSecret, newSecret } from './tokens.ts'

export const SESSION_DAYS = 14
const FAILURE_WINDOW_MINUTES = 15
const MAX_FAILURES_PER_ACCOUNT = 5
const MAX_FAILURES_PER_ADDRESS = 20

async function recentFailures(db: Db, column: 'account' | 'address', value: string) {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(column, '=', value)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * Checks a password sign-in. Repeated failures for one account or from one address lock
 * both out for a while (429), before the password is even looked at.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; address: string },
): Promise<{ sessionSecret: string; userId: string }> {
  const account = input.email.trim().toLowerCase()
  if (
    (await recentFailures(db, 'account', account)) >= MAX_FAILURES_PER_ACCOUNT ||
    (await recentFailures(db, 'address', input.address)) >= MAX_FAILURES_PER_ADDRESS
  ) {
    throw tooManyRequests(FAILURE_WINDOW_MINUTES * 60)
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where(sql`lower(email)`, '=', account)
    .executeTakeFirst()
  const ok = await verifyPassword(input.password, user?.password_hash ?? null)
  if (!user || !ok || !user.active) {
    await db.insertInto('login_failures').values({ account, address: input.address }).execute()
    throw new AppError('unauthorized', 'errors.invalidCredentials')
  }
  await db.deleteFrom('login_failures').where('account', '=', account).execute()
  const sessionSecret = await createSession(db, user.id, 'password')
  return { sessionSecret, userId: user.id }
}

/** Opens a server-side session; the cookie holds the secret, the database only its hash. */
export async function createSession(db: Db, userId: string, method: string): Promise<string> {
  const { secret, hash } = newSecret()
  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hash,
        user_id: userId,
        expires_at: sql<Date>`now() + make_interval(days => ${SESSION_DAYS})` as unknown as Date,
      })
      .execute()
    await recordAudit(trx, {
      actorId: userId,
      action: 'sign_in',
      entity: 'session',
      data: { method },
    })
  })
  return secret
}

export async function actorForSession(db: Db, secret: string): Promise<Actor | null> {
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'last_seen_at'])
    .where('id_hash', '=', hashSecret(secret))
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst()
  if (!session) return null
  return loadActor(db, session.user_id)
}

export async function endSession(db: Db, secret: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const gone = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', hashSecret(secret))
      .returning('user_id')
      .executeTakeFirst()
    if (gone)
      await recordAudit(trx, { actorId: gone.user_id, action: 'sign_out', entity: 'session' })
  })
}

export async function actorForBearer(db: Db, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'last_used_at'])
    .where('token_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  // Recorded at most once a minute, so that reading the API does not write on every call.
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: sql<Date>`now()` as unknown as Date })
      .where('id', '=', row.id)
      .execute()
  }
  return loadActor(db, row.user_id)
}
