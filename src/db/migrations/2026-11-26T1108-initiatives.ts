import { type Kysely, sql } from 'kysely'

// Office improvement initiatives (④): the initiatives with one measurable goal each, the
// mid-term check, report meetings, reports to HQ, and the monthly work–life balance figures.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table initiatives (
      id uuid primary key default gen_random_uuid(),
      fiscal_year int not null,
      no int not null,
      title text not null,
      unit_id uuid not null references units(id) deferrable initially immediate,
      unit_label text not null,
      goal text not null default '',
      indicator text not null default '',
      target_value double precision,
      actual_value double precision,
      hq_report_id uuid,
      hq_outcome text,
      hq_feedback text,
      hq_feedback_at timestamptz,
      year_end_summary text not null default '',
      next_year_plan text not null default '',
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (fiscal_year, no)
    );
    create index initiatives_unit_idx on initiatives(unit_id);

    create table initiative_midterm_checks (
      initiative_id uuid primary key references initiatives(id) on delete cascade deferrable initially immediate,
      status text not null check (status in ('ahead','on_track','behind')),
      progress_note text not null,
      young_staff_views text not null default '',
      issues text not null default '',
      next_steps text not null default '',
      filed_by uuid references users(id) on delete set null deferrable initially immediate,
      filed_at timestamptz not null default now(),
      version int not null default 1
    );

    create table initiative_report_meetings (
      id uuid primary key default gen_random_uuid(),
      fiscal_year int not null,
      title text not null,
      held_on date not null,
      place text not null default '',
      notes text not null default '',
      created_at timestamptz not null default now()
    );

    create table initiative_report_meeting_items (
      meeting_id uuid not null references initiative_report_meetings(id) on delete cascade deferrable initially immediate,
      initiative_id uuid not null references initiatives(id) on delete cascade deferrable initially immediate,
      primary key (meeting_id, initiative_id)
    );

    create table initiative_hq_reports (
      id uuid primary key default gen_random_uuid(),
      fiscal_year int not null,
      title text not null,
      summary text not null,
      status text not null default 'awaiting' check (status in ('awaiting','decided')),
      outcome text,
      note text,
      submitted_by uuid references users(id) on delete set null deferrable initially immediate,
      submitted_at timestamptz not null default now(),
      decided_at timestamptz
    );
    alter table initiatives add constraint initiatives_hq_report_fk foreign key (hq_report_id)
      references initiative_hq_reports(id) on delete set null deferrable initially immediate;

    create table initiative_wlb_figures (
      unit_id uuid not null references units(id) deferrable initially immediate,
      month date not null,
      overtime_hours double precision not null check (overtime_hours >= 0),
      leave_days double precision not null check (leave_days >= 0),
      entered_by uuid references users(id) on delete set null deferrable initially immediate,
      entered_at timestamptz not null default now(),
      primary key (unit_id, month),
      constraint initiative_wlb_month_check check (extract(day from month) = 1)
    );

    create table initiative_wlb_targets (
      unit_id uuid not null references units(id) deferrable initially immediate,
      fiscal_year int not null,
      overtime_hours double precision not null check (overtime_hours >= 0),
      leave_days double precision not null check (leave_days >= 0),
      primary key (unit_id, fiscal_year)
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
  await sql`
    drop table initiative_wlb_targets, initiative_wlb_figures, initiative_report_meeting_items,
      initiative_report_meetings, initiative_midterm_checks, initiatives, initiative_hq_reports cascade
  `.execute(db)
}
