import { type Kysely, sql } from 'kysely'

// Disclosure and open data: the disclosure-request log with its history and released
// documents (redacted text with reviewed spans), proactive-publication candidates, the
// open-data catalogue (datasets and resources as stored files), and the register of data
// holdings with its annual review campaigns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    create table disclosure_settings (
      id int primary key default 1 check (id = 1),
      repeat_count int not null default 3 check (repeat_count between 2 and 100),
      period_days int not null default 365 check (period_days between 1 and 3660),
      version int not null default 1
    );
    insert into disclosure_settings (id) values (1);

    create table disclosure_requests (
      id uuid primary key default gen_random_uuid(),
      subject text not null,
      unit_id uuid not null references units(id) deferrable initially immediate,
      requester_type text not null check (requester_type in ('individual','company','press','organisation','lawyer','other')),
      received_on date not null,
      due_on date not null,
      extended_to date,
      extension_reason text,
      status text not null default 'received' check (status in ('received','extended','disclosed','partially_disclosed','not_disclosed','withdrawn')),
      decided_on date,
      topic_id uuid,
      version int not null default 1,
      created_by uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index disclosure_requests_received_idx on disclosure_requests(received_on);
    create index disclosure_requests_status_idx on disclosure_requests(status);
    create index disclosure_requests_topic_idx on disclosure_requests(topic_id);

    create table disclosure_request_events (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references disclosure_requests(id) on delete cascade deferrable initially immediate,
      status text not null,
      note text not null default '',
      actor_id uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    );
    create index disclosure_request_events_request_idx on disclosure_request_events(request_id, created_at);

    create table disclosure_documents (
      id uuid primary key default gen_random_uuid(),
      request_id uuid not null references disclosure_requests(id) on delete cascade deferrable initially immediate,
      title text not null,
      original_text text,
      file_id uuid references stored_files(id) deferrable initially immediate,
      status text not null check (status in ('redacting','in_review','released')),
      redaction_job_id uuid,
      redacted_text text,
      released_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      constraint disclosure_documents_source_check check ((original_text is null) <> (file_id is null))
    );
    create index disclosure_documents_request_idx on disclosure_documents(request_id);

    create table disclosure_document_spans (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references disclosure_documents(id) on delete cascade deferrable initially immediate,
      start_at int not null,
      end_at int not null,
      type text not null,
      reason text not null check (reason in ('7-2','7-3')),
      decision text not null check (decision in ('proposed','accepted','rejected'))
    );
    create index disclosure_document_spans_doc_idx on disclosure_document_spans(document_id);

    create table opendata_datasets (
      id uuid primary key default gen_random_uuid(),
      name text not null unique check (name ~ '^[a-z0-9_-]{2,100}$'),
      title text not null,
      notes text not null default '',
      unit_id uuid not null references units(id) deferrable initially immediate,
      license_id text not null check (license_id in ('cc-by-4.0','jp-pdl-1.0')),
      tags jsonb not null default '[]',
      frequency text not null default 'irregular',
      is_private boolean not null default true,
      state text not null default 'active' check (state in ('active','deleted')),
      metadata_created timestamptz not null default now(),
      metadata_modified timestamptz not null default now(),
      version int not null default 1,
      created_by uuid references users(id) deferrable initially immediate
    );
    create index opendata_datasets_modified_idx on opendata_datasets(metadata_modified);

    create table opendata_resources (
      id uuid primary key default gen_random_uuid(),
      dataset_id uuid not null references opendata_datasets(id) on delete cascade deferrable initially immediate,
      name text not null,
      description text not null default '',
      format text not null check (format in ('CSV','XLSX','JSON','TXT')),
      file_id uuid not null references stored_files(id) deferrable initially immediate,
      generator text check (generator in ('programs','meetings')),
      sort_order int not null default 0,
      created_at timestamptz not null default now(),
      last_modified timestamptz not null default now()
    );
    create index opendata_resources_dataset_idx on opendata_resources(dataset_id);

    create table disclosure_candidates (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      request_ids jsonb not null default '[]',
      status text not null default 'open' check (status in ('open','closed')),
      dataset_id uuid references opendata_datasets(id) deferrable initially immediate,
      link text,
      closed_by uuid references users(id) deferrable initially immediate,
      closed_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now()
    );

    create table data_holdings (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id) deferrable initially immediate,
      title text not null,
      data_kind text not null check (data_kind in ('personal','corporate')),
      subjects text not null,
      purpose text not null default '',
      storage text not null check (storage in ('shared_server','local_pc','external_media','cloud','paper','other')),
      storage_detail text not null default '',
      retention_until date,
      owner text not null,
      last_reviewed_on date,
      status text not null default 'active' check (status in ('active','deleted')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index data_holdings_unit_idx on data_holdings(unit_id);

    create table data_holding_campaigns (
      id uuid primary key default gen_random_uuid(),
      fiscal_year int not null unique,
      due_on date not null,
      started_by uuid references users(id) deferrable initially immediate,
      created_at timestamptz not null default now()
    );

    create table data_holding_reviews (
      campaign_id uuid not null references data_holding_campaigns(id) on delete cascade deferrable initially immediate,
      holding_id uuid not null references data_holdings(id) on delete cascade deferrable initially immediate,
      action text not null check (action in ('confirm','delete','move')),
      note text not null default '',
      reviewed_by uuid references users(id) deferrable initially immediate,
      reviewed_at timestamptz not null default now(),
      primary key (campaign_id, holding_id)
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
  await sql`drop table data_holding_reviews, data_holding_campaigns, data_holdings, disclosure_candidates, opendata_resources, opendata_datasets, disclosure_document_spans, disclosure_documents, disclosure_request_events, disclosure_requests, disclosure_settings cascade`.execute(
    db,
  )
}
