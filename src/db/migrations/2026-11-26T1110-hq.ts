import { type Kysely, sql } from 'kysely'

// Meetings of the reform headquarters (業務改革推進本部): agenda items taken from what awaits a
// decision in other modules (source_kind, ref_id), materials, attendance and decisions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table hq_meetings (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      held_on date not null,
      place text not null default '',
      summary text not null default '',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index hq_meetings_held_idx on hq_meetings(held_on);

    create table hq_agenda_items (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references hq_meetings(id) on delete cascade deferrable initially immediate,
      source_kind text,
      ref_id text,
      title text not null,
      href text,
      summary text not null default '',
      sort_order int not null default 0,
      outcome text check (outcome in ('approved','amended','returned','noted')),
      note text not null default '',
      decided_at timestamptz,
      constraint hq_agenda_ref_check check ((source_kind is null) = (ref_id is null))
    );
    create unique index hq_agenda_ref_idx on hq_agenda_items(meeting_id, source_kind, ref_id) where source_kind is not null;

    create table hq_materials (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references hq_meetings(id) on delete cascade deferrable initially immediate,
      title text not null,
      body text not null default '',
      created_at timestamptz not null default now()
    );

    create table hq_attendance (
      meeting_id uuid not null references hq_meetings(id) on delete cascade deferrable initially immediate,
      person_id uuid not null references people(id) on delete cascade deferrable initially immediate,
      present boolean not null,
      primary key (meeting_id, person_id)
    )
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
  await sql`drop table hq_attendance, hq_materials, hq_agenda_items, hq_meetings cascade`.execute(
    db,
  )
}
