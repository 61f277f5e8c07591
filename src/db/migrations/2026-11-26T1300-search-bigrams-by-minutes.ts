import { type Kysely, sql } from 'kysely'

// The bigram index's key starts with the gram, so removing one document's bigrams (re-publishing,
// withdrawing, and the cascade from council_search_documents) scanned the whole table: at the
// metropolis scale (tens of millions of rows) every publication slowed down as the index grew.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index council_search_bigrams_minutes_idx on council_search_bigrams(minutes_id)`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index council_search_bigrams_minutes_idx`.execute(db)
}
