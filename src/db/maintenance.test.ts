import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createLogger } from '../logger.ts'
import { createTestDatabase } from '../testing/database.ts'
import { hasUnanalysedTables, keepPlannerStatistics } from './maintenance.ts'

test('on PGlite the server analyses tables that never were, and keeps a timer it can stop', async () => {
  const database = await createTestDatabase()
  try {
    const { db } = database
    assert.equal(await hasUnanalysedTables(db), true, 'a fresh database has unanalysed tables')
    // PostgreSQL's autovacuum is left to do this: nothing runs.
    const none = await keepPlannerStatistics(db, 'postgres', createLogger('silent'))
    none()
    assert.equal(await hasUnanalysedTables(db), true, 'nothing analysed for PostgreSQL')
    const stop = await keepPlannerStatistics(db, 'pglite', createLogger('silent'), 60_000)
    stop()
    assert.equal(await hasUnanalysedTables(db), false, 'every table analysed')
  } finally {
    await database.close()
  }
})
