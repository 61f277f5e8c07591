import { type Context, Hono } from 'hono'
import { hasRoleOver } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { currentYear, fieldsWithLists, form } from './initiatives.http.ts'
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
} from './reports.views.tsx'
import { enterWlbFigures, getWlb, setWlbTarget } from './wlb.service.ts'
import { WlbPage } from './wlb.views.tsx'

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
  .post('/units/:id/wlb-target', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const unitId = idParam(c)
    const fields = await formFields(c)
    return form(
      c,
      async () => {
        const input = parseInput(wlbTargetSchema, {
          fiscalYear: fields.fiscalYear,
          overtimeHours: fields.targetOvertimeHours,
          leaveDays: fields.targetLeaveDays,
        })
        await setWlbTarget(db, actor, unitId, input)
        return `/initiatives/units/${unitId}/wlb?fy=${input.fiscalYear}&notice=common.saved`
      },
      async (errors) => {
        const view = await getWlb(
          db,
          actor,
          unitId,
          Number(fields.fiscalYear) || (await currentYear(c)),
        )
        const renamed = Object.fromEntries(
          Object.entries(errors).map(([k, m]) => [
            k === 'overtimeHours'
              ? 'targetOvertimeHours'
              : k === 'leaveDays'
                ? 'targetLeaveDays'
                : k,
            m,
          ]),
        )
        return c.html(
          <WlbPage page={await pageContext(c)} view={view} errors={renamed} values={fields} />,
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
