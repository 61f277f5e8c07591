import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { assignTopic, refreshCandidates } from './candidates.service.ts'
import { addDays, DECISION_DAYS, MAX_EXTENDED_DAYS, todayInTokyo } from './dates.ts'
import { canManageDisclosure } from './disclosure.policy.ts'
import { decideRequestSchema, extendSchema, requestInputSchema } from './disclosure.schemas.ts'
import type { RequestStatus } from './disclosure.tables.ts'
import type { DisclosureRequest, ReleasedDocument, RequestEvent } from './disclosure.types.ts'
import {
  documentsOf,
  findRequest,
  OPEN_STATUSES,
  selectRequests,
  toRequest,
} from './requests.queries.ts'

export interface RequestFilter {
  status?: RequestStatus | 'overdue' | undefined
  today?: string
}

export async function listRequests(
  db: Db,
  actor: Actor | null,
  filter: RequestFilter = {},
): Promise<DisclosureRequest[]> {
  authorize(actor, canManageDisclosure)
  const today = filter.today ?? todayInTokyo()
  let query = selectRequests(db)
  if (filter.status === 'overdue') {
    query = query
      .where('r.status', 'in', OPEN_STATUSES)
      .where(sql<boolean>`coalesce(r.extended_to, r.due_on) < ${today}::date`)
  } else if (filter.status) query = query.where('r.status', '=', filter.status)
  const rows = await query.orderBy('r.received_on', 'desc').orderBy('r.id').limit(500).execute()
  return rows.map((r) => toRequest(r, today))
}

export async function createRequest(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<DisclosureRequest> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(requestInputSchema, input)
  if (data.receivedOn > todayInTokyo()) throw invalidField('receivedOn', 'disclosure.error.future')
  return withTransaction(db, async (trx) => {
    const unit = await trx
      .selectFrom('units')
      .select('id')
      .where('id', '=', data.unitId)
      .executeTakeFirst()
    if (!unit) throw invalidField('unitId', 'validation.choice')
    const row = await trx
      .insertInto('disclosure_requests')
      .values({
        subject: data.subject,
        unit_id: data.unitId,
        requester_type: data.requesterType,
        received_on: data.receivedOn,
        due_on: addDays(data.receivedOn, DECISION_DAYS),
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('disclosure_request_events')
      .values({ request_id: row.id, status: 'received', actor_id: actor.userId })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.request.create',
      entity: 'disclosure_requests',
      entityId: row.id,
      data: { unitId: data.unitId, requesterType: data.requesterType },
    })
    await assignTopic(trx, row.id)
    await refreshCandidates(trx)
    return (await findRequest(trx, row.id, todayInTokyo()))!
  })
}

export interface RequestDetail {
  request: DisclosureRequest
  events: RequestEvent[]
  documents: ReleasedDocument[]
  maxExtension: string
}

export async function getRequest(db: Db, actor: Actor | null, id: string): Promise<RequestDetail> {
  authorize(actor, canManageDisclosure)
  const request = await findRequest(db, id, todayInTokyo())
  if (!request) throw notFound()
  const events = await db
    .selectFrom('disclosure_request_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.status', 'e.note', 'e.created_at', 'u.display_name'])
    .where('e.request_id', '=', id)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute()
  return {
    request,
    events: events.map((e) => ({
      status: e.status,
      note: e.note,
      actorName: e.display_name,
      at: e.created_at,
    })),
    documents: await documentsOf(db, [id]),
    maxExtension: addDays(request.receivedOn, MAX_EXTENDED_DAYS),
  }
}

/** Locks an open request at the version the form was made on. */
async function lockOpen(trx: Db, id: string, version: number): Promise<DisclosureRequest> {
  const row = await selectRequests(trx).where('r.id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw notFound()
  if (row.version !== version) throw conflict()
  if (!OPEN_STATUSES.includes(row.status)) throw conflict('disclosure.error.closed')
  return toRequest(row, todayInTokyo())
}

async function recordStatus(
  trx: Db,
  actor: Actor,
  id: string,
  status: RequestStatus,
  note: string,
  changes: Record<string, string | null>,
) {
  await trx
    .updateTable('disclosure_requests')
    .set({ ...changes, status, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
  await trx
    .insertInto('disclosure_request_events')
    .values({ request_id: id, status, note, actor_id: actor.userId })
    .execute()
  await recordAudit(trx, {
    actorId: actor.userId,
    action: `disclosure.request.${status}`,
    entity: 'disclosure_requests',
    entityId: id,
    data: changes,
  })
}

/** Extends the decision period (条例第12条第2項): a reason, and no later than 60 days. */
export async function extendRequest(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(extendSchema, input)
  await withTransaction(db, async (trx) => {
    const request = await lockOpen(trx, id, data.version)
    const max = addDays(request.receivedOn, MAX_EXTENDED_DAYS)
    if (data.extendedTo <= request.deadline)
      throw invalidField('extendedTo', 'disclosure.error.extendAfter', { date: request.deadline })
    if (data.extendedTo > max)
      throw invalidField('extendedTo', 'disclosure.error.extendMax', { date: max })
    await recordStatus(trx, actor, id, 'extended', data.extensionReason, {
      extended_to: data.extendedTo,
      extension_reason: data.extensionReason,
    })
  })
}

export async function decideRequest(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(decideRequestSchema, input)
  await withTransaction(db, async (trx) => {
    const request = await lockOpen(trx, id, data.version)
    if (data.decidedOn < request.receivedOn || data.decidedOn > todayInTokyo())
      throw invalidField('decidedOn', 'disclosure.error.decidedOn')
    await recordStatus(trx, actor, id, data.decision, data.note, { decided_on: data.decidedOn })
  })
}
