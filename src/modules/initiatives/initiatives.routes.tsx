import { type Context, Hono } from 'hono'
import { hasRoleOver } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/context.ts'
import {
  formFields,
  idParam,
  jsonBody,
  noticeOf,
  pageContext,
  requireActor,
} from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { demoFiscalYear } from '../schedule/index.ts'
import {
  feedbackSchema,
  hqReportSchema,
  initiativeUpdateSchema,
  midtermCheckSchema,
  reportMeetingSchema,
  wlbFigureSchema,
  wlbTargetSchema,
} from './initiatives.schemas.ts'
import {
  fileMidtermCheck,
  fiscalYears,
  getInitiative,
  listInitiatives,
  updateInitiative,
  writeFeedback,
} from './initiatives.service.ts'
import { InitiativePage, InitiativesPage } from './initiatives.views.tsx'
import {
  createReportMeeting,
  getHqReport,
  getReportMeeting,
  listHqReports,
  listReportMeetings,
  submitHqReport,
} from './reports.service.ts'
import {
  HqReportPage,
  HqReportsPage,
  ReportMeetingPage,
  ReportMeetingsPage,
  WlbPage,
} from './reports.views.tsx'
import { enterWlbFigures, getWlb, setWlbTarget } from './wlb.service.ts'

async function currentYear(c: Context<AppEnv>): Promise<number> {
  const asked = Number(c.req.query('fy'))
  if (Number.isInteger(asked) && asked >= 2000 && asked <= 2100) return asked
  return (await fiscalYears(c.get('deps').db))[0] ?? demoFiscalYear()
}

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

/** Runs a form; a rejected input re-renders the page with its messages (400, or 409 when stale). */
async function form(
  c: Context<AppEnv>,
  run: () => Promise<string>,
  render: (errors: Record<string, string[]>) => Promise<Response>,
) {
  try {
    return c.redirect(await run(), 303)
  } catch (error) {
    const errors = formErrorsOf(error, c.get('t'))
    if (!errors) throw error
    const res = await render(errors)
    return new Response(res.body, { status: errors._ ? 409 : 400, headers: res.headers })
  }
}

async function initiativePage(
  c: Context<AppEnv>,
  id: string,
  errors?: Record<string, string[]>,
  values?: Record<string, string>,
) {
  const detail = await getInitiative(c.get('deps').db, requireActor(c), id)
  return c.html(
    <InitiativePage
      page={await pageContext(c)}
      {...detail}
      errors={errors ?? null}
      values={values}
      notice={noticeOf(c)}
    />,
  )
}

