import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import type { Database } from '../db/client.ts'
import { createTestDatabase } from '../testing/database.ts'
import { recordAudit, verifyAuditChain } from './audit.ts'

let database: Database
before(async () => {
  database = await createTestDatabase()
  for (let i = 0; i < 3; i++) {
    await database.db.transaction().execute((trx) =>
      recordAudit(trx, {
        actorId: null,
        action: 'test',
        entity: 'thing',
        entityId: String(i),
        data: { i },
      }),
    )
  }
})
after(() => database.close())

test('the database refuses to update or delete audit entries', async () => {
  await assert.rejects(
    sql`update audit_log set action = 'forged' where seq = 2`.execute(database.db),
    /append-only/,
  )
  await assert.rejects(sql`delete from audit_log where seq = 1`.execute(database.db), /append-only/)
  const result = await verifyAuditChain(database.db)
  assert.deepEqual(result, { ok: true, entries: 3 })
})

test('entries chain to the one before, with concurrent writers', async () => {
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      database.db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, { actorId: null, action: 'parallel', entity: 'thing', data: { i } }),
        ),
    ),
  )
  const rows = await database.db
    .selectFrom('audit_log')
    .select(['seq', 'prev_hash', 'hash'])
    .orderBy('seq')
    .execute()
  for (let i = 1; i < rows.length; i++) assert.equal(rows[i]!.prev_hash, rows[i - 1]!.hash)
  assert.deepEqual(await verifyAuditChain(database.db), { ok: true, entries: 13 })
})

test('an entry whose data holds a Date still verifies', async () => {
  await database.db.transaction().execute((trx) =>
    recordAudit(trx, {
      actorId: null,
      action: 'dated',
      entity: 'thing',
      data: { dueOn: new Date('2027-03-31T00:00:00Z'), skipped: undefined },
    }),
  )
  const stored = await database.db
    .selectFrom('audit_log')
    .select('data')
    .where('action', '=', 'dated')
    .executeTakeFirstOrThrow()
  assert.deepEqual(stored.data, { dueOn: '2027-03-31T00:00:00.000Z' })
  assert.deepEqual(await verifyAuditChain(database.db), { ok: true, entries: 14 })
})
