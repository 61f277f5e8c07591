import { type Kysely, sql } from 'kysely'

// The PR-media inventory (② 広報の強化): the audience taxonomy, the audiences each programme
// targets, every medium with its audiences and programmes, the inventory survey of departments
// and offices (with xlsx imports per unit), and the improvement actions found from the matrix.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table pr_audiences (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      sort_order int not null default 0,
      active boolean not null default true,
      version int not null default 1,
      created_at timestamptz not null default now()
    );
    create unique index pr_audiences_name_idx on pr_audiences(name);

    create table pr_program_audiences (
      program_id uuid not null references programs(id) on delete cascade deferrable initially immediate,
      audience_id uuid not null references pr_audiences(id) on delete cascade deferrable initially immediate,
      primary key (program_id, audience_id)
    );

    create table pr_surveys (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      opens_on date not null,
      closes_on date not null,
      status text not null default 'open' check (status in ('open','closed')),
      version int not null default 1,
      created_by uuid references users(id) on delete set null deferrable initially immediate,
      created_at timestamptz not null default now(),
      constraint pr_surveys_period_check check (closes_on >= opens_on)
    );

    create table pr_survey_units (
      survey_id uuid not null references pr_surveys(id) on delete cascade deferrable initially immediate,
      unit_id uuid not null references units(id) on delete cascade deferrable initially immediate,
      answered_at timestamptz,
      answered_by uuid references users(id) on delete set null deferrable initially immediate,
      note text not null default '',
      reminded_at timestamptz,
      reminders int not null default 0,
      primary key (survey_id, unit_id)
    );

    create table pr_media (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id) deferrable initially immediate,
      name text not null,
      channel text not null check (channel in ('web','sns','print','mail_magazine','event','video','advertisement','press_release')),
      url text,
      description text not null default '',
      cost_per_year bigint check (cost_per_year >= 0),
      print_run int check (print_run >= 0),
      stock int check (stock >= 0),
      reach_metric text check (reach_metric in ('page_views','followers','copies','attendees','subscribers','views')),
      reach_value bigint check (reach_value >= 0),
      reach_from date,
      reach_to date,
      survey_id uuid references pr_surveys(id) on delete set null deferrable initially immediate,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint pr_media_reach_period_check check (reach_to is null or reach_from is null or reach_to >= reach_from)
    );
    create unique index pr_media_unit_name_idx on pr_media(unit_id, name);
    create index pr_media_channel_idx on pr_media(channel);

    create table pr_media_audiences (
      medium_id uuid not null references pr_media(id) on delete cascade deferrable initially immediate,
      audience_id uuid not null references pr_audiences(id) on delete cascade deferrable initially immediate,
      primary key (medium_id, audience_id)
    );
    create index pr_media_audiences_audience_idx on pr_media_audiences(audience_id);

    create table pr_media_programs (
      medium_id uuid not null references pr_media(id) on delete cascade deferrable initially immediate,
      program_id uuid not null references programs(id) on delete cascade deferrable initially immediate,
      primary key (medium_id, program_id)
    );
    create index pr_media_programs_program_idx on pr_media_programs(program_id);

    create table pr_imports (
      id uuid primary key default gen_random_uuid(),
      survey_id uuid not null references pr_surveys(id) on delete cascade deferrable initially immediate,
      unit_id uuid not null references units(id) on delete cascade deferrable initially immediate,
      file_id uuid not null references stored_files(id) deferrable initially immediate,
      job_id uuid,
      result jsonb,
      created_by uuid references users(id) on delete set null deferrable initially immediate,
      created_at timestamptz not null default now()
    );

    create table pr_actions (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('merge','stop','start','change_channel')),
      title text not null,
      finding text not null default '',
      program_id uuid references programs(id) on delete set null deferrable initially immediate,
      audience_id uuid references pr_audiences(id) on delete set null deferrable initially immediate,
      owner_unit_id uuid not null references units(id) deferrable initially immediate,
      due_on date not null,
      status text not null default 'planned' check (status in ('planned','in_progress','done','dropped')),
      version int not null default 1,
      created_by uuid references users(id) on delete set null deferrable initially immediate,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
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
  await sql`drop table pr_actions, pr_imports, pr_media_programs, pr_media_audiences, pr_media,
    pr_survey_units, pr_surveys, pr_program_audiences, pr_audiences cascade`.execute(db)
}
