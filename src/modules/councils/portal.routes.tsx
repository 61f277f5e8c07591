import { type Context, Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext } from '../../http/page.ts'
import { fileDownload } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { galleryRegistrationSchema } from './councils.schemas.ts'
import { listUpcomingMeetings, registerForGallery } from './councils.service.ts'
import {
  cachedPortalOverview,
  meetingsCalendar,
  minutesFeed,
  portalLastModified,
  portalMeeting,
  publicMaterial,
} from './portal.service.ts'
import { PortalMeetingPage, PortalPage, PortalSearchPage } from './portal.views.tsx'
import { searchDocuments } from './search.ts'

/**
 * Portal pages may be cached: shared caches keep what anonymous visitors see for a minute;
 * a signed-in member of staff's page (with their name and a sign-out token) only privately.
 */
async function cacheHeaders(c: Context<AppEnv>, shared = true) {
  const lastModified = await portalLastModified(c.get('deps').db)
  c.header('Last-Modified', lastModified.toUTCString())
  c.header('Cache-Control', shared && !c.get('actor') ? 'public, max-age=60' : 'private, no-cache')
  c.header('Vary', 'Cookie, Accept-Language')
}

const MAX_QUERY = 100

export const portalRoutes = new Hono<AppEnv>()
  .use(etag())
  .get('/', async (c) => {
    await cacheHeaders(c)
    const overview = await cachedPortalOverview(c.get('deps').db)
    return c.html(<PortalPage page={await pageContext(c)} {...overview} />)
  })
  .get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, MAX_QUERY)
    await cacheHeaders(c)
    const result = await searchDocuments(c.get('deps').db, q, { limit: 20 })
    return c.html(<PortalSearchPage page={await pageContext(c)} q={q} result={result} />)
  })
  .get('/calendar.ics', async (c) => {
    await cacheHeaders(c)
    const body = await meetingsCalendar(c.get('deps').db, c.get('deps').config.publicUrl)
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' })
  })
  .get('/feed.atom', async (c) => {
    await cacheHeaders(c)
    const body = await minutesFeed(c.get('deps').db, c.get('deps').config.publicUrl)
    return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
  })
  .get('/meetings/:id', async (c) => {
    const detail = await portalMeeting(c.get('deps').db, idParam(c))
    // The page carries a registration form with this visitor's CSRF token: private only.
    await cacheHeaders(c, false)
    return c.html(
      <PortalMeetingPage page={await pageContext(c)} detail={detail} notice={noticeOf(c)} />,
    )
  })
  .post('/meetings/:id/register', async (c) => {
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await registerForGallery(db, id, parseInput(galleryRegistrationSchema, fields))
      return c.redirect(`/portal/meetings/${id}?notice=councils.notice.registered`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      const detail = await portalMeeting(db, id)
      return c.html(
        <PortalMeetingPage
          page={await pageContext(c)}
          detail={detail}
          errors={errors}
          values={fields}
        />,
        errors._ ? 409 : 400,
      )
    }
  })
  .get('/materials/:id', async (c) => {
    const { info, bytes } = await publicMaterial(c.get('deps').db, idParam(c))
    return fileDownload(c, info, bytes)
  })

/** The portal's data as JSON, for anyone: upcoming meetings and search over published minutes. */
export const portalApiRoutes = new Hono<AppEnv>()
  .get('/meetings', async (c) => {
    const meetings = await listUpcomingMeetings(c.get('deps').db, { limit: 100 })
    return c.json({
      meetings: meetings.map((m) => ({
        id: m.id,
        council: m.councilName,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt?.toISOString() ?? null,
        place: m.place,
        isPublic: m.isPublic,
        closedReason: m.closedReason,
      })),
    })
  })
  .get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, MAX_QUERY)
    const { hits, total, totalIsEstimate } = await searchDocuments(c.get('deps').db, q, {
      limit: 50,
    })
    return c.json({
      total,
      totalIsEstimate,
      hits: hits.map((h) => ({
        minutesId: h.minutesId,
        meetingId: h.meetingId,
        title: h.title,
        publishedAt: h.publishedAt.toISOString(),
        score: h.score,
        snippet: `${h.snippet.before}${h.snippet.match}${h.snippet.after}`,
      })),
    })
  })
