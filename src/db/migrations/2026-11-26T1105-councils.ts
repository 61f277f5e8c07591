import { type Kysely, sql } from 'kysely'

// Councils (審議会等), their meetings and minutes. The minutes keep the original text for the
// secretariat; only the redacted text is copied into the portal's search tables on publication.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table councils (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      description text not null default '',
      unit_id uuid references units(id) on delete set null deferrable initially immediate,
      notice_days int not null default 7 check (notice_days between 0 and 365),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table council_members (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils(id) on delete cascade deferrable initially immediate,
      name text not null,
      affiliation text not null default '',
      role text not null,
      sort_order int not null default 0,
      created_at timestamptz not null default now()
    );
    create index council_members_council_idx on council_members(council_id);

    create table council_meetings (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils(id) on delete cascade deferrable initially immediate,
      title text not null,
      starts_at timestamptz not null,
      ends_at timestamptz,
      place text not null,
      agenda text not null default '',
      is_public boolean not null default true,
      closed_reason text,
      late_notice_reason text,
      gallery_capacity int not null default 0 check (gallery_capacity >= 0),
      allowlist jsonb not null default '[]',
      announced_at timestamptz not null default now(),
      cancelled_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (is_public or closed_reason is not null)
    );
    create index council_meetings_starts_idx on council_meetings(starts_at);
    create index council_meetings_council_idx on council_meetings(council_id, starts_at);

    create table council_materials (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references council_meetings(id) on delete cascade deferrable initially immediate,
      file_id uuid not null references stored_files(id) deferrable initially immediate,
      title text not null,
      created_at timestamptz not null default now()
    );
    create index council_materials_meeting_idx on council_materials(meeting_id);

    create table council_gallery_registrations (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references council_meetings(id) on delete cascade deferrable initially immediate,
      name text not null,
      contact text not null default '',
      created_at timestamptz not null default now()
    );
    create index council_gallery_meeting_idx on council_gallery_registrations(meeting_id);

    create table council_minutes (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null unique references council_meetings(id) on delete cascade deferrable initially immediate,
      status text not null check (status in ('draft','redacting','in_review','submitted','approved','published','withdrawn')),
      original_text text not null,
      source_file_id uuid references stored_files(id) on delete set null deferrable initially immediate,
      redaction_job_id uuid references jobs(id) on delete set null deferrable initially immediate,
      redacted_text text,
      submitted_by uuid references users(id) deferrable initially immediate,
      approved_by uuid references users(id) deferrable initially immediate,
      approved_at timestamptz,
      published_at timestamptz,
      withdrawn_at timestamptz,
      version int not null default 1,
      created_by uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table council_minute_spans (
      id uuid primary key default gen_random_uuid(),
      minutes_id uuid not null references council_minutes(id) on delete cascade deferrable initially immediate,
      start_at int not null check (start_at >= 0),
      end_at int not null,
      type text not null,
      reason text not null check (reason in ('7-2','7-3')),
      origin text not null check (origin in ('engine','manual')),
      decision text not null check (decision in ('proposed','accepted','rejected')),
      created_at timestamptz not null default now(),
      check (end_at > start_at)
    );
    create index council_minute_spans_minutes_idx on council_minute_spans(minutes_id, start_at);

    create table council_search_documents (
      minutes_id uuid primary key references council_minutes(id) on delete cascade deferrable initially immediate,
      meeting_id uuid not null references council_meetings(id) on delete cascade deferrable initially immediate,
      title text not null,
      body text not null,
      search_text text not null,
      published_at timestamptz not null
    );

    create table council_search_bigrams (
      minutes_id uuid not null references council_search_documents(minutes_id) on delete cascade deferrable initially immediate,
      gram text not null,
      occurrences int not null default 1,
      primary key (gram, minutes_id)
    );
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
  await sql`
    drop table council_search_bigrams, council_search_documents, council_minute_spans,
      council_minutes, council_gallery_registrations, council_materials, council_meetings,
      council_members, councils cascade
  `.execute(db)
}
