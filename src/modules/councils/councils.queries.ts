import type { Selectable } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { RedactionReason, SpanType } from '../redaction/index.ts'
import type {
  CouncilMinuteSpansTable,
  CouncilMinutesTable,
  CouncilsTable,
} from './councils.tables.ts'
import type { Council, Meeting, Minutes, MinutesSpan } from './councils.types.ts'

export function toCouncil(row: Selectable<CouncilsTable>): Council {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    unitId: row.unit_id,
    noticeDays: row.notice_days,
    version: row.version,
  }
}

export function selectMeetings(db: Db) {
  return db
    .selectFrom('council_meetings as m')
    .innerJoin('councils as c', 'c.id', 'm.council_id')
    .select([
      'm.id',
      'm.council_id',
      'c.name as council_name',
      'm.title',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.agenda',
      'm.is_public',
      'm.closed_reason',
      'm.late_notice_reason',
      'm.gallery_capacity',
      'm.allowlist',
      'm.announced_at',
      'm.cancelled_at',
      'm.version',
      'm.updated_at',
    ])
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof selectMeetings>['executeTakeFirstOrThrow']>>

export function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    councilId: row.council_id,
    councilName: row.council_name,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    agenda: row.agenda,
    isPublic: row.is_public,
    closedReason: row.closed_reason,
    lateNoticeReason: row.late_notice_reason,
    galleryCapacity: row.gallery_capacity,
    allowlist: Array.isArray(row.allowlist) ? row.allowlist : [],
    announcedAt: row.announced_at,
    cancelledAt: row.cancelled_at,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

export async function findMeeting(db: Db, id: string): Promise<Meeting | undefined> {
  const row = await selectMeetings(db).where('m.id', '=', id).executeTakeFirst()
  return row && toMeeting(row)
}

export function toMinutes(row: Selectable<CouncilMinutesTable>): Minutes {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    status: row.status,
    originalText: row.original_text,
    redactionJobId: row.redaction_job_id,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    publishedAt: row.published_at,
    version: row.version,
    updatedAt: row.updated_at,
  }
}

export async function findMinutes(db: Db, id: string): Promise<Minutes | undefined> {
  const row = await db
    .selectFrom('council_minutes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toMinutes(row)
}

export function toSpan(row: Selectable<CouncilMinuteSpansTable>): MinutesSpan {
  return {
    id: row.id,
    start: row.start_at,
    end: row.end_at,
    type: row.type as SpanType,
    reason: row.reason as RedactionReason,
    origin: row.origin,
    decision: row.decision,
  }
}

export async function spansOf(db: Db, minutesId: string): Promise<MinutesSpan[]> {
  const rows = await db
    .selectFrom('council_minute_spans')
    .selectAll()
    .where('minutes_id', '=', minutesId)
    .orderBy('start_at')
    .orderBy('end_at')
    .execute()
  return rows.map(toSpan)
}
