import { type Kysely, sql } from 'kysely'

// 業務改革推進本部NEWS: issues and their items. An item proposed from the audit log keeps the
// entry's sequence number so that it is proposed once.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table newsletter_issues (
      id uuid primary key default gen_random_uuid(),
      number int not null unique,
      title text not null,
      lead text not null default '',
      status text not null default 'draft' check (status in ('draft','published')),
      covers_from timestamptz,
      published_at timestamptz,
      created_by uuid references users(id) on delete set null deferrable initially immediate,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index newsletter_issues_published_idx on newsletter_issues(published_at);

    create table newsletter_items (
      id uuid primary key default gen_random_uuid(),
      issue_id uuid not null references newsletter_issues(id) on delete cascade deferrable initially immediate,
      sort_order int not null default 0,
      heading text not null,
      body text not null default '',
      source_action text,
      source_seq bigint,
      href text
    );
    create index newsletter_items_issue_idx on newsletter_items(issue_id, sort_order)
  `,
  )
}

// Both drivers send one statement per extended-protocol query, so a script is split here.
async function statements(db: Kysely<unknown>, script: string) {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table newsletter_items, newsletter_issues cascade`.execute(db)
}
