import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { AgendaItem, AgendaOutcome, Meeting } from './hq.types.ts'

export async function selectMeetings(db: Db, id?: string): Promise<Meeting[]> {
  let query = db
    .selectFrom('hq_meetings')
    .select([
      'id',
      'title',
      sql<string>`held_on::text`.as('held_on'),
      'place',
      'summary',
      'version',
    ])
    .orderBy('held_on', 'desc')
  if (id) query = query.where('id', '=', id)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    summary: r.summary,
    version: r.version,
  }))
}

export async function selectAgenda(db: Db, meetingId: string): Promise<AgendaItem[]> {
  const rows = await db
    .selectFrom('hq_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('sort_order')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    sourceKind: r.source_kind,
    refId: r.ref_id,
    title: r.title,
    href: r.href,
    summary: r.summary,
    outcome: r.outcome as AgendaOutcome | null,
    note: r.note,
    decidedAt: r.decided_at,
  }))
}

/** Items already on some agenda and not yet decided: they are not offered again. */
export async function selectPendingRefs(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('hq_agenda_items')
    .select(['source_kind', 'ref_id'])
    .where('source_kind', 'is not', null)
    .where('decided_at', 'is', null)
    .execute()
  return new Set(rows.map((r) => `${r.source_kind}:${r.ref_id}`))
}

/** HQ's members (本部長・本部員) from the organisation's HQ group, in the group's order. */
export async function selectHqMembers(db: Db) {
  return db
    .selectFrom('org_group_members as m')
    .innerJoin('org_groups as g', 'g.id', 'm.group_id')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select(['p.id as personId', 'p.name', 'm.position'])
    .where('g.kind', '=', 'hq')
    .orderBy(sql`m.position = '本部長'`, 'desc')
    .orderBy('p.name')
    .execute()
}
