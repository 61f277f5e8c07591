import { type Kysely, sql } from 'kysely'

// An HQ meeting's material may carry a file (the 資料 as distributed), kept in the file store.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table hq_materials
      add column file_id uuid references stored_files(id) deferrable initially immediate
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table hq_materials drop column file_id`.execute(db)
}
