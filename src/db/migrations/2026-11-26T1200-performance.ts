import { type Kysely, sql } from 'kysely'

// Indexes that the benchmarks at the metropolis scale (100,000 proposals, 20,000 meetings)
// asked for: each serves a query on a page of the fixed benchmark list.
export async function up(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    -- Proposal lists: a campaign's proposals and everyone's, newest change first, a page at a time.
    create index proposals_campaign_updated_idx on proposals(campaign_id, updated_at desc);
    create index proposals_updated_idx on proposals(updated_at desc);
    -- Similar-proposal candidates: the most recently submitted.
    create index proposals_submitted_idx on proposals(submitted_at desc);
    -- The portal's Last-Modified (on every portal page): maxima read from an index, not a scan
    -- of every meeting and every minutes row.
    create index council_meetings_updated_idx on council_meetings(updated_at);
    create index council_minutes_changed_idx
      on council_minutes((coalesce(withdrawn_at, published_at)));
    create index council_materials_created_idx on council_materials(created_at)
    `,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await statements(
    db,
    `
    drop index council_materials_created_idx;
    drop index council_minutes_changed_idx;
    drop index council_meetings_updated_idx;
    drop index proposals_submitted_idx;
    drop index proposals_updated_idx;
    drop index proposals_campaign_updated_idx
    `,
  )
}

// Both drivers send one statement per extended-protocol query, so a script is split here.
async function statements(db: Kysely<unknown>, script: string) {
  for (const statement of script.split(/;\s*\n/)) {
    if (statement.trim()) await sql.raw(statement).execute(db)
  }
}
