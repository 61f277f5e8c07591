import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import {
  formFields,
  idParam,
  jsonBody,
  noticeOf,
  pageContext,
  requireActor,
} from '../../http/page.ts'
import { fileDownload, formWithFiles } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import {
  agendaFreeSchema,
  agendaPullSchema,
  attendanceSchema,
  decisionSchema,
  materialSchema,
  meetingInputSchema,
} from './hq.schemas.ts'
import {
  addFreeAgendaItem,
  addMaterial,
  createMeeting,
  decideAgendaItem,
  getMeeting,
  listMeetings,
  meetingOfItem,
  pullAgendaItem,
  readMaterialFile,
  recordAttendance,
} from './hq.service.ts'
import type { AgendaSource } from './hq.types.ts'
import { MeetingPage, MeetingsPage } from './hq.views.tsx'

/** Repeated checkboxes arrive as a list. */
async function fieldsWithLists(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true })
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const list = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    )
    out[key] = list.length === 1 ? list[0]! : list
  }
  return out
}

/**
 * HQ's pages, built with the agenda sources the app composition hands in (the modules whose
 * records wait for HQ's decision). No registry: the sources are a parameter.
 */
export function createHqRoutes(sources: AgendaSource[]) {
  /** Runs a meeting-page form; a rejected input re-renders the meeting with its messages. */
  async function onMeeting(c: Context<AppEnv>, meetingId: string, run: () => Promise<unknown>) {
    try {
      await run()
      return c.redirect(`/hq/meetings/${meetingId}?notice=common.saved`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      const detail = await getMeeting(c.get('deps').db, requireActor(c), sources, meetingId)
      return c.html(
        <MeetingPage page={await pageContext(c)} detail={detail} errors={errors} />,
        errors._ ? 409 : 400,
      )
    }
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { meetings, canRun } = await listMeetings(c.get('deps').db, requireActor(c))
      return c.html(
        <MeetingsPage
          page={await pageContext(c)}
          meetings={meetings}
          canRun={canRun}
          notice={noticeOf(c)}
        />,
      )
    })
    .post('/meetings', async (c) => {
      const actor = requireActor(c)
      const { db } = c.get('deps')
      const fields = await formFields(c)
      try {
        const meeting = await createMeeting(db, actor, parseInput(meetingInputSchema, fields))
        return c.redirect(`/hq/meetings/${meeting.id}?notice=common.created`, 303)
      } catch (error) {
        const errors = formErrorsOf(error, c.get('t'))
        if (!errors) throw error
        const { meetings, canRun } = await listMeetings(db, actor)
        return c.html(
          <MeetingsPage
            page={await pageContext(c)}
            meetings={meetings}
            canRun={canRun}
            errors={errors}
            values={fields}
          />,
          400,
        )
      }
    })
    .get('/meetings/:id', async (c) => {
      const detail = await getMeeting(c.get('deps').db, requireActor(c), sources, idParam(c))
      return c.html(
        <MeetingPage page={await pageContext(c)} detail={detail} notice={noticeOf(c)} />,
      )
    })
    .post('/meetings/:id/agenda', async (c) => {
      const id = idParam(c)
      const fields = await formFields(c)
      return onMeeting(c, id, () =>
        pullAgendaItem(
          c.get('deps').db,
          requireActor(c),
          sources,
          id,
          parseInput(agendaPullSchema, fields),
        ),
      )
    })
    .post('/meetings/:id/agenda-free', async (c) => {
      const id = idParam(c)
      const fields = await formFields(c)
      return onMeeting(c, id, () =>
        addFreeAgendaItem(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(agendaFreeSchema, fields),
        ),
      )
    })
    .post('/meetings/:id/materials', async (c) => {
      const id = idParam(c)
      const { fields, files } = await formWithFiles(c)
      const { materialTitle, ...rest } = fields
      return onMeeting(c, id, () =>
        addMaterial(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(materialSchema, { ...rest, title: materialTitle }),
          files.materialFile?.[0],
        ),
      )
    })
    .get('/meetings/:id/materials/:materialId/file', async (c) => {
      const { info, bytes } = await readMaterialFile(
        c.get('deps').db,
        requireActor(c),
        idParam(c),
        idParam(c, 'materialId'),
      )
      return fileDownload(c, info, bytes)
    })
    .post('/meetings/:id/attendance', async (c) => {
      const id = idParam(c)
      const fields = await fieldsWithLists(c)
      return onMeeting(c, id, () =>
        recordAttendance(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(attendanceSchema, fields),
        ),
      )
    })
    .post('/agenda/:id/decision', async (c) => {
      // Signed-out callers learn nothing about which agenda items exist.
      requireActor(c)
      const itemId = idParam(c)
      const meetingId = await meetingOfItem(c.get('deps').db, itemId)
      const fields = await formFields(c)
      return onMeeting(c, meetingId, () =>
        decideAgendaItem(
          c.get('deps').db,
          requireActor(c),
          sources,
          itemId,
          parseInput(decisionSchema, fields),
        ),
      )
    })
}

export function createHqApiRoutes(sources: AgendaSource[]) {
  return new Hono<AppEnv>()
    .get('/meetings', async (c) => c.json(await listMeetings(c.get('deps').db, requireActor(c))))
    .post('/meetings', async (c) => {
      const meeting = await createMeeting(
        c.get('deps').db,
        requireActor(c),
        await jsonBody(c, meetingInputSchema),
      )
      return c.json({ meeting }, 201)
    })
    .get('/meetings/:id', async (c) =>
      c.json(await getMeeting(c.get('deps').db, requireActor(c), sources, idParam(c))),
    )
    .post('/meetings/:id/agenda', async (c) => {
      const id = await pullAgendaItem(
        c.get('deps').db,
        requireActor(c),
        sources,
        idParam(c),
        await jsonBody(c, agendaPullSchema),
      )
      return c.json({ id }, 201)
    })
    .post('/agenda/:id/decision', async (c) => {
      await decideAgendaItem(
        c.get('deps').db,
        requireActor(c),
        sources,
        idParam(c),
        await jsonBody(c, decisionSchema),
      )
      return c.json({ ok: true })
    })
}
