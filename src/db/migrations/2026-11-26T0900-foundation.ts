import { type Kysely, sql } from 'kysely'

// Foreign keys are DEFERRABLE so that `kaikaku restore` can load tables in any order
// inside one transaction (SET CONSTRAINTS ALL DEFERRED) without superuser rights.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table units (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('government','bureau','department','section','office','body')),
      parent_id uuid references units(id) deferrable initially immediate,
      path text not null,
      code text not null unique,
      name text not null,
      name_en text,
      sort_order int not null default 0,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index units_parent_idx on units(parent_id);
    create index units_path_idx on units(path text_pattern_ops);

    create table people (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id) deferrable initially immediate,
      name text not null,
      name_kana text,
      email text,
      title text,
      grade text not null,
      job_family text not null check (job_family in ('administrative','technical','skilled')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index people_unit_idx on people(unit_id);

    create table org_groups (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('hq','subcommittee','review_team','pr_team')),
      name text not null,
      department_id uuid references units(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    );
    create unique index org_groups_subcommittee_idx on org_groups(department_id) where kind = 'subcommittee';

    create table org_group_members (
      group_id uuid not null references org_groups(id) on delete cascade deferrable initially immediate,
      person_id uuid not null references people(id) on delete cascade deferrable initially immediate,
      position text not null,
      primary key (group_id, person_id)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      display_name text not null,
      person_id uuid references people(id) on delete set null deferrable initially immediate,
      password_hash text,
      oidc_subject text unique,
      locale text not null default 'ja' check (locale in ('ja','en')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_email_idx on users(lower(email));

    create table user_roles (
      user_id uuid not null references users(id) on delete cascade deferrable initially immediate,
      role text not null,
      scope_unit_id uuid references units(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    );
    create unique index user_roles_unique_idx
      on user_roles(user_id, role, coalesce(scope_unit_id, '00000000-0000-0000-0000-000000000000'::uuid));

    create table sessions (
      id_hash text primary key,
      user_id uuid not null references users(id) on delete cascade deferrable initially immediate,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    );
    create index sessions_user_idx on sessions(user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade deferrable initially immediate,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    create table login_failures (
      id bigserial primary key,
      account text not null,
      address text not null,
      at timestamptz not null default now()
    );
    create index login_failures_account_idx on login_failures(account, at);
    create index login_failures_address_idx on login_failures(address, at);

    create table setup_tokens (
      token_hash text primary key,
      created_at timestamptz not null default now(),
      used_at timestamptz
    );

    create table audit_log (
      seq bigserial primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      action text not null,
      entity text not null,
      entity_id text,
      data jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null
    );

    create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade deferrable initially immediate,
      title text not null,
      body text not null default '',
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications(user_id, created_at desc);

    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'queued' check (status in ('queued','running','done','failed')),
      progress int not null default 0,
      total int,
      checkpoint jsonb,
      result jsonb,
      error text,
      attempts int not null default 0,
      created_by uuid references users(id) on delete set null deferrable initially immediate,
      locked_by text,
      heartbeat_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index jobs_status_idx on jobs(status, created_at);
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
    drop table jobs, notifications, audit_log, setup_tokens, login_failures, api_tokens,
      sessions, user_roles, users, org_group_members, org_groups, people, units cascade
  `.execute(db)
}
