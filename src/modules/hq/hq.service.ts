import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import {
  type FilePolicy,
  findFileInfos,
  type IncomingFile,
  readStoredFile,
  type StoredFileInfo,
  storeFile,
} from '../../files/index.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { canDecide, canRunHq, canViewHq } from './hq.policy.ts'
import { selectAgenda, selectHqMembers, selectMeetings, selectPendingRefs } from './hq.queries.ts'
import type {
  AgendaFree,
  AgendaPull,
  AttendanceInput,
  DecisionInput,
  MaterialInput,
  MeetingInput,
} from './hq.schemas.ts'
import type { AgendaSource, DecisionChoice, Material, Meeting, MeetingDetail } from './hq.types.ts'

export async function listMeetings(db: Db, actor: Actor | null) {
  authorize(actor, canViewHq)
  return { meetings: await selectMeetings(db), canRun: canRunHq(actor) }
}

async function meetingOrThrow(db: Db, id: string): Promise<Meeting> {
  const [meeting] = await selectMeetings(db, id)
  if (!meeting) throw notFound()
  return meeting
}

export async function getMeeting(
  db: Db,
  actor: Actor | null,
  sources: AgendaSource[],
  id: string,
): Promise<MeetingDetail> {
  authorize(actor, canViewHq)
  const meeting = await meetingOrThrow(db, id)
  const attendance = await db
    .selectFrom('hq_attendance')
    .select(['person_id', 'present'])
    .where('meeting_id', '=', id)
    .execute()
  const presentOf = new Map(attendance.map((a) => [a.person_id, a.present]))
  const pending = await selectPendingRefs(db)
  const awaiting = []
  const choicesByKind: Record<string, DecisionChoice[]> = {}
  for (const source of sources) {
    if (source.decisionChoices) choicesByKind[source.kind] = await source.decisionChoices(db)
    // Only those who set the agenda are shown what could be pulled onto it.
    if (!canRunHq(actor)) continue
    const items = (await source.listAwaiting(db, actor)).filter(
      (i) => !pending.has(`${source.kind}:${i.refId}`),
    )
    awaiting.push({ source: { kind: source.kind, label: source.label }, items })
  }
  return {
    meeting,
    agenda: await selectAgenda(db, id),
    materials: await selectMaterials(db, id),
    attendance: (await selectHqMembers(db)).map((m) => ({
      ...m,
      present: presentOf.get(m.personId) ?? null,
    })),
    awaiting,
    choicesByKind,
    canRun: canRunHq(actor),
    canDecide: canDecide(actor),
  }
}

export async function createMeeting(
  db: Db,
  actor: Actor | null,
  input: MeetingInput,
): Promise<Meeting> {
  authorize(actor, canRunHq)
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('hq_meetings')
      .values({
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        summary: input.summary,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.meeting.create',
      entity: 'hq_meeting',
      entityId: row.id,
      data: { ...input },
    })
    return meetingOrThrow(trx, row.id)
  })
}

async function nextOrder(trx: Db, meetingId: string): Promise<number> {
  const row = await trx
    .selectFrom('hq_agenda_items')
    .select(sql<number>`coalesce(max(sort_order), 0) + 1`.as('next'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return Number(row.next)
}

/** Pulls an item that awaits a decision onto a meeting's agenda. */
export async function pullAgendaItem(
  db: Db,
  actor: Actor | null,
  sources: AgendaSource[],
  meetingId: string,
  input: AgendaPull,
): Promise<string> {
  authorize(actor, canRunHq)
  const source = sources.find((s) => s.kind === input.sourceKind)
  if (!source) throw invalidField('sourceKind', 'validation.choice')
  return withTransaction(db, async (trx) => {
    await meetingOrThrow(trx, meetingId)
    const item = (await source.listAwaiting(trx, actor)).find((i) => i.refId === input.refId)
    if (!item) throw invalidField('refId', 'hq.errors.notAwaiting')
    if ((await selectPendingRefs(trx)).has(`${source.kind}:${item.refId}`))
      throw invalidField('refId', 'hq.errors.alreadyOnAgenda')
    const row = await trx
      .insertInto('hq_agenda_items')
      .values({
        meeting_id: meetingId,
        source_kind: source.kind,
        ref_id: item.refId,
        title: item.title,
        href: item.href,
        summary: item.summary,
        sort_order: await nextOrder(trx, meetingId),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.agenda.add',
      entity: 'hq_meeting',
      entityId: meetingId,
      data: { ...input, title: item.title },
    })
    return row.id
  })
}

/** An agenda item of HQ's own (a policy to adopt, a report to hear) with no source behind it. */
export async function addFreeAgendaItem(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  input: AgendaFree,
): Promise<string> {
  authorize(actor, canRunHq)
  return withTransaction(db, async (trx) => {
    await meetingOrThrow(trx, meetingId)
    const row = await trx
      .insertInto('hq_agenda_items')
      .values({
        meeting_id: meetingId,
        title: input.title,
        summary: input.summary,
        sort_order: await nextOrder(trx, meetingId),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.agenda.add',
      entity: 'hq_meeting',
      entityId: meetingId,
      data: { ...input },
    })
    return row.id
  })
}

/** The documents distributed at a meeting: office files, PDFs, images. */
export const HQ_MATERIAL_POLICY: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  kinds: ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt', 'png', 'jpeg'],
}

async function selectMaterials(db: Db, meetingId: string): Promise<Material[]> {
  const rows = await db
    .selectFrom('hq_materials')
    .select(['id', 'title', 'body', 'file_id'])
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute()
  const files = new Map(
    (
      await findFileInfos(
        db,
        rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
      )
    ).map((f) => [f.id, f]),
  )
  return rows.map((r) => {
    const file = r.file_id ? files.get(r.file_id) : undefined
    return {
      id: r.id,
      title: r.title,
      body: r.body,
      file: file ? { filename: file.filename, size: file.size } : null,
    }
  })
}

/** A material with its text, its file, or both; the file is checked for size and kind. */
export async function addMaterial(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  input: MaterialInput,
  file?: IncomingFile,
): Promise<void> {
  authorize(actor, canRunHq)
  await withTransaction(db, async (trx) => {
    await meetingOrThrow(trx, meetingId)
    const info = file
      ? await storeFile(trx, actor.userId, 'materialFile', file, HQ_MATERIAL_POLICY)
      : null
    await trx
      .insertInto('hq_materials')
      .values({
        meeting_id: meetingId,
        title: input.title,
        body: input.body,
        file_id: info?.id ?? null,
      })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.material.add',
      entity: 'hq_meeting',
      entityId: meetingId,
      data: { title: input.title, filename: info?.filename ?? null, size: info?.size ?? null },
    })
  })
}