export const initiativesRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const fiscalYear = await currentYear(c)
    const initiatives = await listInitiatives(c.get('deps').db, actor, { fiscalYear })
    const mine = new Map<string, string>()
    for (const i of initiatives)
      if (
        hasRoleOver(actor, i.unitPath, 'office_manager', 'dept_lead') &&
        actor.grants.some((g) => g.scopePath)
      )
        mine.set(i.unitId, i.unitLabel)
    return c.html(
      <InitiativesPage
        page={await pageContext(c)}
        initiatives={initiatives}
        fiscalYear={fiscalYear}
        myUnits={[...mine].map(([id, name]) => ({ id, name }))}
      />,
    )
  })
  .get('/report-meetings', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const { meetings, canCoordinate } = await listReportMeetings(db, actor)
    const initiatives = await listInitiatives(db, actor, { fiscalYear: await currentYear(c) })
    return c.html(
      <ReportMeetingsPage
        page={await pageContext(c)}
        meetings={meetings}
        canCoordinate={canCoordinate}
        initiatives={initiatives}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/report-meetings', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fields = await fieldsWithLists(c)
    const fiscalYear = await currentYear(c)
    return form(
      c,
      async () =>
        `/initiatives/report-meetings/${await createReportMeeting(db, actor, fiscalYear, parseInput(reportMeetingSchema, fields))}?notice=common.created`,
      async (errors) => {
        const { meetings, canCoordinate } = await listReportMeetings(db, actor)
        const initiatives = await listInitiatives(db, actor, { fiscalYear })
        return c.html(
          <ReportMeetingsPage
            page={await pageContext(c)}
            meetings={meetings}
            canCoordinate={canCoordinate}
            initiatives={initiatives}
            errors={errors}
            values={fields as Record<string, string>}
          />,
        )
      },
    )
  })
  .get('/report-meetings/:id', async (c) => {
    const meeting = await getReportMeeting(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<ReportMeetingPage page={await pageContext(c)} meeting={meeting} />)
  })
  .get('/reports', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fiscalYear = await currentYear(c)
    const { reports, canCoordinate } = await listHqReports(db, actor)
    const ready = (await listInitiatives(db, actor, { fiscalYear })).filter(
      (i) => i.check && !i.hqReportId,
    ).length
    return c.html(
      <HqReportsPage
        page={await pageContext(c)}
        reports={reports}
        canCoordinate={canCoordinate}
        fiscalYear={fiscalYear}
        ready={ready}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/reports', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fields = await formFields(c)
    return form(
      c,
      async () =>
        `/initiatives/reports/${await submitHqReport(db, actor, parseInput(hqReportSchema, fields))}?notice=common.created`,
      async (errors) => {
        const fiscalYear = await currentYear(c)
        const { reports, canCoordinate } = await listHqReports(db, actor)
        const ready = (await listInitiatives(db, actor, { fiscalYear })).filter(
          (i) => i.check && !i.hqReportId,
        ).length
        return c.html(
          <HqReportsPage
            page={await pageContext(c)}
            reports={reports}
            canCoordinate={canCoordinate}
            fiscalYear={fiscalYear}
            ready={ready}
            errors={errors}
            values={fields}
          />,
        )
      },
    )
  })
  .get('/reports/:id', async (c) => {
    const report = await getHqReport(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<HqReportPage page={await pageContext(c)} report={report} />)
  })
  .get('/units/:id/wlb', async (c) => {
    const view = await getWlb(c.get('deps').db, requireActor(c), idParam(c), await currentYear(c))
    return c.html(<WlbPage page={await pageContext(c)} view={view} notice={noticeOf(c)} />)
  })
  .post('/units/:id/wlb', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const unitId = idParam(c)
    const fields = await formFields(c)
    return form(
      c,
      async () => {
        const input = parseInput(wlbFigureSchema, fields)
        await enterWlbFigures(db, actor, unitId, input)
        // Back to the fiscal year the month belongs to (March belongs to the year before).
        const [year, month] = input.month.split('-').map(Number) as [number, number]
        return `/initiatives/units/${unitId}/wlb?fy=${month >= 4 ? year : year - 1}&notice=common.saved`
      },
      async (errors) => {
        const view = await getWlb(db, actor, unitId, await currentYear(c))
        return c.html(
          <WlbPage page={await pageContext(c)} view={view} errors={errors} values={fields} />,
        )
      },
    )
  })
  .get('/:id', async (c) => initiativePage(c, idParam(c)))
  .post('/:id', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return form(
      c,
      async () => {
        await updateInitiative(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(initiativeUpdateSchema, fields),
        )
        return `/initiatives/${id}?notice=common.saved`
      },
      (errors) => initiativePage(c, id, errors, fields),
    )
  })
  .post('/:id/midterm', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return form(
      c,
      async () => {
        await fileMidtermCheck(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(midtermCheckSchema, fields),
        )
        return `/initiatives/${id}?notice=initiatives.checkFiled`
      },
      (errors) => initiativePage(c, id, errors, fields),
    )
  })
  .post('/:id/feedback', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return form(
      c,
      async () => {
        await writeFeedback(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(feedbackSchema, fields),
        )
        return `/initiatives/${id}?notice=common.saved`
      },
      (errors) => initiativePage(c, id, errors, fields),
    )
  })

export const initiativesApiRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const initiatives = await listInitiatives(c.get('deps').db, requireActor(c), {
      fiscalYear: await currentYear(c),
    })
    return c.json({ initiatives })
  })
  .get('/:id', async (c) =>
    c.json(await getInitiative(c.get('deps').db, requireActor(c), idParam(c))),
  )
  .put('/:id', async (c) => {
    await updateInitiative(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, initiativeUpdateSchema),
    )
    return c.json({ ok: true })
  })
  .put('/:id/midterm', async (c) => {
    await fileMidtermCheck(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, midtermCheckSchema),
    )
    return c.json({ ok: true })
  })
  .get('/units/:id/wlb', async (c) =>
    c.json(await getWlb(c.get('deps').db, requireActor(c), idParam(c), await currentYear(c))),
  )
  .post('/units/:id/wlb', async (c) => {
    await enterWlbFigures(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, wlbFigureSchema),
    )
    return c.json({ ok: true }, 201)
  })
  .put('/units/:id/wlb-target', async (c) => {
    await setWlbTarget(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, wlbTargetSchema),
    )
    return c.json({ ok: true })
  })
  .post('/reports', async (c) => {
    const id = await submitHqReport(
      c.get('deps').db,
      requireActor(c),
      await jsonBody(c, hqReportSchema),
    )
    return c.json({ id }, 201)
  })
