import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'

/** What Kaikaku takes from a verified ID token. */
export interface OidcIdentity {
  issuer: string
  subject: string
  email?: string | undefined
  /** `email_verified` as the provider sent it; only an explicit `false` disqualifies the e-mail. */
  emailVerified?: boolean | undefined
}

/**
 * Finds the Kaikaku account for a provider's identity: first by the subject stored at an
 * earlier sign-in, else by e-mail address — and then stores the subject on that account so
 * that a later change of address at the provider does not lock the person out. Accounts
 * already linked to another subject are never re-linked. Returns null when nobody matches
 * or the account is deactivated: Kaikaku does not create accounts from a sign-in.
 */
export async function findUserForOidc(db: Db, identity: OidcIdentity): Promise<string | null> {
  if (!identity.subject) return null
  const linked = await db
    .selectFrom('users')
    .select(['id', 'active'])
    .where('oidc_subject', '=', identity.subject)
    .executeTakeFirst()
  if (linked) return linked.active ? linked.id : null

  const email = identity.email?.trim().toLowerCase()
  if (!email || identity.emailVerified === false) return null
  return withTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'active', 'oidc_subject'])
      .where(sql`lower(email)`, '=', email)
      .forUpdate()
      .executeTakeFirst()
    if (!user?.active || user.oidc_subject !== null) return null
    await trx
      .updateTable('users')
      .set({ oidc_subject: identity.subject, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute()
    await recordAudit(trx, {
      actorId: user.id,
      action: 'link_oidc',
      entity: 'user',
      entityId: user.id,
      data: { issuer: identity.issuer, subject: identity.subject, email },
    })
    return user.id
  })
}