/** A material's file, for those who may read HQ's meetings. */
export async function readMaterialFile(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  materialId: string,
): Promise<{ info: StoredFileInfo; bytes: Uint8Array }> {
  authorize(actor, canViewHq)
  const row = await db
    .selectFrom('hq_materials')
    .select('file_id')
    .where('id', '=', materialId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst()
  const stored = row?.file_id ? await readStoredFile(db, row.file_id) : undefined
  if (!stored) throw notFound()
  return stored
}

/** Who attended: every HQ member is marked present (ticked) or absent. */
export async function recordAttendance(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  input: AttendanceInput,
): Promise<void> {
  authorize(actor, canRunHq)
  await withTransaction(db, async (trx) => {
    await meetingOrThrow(trx, meetingId)
    const members = await selectHqMembers(trx)
    const ids = new Set(members.map((m) => m.personId))
    if (input.present.some((p) => !ids.has(p))) throw invalidField('present', 'validation.choice')
    await trx.deleteFrom('hq_attendance').where('meeting_id', '=', meetingId).execute()
    if (members.length)
      await trx
        .insertInto('hq_attendance')
        .values(
          members.map((m) => ({
            meeting_id: meetingId,
            person_id: m.personId,
            present: input.present.includes(m.personId),
          })),
        )
        .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.attendance',
      entity: 'hq_meeting',
      entityId: meetingId,
      data: { present: input.present },
    })
  })
}

/**
 * Records HQ's decision on an agenda item and, in the same transaction, hands it to the item's
 * source so that it flows back (a proposal adopted, an office's feedback written). A decision is
 * taken once: deciding again is a conflict.
 */
export async function decideAgendaItem(
  db: Db,
  actor: Actor | null,
  sources: AgendaSource[],
  itemId: string,
  input: DecisionInput,
): Promise<void> {
  authorize(actor, canDecide)
  await withTransaction(db, async (trx) => {
    const item = await trx
      .selectFrom('hq_agenda_items')
      .selectAll()
      .where('id', '=', itemId)
      .executeTakeFirst()
    if (!item) throw notFound()
    const updated = await trx
      .updateTable('hq_agenda_items')
      .set({ outcome: input.outcome, note: input.note, decided_at: new Date() })
      .where('id', '=', itemId)
      .where('decided_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw conflict('hq.errors.alreadyDecided')
    if (item.source_kind && item.ref_id) {
      const source = sources.find((s) => s.kind === item.source_kind)
      if (!source) throw conflict('hq.errors.sourceGone')
      await source.applyDecision(trx, actor, item.ref_id, input)
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'hq.agenda.decided',
      entity: 'hq_agenda_item',
      entityId: itemId,
      data: {
        title: item.title,
        outcome: input.outcome,
        sourceKind: item.source_kind,
        refId: item.ref_id,
      },
    })
  })
}

/** The meeting an agenda item belongs to (for redirects). */
export async function meetingOfItem(db: Db, itemId: string): Promise<string> {
  const row = await db
    .selectFrom('hq_agenda_items')
    .select('meeting_id')
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!row) throw notFound()
  return row.meeting_id
}
