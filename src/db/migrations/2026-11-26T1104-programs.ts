import { type Kysely, sql } from 'kysely'

// Programme review (事業の点検・見直し): programmes keyed on a stable code (予算事業ID), one row
// per programme and fiscal year, a review sheet per programme and year with its history, the
// configurable lists (policy areas, verdicts) and the uploaded import files.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table program_policy_areas (
      code text primary key,
      name text not null,
      sort_order int not null default 0
    );
    insert into program_policy_areas (code, name, sort_order) values
      ('industry', '東京の活力を支える産業力の強化', 1),
      ('tourism', '世界に冠たる観光都市東京の実現', 2),
      ('agriculture', '東京の緑を守る都市農業や林業の振興', 3),
      ('diversity', 'ダイバーシティの推進', 4);

    create table program_verdicts (
      code text primary key,
      name text not null,
      verdict_set text not null,
      sort_order int not null default 0
    );
    insert into program_verdicts (code, name, verdict_set, sort_order) values
      ('abolish', '廃止', 'national', 1),
      ('fundamental', '抜本的改善', 'national', 2),
      ('partial', '一部改善', 'national', 3),
      ('as_is', '現状通り', 'national', 4),
      ('rebuild', '見直し・再構築', 'tokyo', 5),
      ('expand', '拡大・充実', 'tokyo', 6);

    create table programs (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      department_id uuid not null references units(id) deferrable initially immediate,
      section_id uuid references units(id) deferrable initially immediate,
      policy_area text references program_policy_areas(code) deferrable initially immediate,
      start_year int,
      origin_event text,
      end_year int,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index programs_department_idx on programs(department_id);
    create index programs_start_idx on programs(start_year, code);

    create table program_years (
      program_id uuid not null references programs(id) on delete cascade deferrable initially immediate,
      fiscal_year int not null,
      initial_budget bigint,
      supplementary_budget bigint,
      current_budget bigint,
      executed_amount bigint,
      next_year_request bigint,
      outcome_indicator text,
      outcome_target numeric,
      outcome_actual numeric,
      activity_indicator text,
      activity_target numeric,
      activity_actual numeric,
      role_note text,
      updated_at timestamptz not null default now(),
      primary key (program_id, fiscal_year)
    );
    create index program_years_year_idx on program_years(fiscal_year, current_budget desc nulls last);
    create index program_years_rate_idx
      on program_years(fiscal_year, (executed_amount::float8 / nullif(current_budget, 0)::float8));

    create table program_department_totals (
      department_id uuid not null references units(id) deferrable initially immediate,
      fiscal_year int not null,
      programs int not null,
      current_budget numeric not null,
      executed_amount numeric not null,
      primary key (department_id, fiscal_year)
    );

    create table program_reviews (
      id uuid primary key default gen_random_uuid(),
      program_id uuid not null references programs(id) on delete cascade deferrable initially immediate,
      fiscal_year int not null,
      status text not null default 'draft' check (status in ('draft','submitted','decided')),
      deadline date not null,
      outlived text not null default '',
      needs text not null default '',
      public_private text not null default '',
      effect text not null default '',
      efficiency text not null default '',
      future text not null default '',
      proposal text not null default '',
      verdict text references program_verdicts(code) deferrable initially immediate,
      verdict_note text,
      reflected_amount bigint,
      submitted_at timestamptz,
      decided_at timestamptz,
      decided_by uuid references users(id) deferrable initially immediate,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (program_id, fiscal_year)
    );
    create index program_reviews_status_idx on program_reviews(status, fiscal_year);

    create table program_review_history (
      id bigint generated always as identity primary key,
      review_id uuid not null references program_reviews(id) on delete cascade deferrable initially immediate,
      version int not null,
      action text not null,
      actor_id uuid references users(id) deferrable initially immediate,
      data jsonb not null,
      at timestamptz not null default now()
    );
    create index program_review_history_review_idx on program_review_history(review_id, version);

    create table program_imports (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      content bytea not null,
      sha256 text not null,
      fiscal_year int,
      partial boolean not null default false,
      job_id uuid references jobs(id) deferrable initially immediate,
      result jsonb,
      created_by uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    )
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
    drop table program_department_totals, program_imports, program_review_history, program_reviews, program_years, programs,
      program_verdicts, program_policy_areas cascade
  `.execute(db)
}
