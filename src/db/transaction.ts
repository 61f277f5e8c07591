import type { Kysely, Transaction } from 'kysely'
import type { DB, Db } from './schema.ts'

/**
 * Runs fn in a transaction, joining the caller's if there is one, so that services can
 * call each other inside one atomic change. (On PGlite a second transaction opened while one
 * is held would wait for it forever: there is one connection.)
 */
export function withTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : (db as Kysely<DB>).transaction().execute(fn)
}
