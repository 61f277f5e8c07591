import { type Kysely, sql } from 'kysely'

// The overall schedule (全体スケジュール): workstreams ①–⑤, their tasks in 旬 periods, and the
// dependencies between tasks. Tasks pushed by other modules carry (source, source_id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table schedule_workstreams (
      code text primary key,
      name text not null,
      sort_order int not null default 0
    );

    create table schedule_tasks (
      id uuid primary key default gen_random_uuid(),
      workstream_code text not null references schedule_workstreams(code) deferrable initially immediate,
      theme text not null default '',
      title text not null,
      starts_on date not null,
      ends_on date not null,
      milestone boolean not null default false,
      owner_unit_id uuid references units(id) on delete set null deferrable initially immediate,
      progress int not null default 0,
      source text,
      source_id text,
      href text,
      sort_order int not null default 0,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint schedule_tasks_period_check check (ends_on >= starts_on),
      constraint schedule_tasks_progress_check check (progress between 0 and 100),
      constraint schedule_tasks_source_check check ((source is null) = (source_id is null))
    );
    create unique index schedule_tasks_source_idx on schedule_tasks(source, source_id) where source is not null;
    create index schedule_tasks_period_idx on schedule_tasks(starts_on, ends_on);

    create table schedule_task_dependencies (
      task_id uuid not null references schedule_tasks(id) on delete cascade deferrable initially immediate,
      depends_on_id uuid not null references schedule_tasks(id) on delete cascade deferrable initially immediate,
      primary key (task_id, depends_on_id),
      constraint schedule_dependency_self_check check (task_id <> depends_on_id)
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
  await sql`drop table schedule_task_dependencies, schedule_tasks, schedule_workstreams cascade`.execute(
    db,
  )
}
