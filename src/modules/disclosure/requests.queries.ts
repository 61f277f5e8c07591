import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { RequestStatus } from './disclosure.tables.ts'
import type { DisclosureRequest, ReleasedDocument } from './disclosure.types.ts'

export const OPEN_STATUSES: RequestStatus[] = ['received', 'extended']

export function selectRequests(db: Db) {
  return db
    .selectFrom('disclosure_requests as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.subject',
      'r.unit_id',
      'u.name as unit_name',
      'r.requester_type',
      sql<string>`r.received_on::text`.as('received_on'),
      sql<string>`r.due_on::text`.as('due_on'),
      sql<string | null>`r.extended_to::text`.as('extended_to'),
      'r.extension_reason',
      'r.status',
      sql<string | null>`r.decided_on::text`.as('decided_on'),
      'r.version',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRequests>['execute']>>[number]

export function toRequest(row: Row, today: string): DisclosureRequest {
  const deadline = row.extended_to ?? row.due_on
  return {
    id: row.id,
    subject: row.subject,
    unitId: row.unit_id,
    unitName: row.unit_name,
    requesterType: row.requester_type,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    extendedTo: row.extended_to,
    extensionReason: row.extension_reason,
    deadline,
    status: row.status,
    decidedOn: row.decided_on,
    overdue: OPEN_STATUSES.includes(row.status) && deadline < today,
    version: row.version,
  }
}

export async function findRequest(
  db: Db,
  id: string,
  today: string,
): Promise<DisclosureRequest | undefined> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst()
  return row && toRequest(row, today)
}

export async function documentsOf(db: Db, requestIds: string[]): Promise<ReleasedDocument[]> {
  if (requestIds.length === 0) return []
  const rows = await db
    .selectFrom('disclosure_documents')
    .selectAll()
    .where('request_id', 'in', requestIds)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    requestId: r.request_id,
    title: r.title,
    isText: r.original_text !== null,
    fileId: r.file_id,
    status: r.status,
    originalText: r.original_text,
    redactedText: r.redacted_text,
    releasedAt: r.released_at,
    version: r.version,
  }))
}
