import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type FilePolicy, type IncomingFile, storeFile } from '../../files/index.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { canManageCouncils, canViewCouncils } from './councils.policy.ts'
import { findMeeting, selectMeetings, toCouncil, toMeeting } from './councils.queries.ts'
import type { CouncilInput, MeetingInput, MeetingUpdate, MemberInput } from './councils.schemas.ts'
import type { Council, CouncilMember, Material, Meeting } from './councils.types.ts'

export const MATERIAL_POLICY: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  kinds: ['pdf', 'docx', 'xlsx', 'pptx', 'csv', 'txt', 'png', 'jpeg'],
}

const DAY_MS = 86_400_000

export async function listCouncils(db: Db, actor: Actor | null): Promise<Council[]> {
  authorize(actor, canViewCouncils)
  const rows = await db.selectFrom('councils').selectAll().orderBy('name').execute()
  return rows.map(toCouncil)
}

export interface CouncilDetail {
  council: Council
  members: CouncilMember[]
  meetings: Meeting[]
  canManage: boolean
}

export async function getCouncil(db: Db, actor: Actor | null, id: string): Promise<CouncilDetail> {
  authorize(actor, canViewCouncils)
  const row = await db.selectFrom('councils').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  const members = await db
    .selectFrom('council_members')
    .selectAll()
    .where('council_id', '=', id)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute()
  const meetings = await selectMeetings(db)
    .where('m.council_id', '=', id)
    .orderBy('m.starts_at', 'desc')
    .execute()
  return {
    council: toCouncil(row),
    members: members.map((m) => ({
      id: m.id,
      councilId: m.council_id,
      name: m.name,
      affiliation: m.affiliation,
      role: m.role,
    })),
    meetings: meetings.map(toMeeting),
    canManage: canManageCouncils(actor),
  }
}

export async function createCouncil(
  db: Db,
  actor: Actor | null,
  input: CouncilInput,
): Promise<Council> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('councils')
      .values({
        name: input.name,
        description: input.councilDescription,
        notice_days: input.noticeDays,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.create',
      entity: 'council',
      entityId: row.id,
      data: { ...input },
    })
    return toCouncil(row)
  })
}

export async function updateCouncil(
  db: Db,
  actor: Actor | null,
  id: string,
  input: CouncilInput & { version: number },
): Promise<Council> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const exists = await trx
      .selectFrom('councils')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!exists) throw notFound()
    const row = await trx
      .updateTable('councils')
      .set({
        name: input.name,
        description: input.councilDescription,
        notice_days: input.noticeDays,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.update',
      entity: 'council',
      entityId: id,
      data: { ...input },
    })
    return toCouncil(row)
  })
}

export async function addMember(
  db: Db,
  actor: Actor | null,
  councilId: string,
  input: MemberInput,
): Promise<CouncilMember> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const council = await trx
      .selectFrom('councils')
      .select('id')
      .where('id', '=', councilId)
      .executeTakeFirst()
    if (!council) throw notFound()
    const row = await trx
      .insertInto('council_members')
      .values({
        council_id: councilId,
        name: input.name,
        affiliation: input.affiliation,
        role: input.memberRole,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.member.add',
      entity: 'council',
      entityId: councilId,
      data: { ...input },
    })
    return { id: row.id, councilId, name: row.name, affiliation: row.affiliation, role: row.role }
  })
}

export async function removeMember(db: Db, actor: Actor | null, memberId: string): Promise<string> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const row = await trx
      .deleteFrom('council_members')
      .where('id', '=', memberId)
      .returning(['council_id', 'name'])
      .executeTakeFirst()
    if (!row) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.member.remove',
      entity: 'council',
      entityId: row.council_id,
      data: { memberId, name: row.name },
    })
    return row.council_id
  })
}

/**
 * The advance-notice rule: a meeting is announced at least `noticeDays` before it starts;
 * announcing later needs a recorded reason.
 */
function checkNotice(
  council: Council,
  startsAt: Date,
  announcedAt: Date,
  lateReason: string | null,
) {
  const daysAhead = (startsAt.getTime() - announcedAt.getTime()) / DAY_MS
  if (daysAhead < council.noticeDays && !lateReason)
    throw invalidField('lateNoticeReason', 'councils.error.lateNotice', {
      days: council.noticeDays,
    })
}

async function councilFor(db: Db, id: string): Promise<Council> {
  const row = await db.selectFrom('councils').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return toCouncil(row)
}

/** Schedules and announces a meeting: from now on it is on the portal and in the calendar feed. */
export async function scheduleMeeting(
  db: Db,
  actor: Actor | null,
  councilId: string,
  input: MeetingInput,
  now = new Date(),
): Promise<Meeting> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const council = await councilFor(trx, councilId)
    if (input.startsAt.getTime() < now.getTime())
      throw invalidField('startsAt', 'councils.error.inThePast')
    checkNotice(council, input.startsAt, now, input.lateNoticeReason)
    const row = await trx
      .insertInto('council_meetings')
      .values({
        council_id: councilId,
        ...meetingColumns(input),
        announced_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.meeting.schedule',
      entity: 'council_meeting',
      entityId: row.id,
      data: { ...meetingAuditData(input), council: council.name },
    })
    return (await findMeeting(trx, row.id))!
  })
}

/**
 * A meeting's input as audit data: dates as ISO strings (the audit hash is computed over the
 * data as given, and a Date would hash as {} but be stored as a string).
 */
function meetingAuditData(input: MeetingInput) {
  return {
    ...input,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt?.toISOString() ?? null,
  }
}

