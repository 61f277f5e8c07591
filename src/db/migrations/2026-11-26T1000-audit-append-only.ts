import { type Kysely, sql } from 'kysely'

// The application only ever appends to the audit log; the database refuses anything else,
// so a bug or a stray statement cannot rewrite history. (Someone who owns the table can still
// disable the trigger: that is what the hash chain and `kaikaku audit verify` are for.)
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db)
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_append_only on audit_log`.execute(db)
  await sql`drop function audit_log_append_only()`.execute(db)
}
