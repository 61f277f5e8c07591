import { type Kysely, sql } from 'kysely'

// Proposals (seed ⑤, ④ training groups, ② PR team ideas). Who proposed lives only in
// proposal_authors, apart from the proposal's text, so that reviewer-facing queries, which
// never join it, cannot leak an identity by accident. Dates are ISO 'YYYY-MM-DD' text, so
// that PGlite and pg return the same thing and no time zone shifts a day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table proposal_campaigns (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('staff','training','pr_team')),
      title text not null,
      description text not null default '',
      audience text not null check (audience in ('all','training','pr_team')),
      opens_on text not null check (opens_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      closes_on text not null check (closes_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      requires_advice boolean not null default false,
      rubric jsonb not null,
      review_group_id uuid references org_groups(id) deferrable initially immediate,
      reviewers_per_proposal int not null default 2 check (reviewers_per_proposal between 1 and 10),
      version int not null default 1,
      created_at timestamptz not null default now(),
      check (closes_on >= opens_on)
    );

    create table proposals (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid not null references proposal_campaigns(id) deferrable initially immediate,
      title text not null,
      area_unit_id uuid references units(id) deferrable initially immediate,
      problem text not null default '',
      solution text not null default '',
      method text not null default '',
      caveats text not null default '',
      status text not null default 'draft' check (status in
        ('draft','submitted','under_review','shortlisted','adopted','deferred','declined','merged','done')),
      merged_into uuid references proposals(id) deferrable initially immediate,
      advice text,
      advised_at timestamptz,
      submitted_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index proposals_campaign_idx on proposals(campaign_id, status);

    create table proposal_authors (
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      user_id uuid not null references users(id) deferrable initially immediate,
      person_id uuid references people(id) deferrable initially immediate,
      unit_id uuid references units(id) deferrable initially immediate,
      is_lead boolean not null default false,
      primary key (proposal_id, user_id)
    );
    create index proposal_authors_user_idx on proposal_authors(user_id);

    create table proposal_advisors (
      proposal_id uuid primary key references proposals(id) on delete cascade deferrable initially immediate,
      user_id uuid not null references users(id) deferrable initially immediate
    );

    create table proposal_attachments (
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      file_id uuid not null references stored_files(id) deferrable initially immediate,
      position int not null,
      primary key (proposal_id, position)
    );

    create table proposal_assignments (
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      reviewer_id uuid not null references users(id) deferrable initially immediate,
      assigned_at timestamptz not null default now(),
      primary key (proposal_id, reviewer_id)
    );
    create index proposal_assignments_reviewer_idx on proposal_assignments(reviewer_id);

    create table proposal_reviews (
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      reviewer_id uuid not null references users(id) deferrable initially immediate,
      scores jsonb not null,
      note text not null default '',
      duplicate_of uuid references proposals(id) deferrable initially immediate,
      version int not null default 1,
      updated_at timestamptz not null default now(),
      primary key (proposal_id, reviewer_id)
    );

    create table proposal_decisions (
      proposal_id uuid primary key references proposals(id) on delete cascade deferrable initially immediate,
      decision text not null check (decision in ('adopt','defer','decline')),
      reason text not null default '',
      owner_unit_id uuid references units(id) deferrable initially immediate,
      due_on text check (due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      becomes text check (becomes in ('program_change','office_initiative')),
      decided_by uuid references users(id) deferrable initially immediate,
      decided_at timestamptz not null default now()
    );

    create table proposal_events (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      status text not null,
      note text not null default '',
      at timestamptz not null default now()
    );
    create index proposal_events_proposal_idx on proposal_events(proposal_id, at);

    create table proposal_progress (
      id uuid primary key default gen_random_uuid(),
      proposal_id uuid not null references proposals(id) on delete cascade deferrable initially immediate,
      percent int not null check (percent between 0 and 100),
      note text not null,
      on_date text not null check (on_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      created_at timestamptz not null default now()
    );
    create index proposal_progress_proposal_idx on proposal_progress(proposal_id, on_date)
    `,
  )
}

async function statements(db: Kysely<unknown>, script: string) {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table proposal_progress, proposal_events, proposal_decisions, proposal_reviews,
      proposal_assignments, proposal_attachments, proposal_advisors, proposal_authors,
      proposals, proposal_campaigns cascade
  `.execute(db)
}