function meetingColumns(input: MeetingInput) {
  return {
    title: input.meetingTitle,
    starts_at: input.startsAt,
    ends_at: input.endsAt ?? null,
    place: input.place,
    agenda: input.agenda,
    is_public: input.isPublic,
    closed_reason: input.isPublic ? null : input.closedReason,
    late_notice_reason: input.lateNoticeReason,
    gallery_capacity: input.isPublic ? input.galleryCapacity : 0,
    allowlist: JSON.stringify(input.allowlist),
  }
}

export async function updateMeeting(
  db: Db,
  actor: Actor | null,
  id: string,
  input: MeetingUpdate,
): Promise<Meeting> {
  authorize(actor, canManageCouncils)
  return withTransaction(db, async (trx) => {
    const meeting = await findMeeting(trx, id)
    if (!meeting) throw notFound()
    const council = await councilFor(trx, meeting.councilId)
    // Moving a meeting is announced again: the notice rule counts from now.
    if (input.startsAt.getTime() !== meeting.startsAt.getTime())
      checkNotice(council, input.startsAt, new Date(), input.lateNoticeReason)
    const row = await trx
      .updateTable('council_meetings')
      .set({ ...meetingColumns(input), version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.meeting.update',
      entity: 'council_meeting',
      entityId: id,
      data: { ...meetingAuditData(input), version: input.version },
    })
    return (await findMeeting(trx, id))!
  })
}

export async function addMaterial(
  db: Db,
  actor: Actor | null,
  meetingId: string,
  title: string,
  file: IncomingFile | undefined,
): Promise<void> {
  authorize(actor, canManageCouncils)
  if (!title.trim()) throw invalidField('materialTitle', 'validation.required')
  if (!file) throw invalidField('materialFile', 'validation.required')
  await withTransaction(db, async (trx) => {
    if (!(await findMeeting(trx, meetingId))) throw notFound()
    const info = await storeFile(trx, actor.userId, 'materialFile', file, MATERIAL_POLICY)
    await trx
      .insertInto('council_materials')
      .values({ meeting_id: meetingId, file_id: info.id, title: title.trim().slice(0, 200) })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'council.material.add',
      entity: 'council_meeting',
      entityId: meetingId,
      data: { title, filename: info.filename, size: info.size },
    })
  })
}

export async function materialsOf(db: Db, meetingIds: string[]): Promise<Material[]> {
  if (meetingIds.length === 0) return []
  const rows = await db
    .selectFrom('council_materials as m')
    .innerJoin('stored_files as f', 'f.id', 'm.file_id')
    .select(['m.id', 'm.meeting_id', 'm.file_id', 'm.title', 'f.filename', 'f.size'])
    .where('m.meeting_id', 'in', meetingIds)
    .orderBy('m.created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    fileId: r.file_id,
    title: r.title,
    filename: r.filename,
    size: r.size,
  }))
}

export interface MeetingDetail {
  meeting: Meeting
  materials: Material[]
  registrations: { id: string; name: string; contact: string; createdAt: Date }[]
  minutesId: string | null
  canManage: boolean
}

export async function getMeeting(db: Db, actor: Actor | null, id: string): Promise<MeetingDetail> {
  authorize(actor, canViewCouncils)
  const meeting = await findMeeting(db, id)
  if (!meeting) throw notFound()
  const canManage = canManageCouncils(actor)
  const registrations = canManage
    ? await db
        .selectFrom('council_gallery_registrations')
        .select(['id', 'name', 'contact', 'created_at'])
        .where('meeting_id', '=', id)
        .orderBy('created_at')
        .execute()
    : []
  const minutes = await db
    .selectFrom('council_minutes')
    .select('id')
    .where('meeting_id', '=', id)
    .executeTakeFirst()
  return {
    meeting,
    materials: await materialsOf(db, [id]),
    registrations: registrations.map((r) => ({ ...r, createdAt: r.created_at })),
    minutesId: minutes?.id ?? null,
    canManage,
  }
}

export async function countRegistrations(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('council_gallery_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A resident registers for the public gallery (no sign-in). Only public meetings still to
 * come take registrations, and no more than their capacity: the count and the insert are
 * serialised per meeting by locking the meeting's row.
 */
export async function registerForGallery(
  db: Db,
  meetingId: string,
  input: { name: string; galleryContact: string },
  now = new Date(),
): Promise<{ remaining: number }> {
  return withTransaction(db, async (trx) => {
    const meeting = await trx
      .selectFrom('council_meetings')
      .select(['id', 'is_public', 'gallery_capacity', 'starts_at', 'cancelled_at'])
      .where('id', '=', meetingId)
      .forUpdate()
      .executeTakeFirst()
    if (!meeting) throw notFound()
    if (!meeting.is_public || meeting.gallery_capacity === 0 || meeting.cancelled_at)
      throw invalidField('name', 'councils.error.noGallery')
    if (meeting.starts_at.getTime() <= now.getTime())
      throw invalidField('name', 'councils.error.registrationClosed')
    const taken = await countRegistrations(trx, meetingId)
    if (taken >= meeting.gallery_capacity) throw conflict('councils.error.galleryFull')
    await trx
      .insertInto('council_gallery_registrations')
      .values({ meeting_id: meetingId, name: input.name, contact: input.galleryContact })
      .execute()
    return { remaining: meeting.gallery_capacity - taken - 1 }
  })
}

/** Meetings still to come, soonest first: for the portal and the overall schedule. */
export async function listUpcomingMeetings(
  db: Db,
  options: { from?: Date; limit?: number; publicOnly?: boolean } = {},
): Promise<Meeting[]> {
  let query = selectMeetings(db)
    .where('m.starts_at', '>=', options.from ?? new Date())
    .where('m.cancelled_at', 'is', null)
  if (options.publicOnly) query = query.where('m.is_public', '=', true)
  const rows = await query
    .orderBy('m.starts_at')
    .limit(options.limit ?? 100)
    .execute()
  return rows.map(toMeeting)
}
