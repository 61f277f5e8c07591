import { type Kysely, sql } from 'kysely'

// Uploaded files live in the database, so that one backup holds everything and both
// databases behave the same. The module that owns a file's record decides who may read it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stored_files (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      content_type text not null,
      size integer not null check (size >= 0),
      sha256 text not null,
      content bytea not null,
      uploaded_by uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table stored_files`.execute(db)
}
