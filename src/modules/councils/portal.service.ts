import { Feed } from 'feed'
import ical from 'ical-generator'
import { sql } from 'kysely'
import { auditHead } from '../../audit/audit.ts'
import type { Db } from '../../db/schema.ts'
import { readStoredFile } from '../../files/index.ts'
import { notFound } from '../../http/errors.ts'
import { findMeeting, selectMeetings, toMeeting } from './councils.queries.ts'
import { countRegistrations, listUpcomingMeetings, materialsOf } from './councils.service.ts'
import type { Material, Meeting, PublishedMinutes } from './councils.types.ts'
import { minutesTitle } from './minutes.service.ts'

/*
 * What residents see, without signing in. Everything here reads only announced meetings,
 * their materials and the REDACTED text of published minutes; the original never appears.
 */

export interface PastMeeting {
  meeting: Meeting
  minutesPublishedAt: Date
}

/** When anything on the portal last changed: for Last-Modified and cache validation. */
export async function portalLastModified(db: Db): Promise<Date> {
  const row = await sql<{ at: Date | null }>`
    select greatest(
      (select max(updated_at) from council_meetings),
      (select max(coalesce(withdrawn_at, published_at)) from council_minutes),
      (select max(created_at) from council_materials)
    ) as at`.execute(db)
  const at = row.rows[0]?.at
  return at ? new Date(at) : new Date(0)
}

export async function pastMeetingsWithMinutes(db: Db, limit = 50): Promise<PastMeeting[]> {
  const rows = await selectMeetings(db)
    .innerJoin('council_minutes as n', 'n.meeting_id', 'm.id')
    .select('n.published_at')
    .where('n.status', '=', 'published')
    .orderBy('m.starts_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ meeting: toMeeting(r), minutesPublishedAt: r.published_at! }))
}

export async function portalOverview(db: Db, now = new Date()) {
  return {
    upcoming: await listUpcomingMeetings(db, { from: now, limit: 50 }),
    past: await pastMeetingsWithMinutes(db),
  }
}

type Overview = Awaited<ReturnType<typeof portalOverview>>
const overviews = new WeakMap<Db, { key: string; overview: Overview }>()

/**
 * The portal's front page data, reused while no audited change happened (every meeting,
 * minutes and council change is audited) within the same minute (meetings pass from upcoming
 * to past as time goes; the page may be cached for a minute anyway).
 */
export async function cachedPortalOverview(db: Db, now = new Date()): Promise<Overview> {
  if (db.isTransaction) return portalOverview(db, now)
  const key = `${await auditHead(db)}:${Math.floor(now.getTime() / 60_000)}`
  const hit = overviews.get(db)
  if (hit?.key === key) return hit.overview
  const overview = await portalOverview(db, now)
  overviews.set(db, { key, overview })
  return overview
}

export interface PortalMeeting {
  meeting: Meeting
  materials: Material[]
  minutes: PublishedMinutes | null
  registered: number
}

export async function portalMeeting(db: Db, id: string): Promise<PortalMeeting> {
  const meeting = await findMeeting(db, id)
  if (!meeting || meeting.cancelledAt) throw notFound()
  const minutes = await db
    .selectFrom('council_minutes')
    .select(['id', 'redacted_text', 'published_at'])
    .where('meeting_id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return {
    meeting,
    materials: await materialsOf(db, [id]),
    minutes:
      minutes?.redacted_text && minutes.published_at
        ? {
            minutesId: minutes.id,
            meetingId: id,
            title: minutesTitle(meeting),
            text: minutes.redacted_text,
            publishedAt: minutes.published_at,
          }
        : null,
    registered: await countRegistrations(db, id),
  }
}

export async function publicMaterial(db: Db, id: string) {
  const row = await db
    .selectFrom('council_materials')
    .select('file_id')
    .where('id', '=', id)
    .executeTakeFirst()
  const file = row && (await readStoredFile(db, row.file_id))
  if (!file) throw notFound()
  return file
}

/** RFC 5545 calendar of announced meetings (recent past and future). */
export async function meetingsCalendar(db: Db, publicUrl: string): Promise<string> {
  const from = new Date(Date.now() - 90 * 86_400_000)
  const meetings = await listUpcomingMeetings(db, { from, limit: 1000 })
  const calendar = ical({
    name: '審議会等の開催予定',
    prodId: { company: 'Kaikaku', product: 'councils', language: 'JA' },
    timezone: 'Asia/Tokyo',
    url: `${publicUrl}/portal`,
  })
  for (const m of meetings) {
    calendar.createEvent({
      id: `${m.id}@kaikaku`,
      start: m.startsAt,
      end: m.endsAt ?? new Date(m.startsAt.getTime() + 2 * 3_600_000),
      stamp: m.announcedAt,
      lastModified: m.updatedAt,
      summary: `${m.councilName} ${m.title}`,
      location: m.place,
      description: [m.isPublic ? '公開' : `非公開（${m.closedReason ?? ''}）`, m.agenda]
        .filter(Boolean)
        .join('\n'),
      url: `${publicUrl}/portal/meetings/${m.id}`,
    })
  }
  return calendar.toString()
}

/** Atom feed of published minutes, newest first. */
export async function minutesFeed(db: Db, publicUrl: string): Promise<string> {
  const rows = await db
    .selectFrom('council_search_documents')
    .select(['minutes_id', 'meeting_id', 'title', 'published_at'])
    .orderBy('published_at', 'desc')
    .limit(50)
    .execute()
  const feed = new Feed({
    id: `${publicUrl}/portal`,
    title: '審議会等の議事録（新着）',
    link: `${publicUrl}/portal`,
    language: 'ja',
    updated: rows[0]?.published_at ?? new Date(0),
    copyright: '東京都',
    feedLinks: { atom: `${publicUrl}/portal/feed.atom` },
  })
  for (const r of rows) {
    feed.addItem({
      id: `${publicUrl}/portal/meetings/${r.meeting_id}#minutes-${r.minutes_id}`,
      title: r.title,
      link: `${publicUrl}/portal/meetings/${r.meeting_id}`,
      date: r.published_at,
      description: `${r.title}の議事録を公開しました。`,
    })
  }
  return feed.atom1()
}
