import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../db/schema.ts'

export const GENESIS_HASH = '0'.repeat(64)
// One constant key for pg_advisory_xact_lock: appends are serialised so the chain never forks.
const AUDIT_LOCK_KEY = 727_001

export interface AuditEntry {
  actorId: string | null
  action: string
  entity: string
  entityId?: string | null
  data?: Record<string, unknown>
}

/** Key order must not change a hash: objects are serialised with sorted keys. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
}

export function entryHash(
  prevHash: string,
  entry: {
    at: string
    actorId: string | null
    action: string
    entity: string
    entityId: string | null
    data: unknown
  },
): string {
  return createHash('sha256').update(prevHash).update(canonical(entry)).digest('hex')
}

/**
 * Appends to the hash-chained audit log. Call it inside the transaction that makes the
 * change, so the change and its record commit or vanish together.
 */
/**
 * The latest entry's sequence number: it grows with every audited change (entries are
 * written one at a time under a lock), so an unchanged head means nothing audited happened.
 * Pages computed from audited data may be reused while it stands still.
 */
export async function auditHead(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

export async function recordAudit(trx: Db, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const prevHash = last?.hash ?? GENESIS_HASH
  // Millisecond precision, as timestamptz keeps microseconds that a JS Date would drop.
  const at = new Date().toISOString()
  const row = {
    at,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    // Hash what is stored: a Date (or anything with toJSON) becomes its JSON form first, else
    // the hash would cover `{}` while the row holds a string, and verification would fail.
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  }
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_id: row.actorId,
      action: row.action,
      entity: row.entity,
      entity_id: row.entityId,
      data: JSON.stringify(row.data),
      prev_hash: prevHash,
      hash: entryHash(prevHash, row),
    })
    .execute()
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; badSeq: number; reason: 'hash' | 'link' }

/** Walks the chain in order; the first entry whose hash or link does not match is reported. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH
  let afterSeq = 0
  let count = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute()
    if (rows.length === 0) return { ok: true, entries: count }
    for (const row of rows) {
      const seq = Number(row.seq)
      if (row.prev_hash !== prevHash)
        return { ok: false, entries: count, badSeq: seq, reason: 'link' }
      const expected = entryHash(prevHash, {
        at: new Date(row.at).toISOString(),
        actorId: row.actor_id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        data: row.data,
      })
      if (expected !== row.hash) return { ok: false, entries: count, badSeq: seq, reason: 'hash' }
      prevHash = row.hash
      afterSeq = seq
      count++
    }
  }
}
