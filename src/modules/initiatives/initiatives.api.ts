import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { idParam, jsonBody, requireActor } from '../../http/page.ts'
import { currentYear } from './initiatives.http.ts'
import {
  hqReportSchema,
  initiativeUpdateSchema,
  midtermCheckSchema,
  wlbFigureSchema,
  wlbTargetSchema,
} from './initiatives.schemas.ts'
import {
  fileMidtermCheck,
  getInitiative,
  listInitiatives,
  updateInitiative,
} from './initiatives.service.ts'
import { submitHqReport } from './reports.service.ts'
import { enterWlbFigures, getWlb, setWlbTarget } from './wlb.service.ts'

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
