import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { idParam, jsonBody, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { createAction, getAction, listActions, updateAction } from './actions.service.ts'
import { listAudiences } from './audiences.service.ts'
import { findings, getMatrix } from './matrix.service.ts'
import { createMedium, deleteMedium, getMedium, listMedia, updateMedium } from './media.service.ts'
import {
  actionInputSchema,
  actionUpdateSchema,
  matrixFilterSchema,
  mediaFilterSchema,
  mediumInputSchema,
  mediumUpdateSchema,
} from './pr.schemas.ts'
import { getSurvey, listSurveys } from './survey.service.ts'

/** The inventory, the matrix, the actions and the survey as JSON (`/api/v1/pr`). */
export const prApiRoutes = new Hono<AppEnv>()
  .get('/media', async (c) => {
    const filter = parseInput(mediaFilterSchema, c.req.query())
    return c.json({ media: await listMedia(c.get('deps').db, requireActor(c), filter) })
  })
  .post('/media', async (c) => {
    const { db } = c.get('deps')
    const actor = requireActor(c)
    const id = await createMedium(db, actor, await jsonBody(c, mediumInputSchema))
    return c.json({ medium: (await getMedium(db, actor, id)).medium }, 201)
  })
  .get('/media/:id', async (c) =>
    c.json({ medium: (await getMedium(c.get('deps').db, requireActor(c), idParam(c))).medium }),
  )
  .put('/media/:id', async (c) => {
    const { db } = c.get('deps')
    const actor = requireActor(c)
    const id = idParam(c)
    await updateMedium(db, actor, id, await jsonBody(c, mediumUpdateSchema))
    return c.json({ medium: (await getMedium(db, actor, id)).medium })
  })
  .delete('/media/:id', async (c) => {
    await deleteMedium(c.get('deps').db, requireActor(c), idParam(c))
    return c.body(null, 204)
  })
  .get('/audiences', async (c) =>
    c.json({ audiences: await listAudiences(c.get('deps').db, requireActor(c)) }),
  )
  .get('/matrix', async (c) => {
    const filter = parseInput(matrixFilterSchema, c.req.query())
    const { canAct: _, ...matrix } = await getMatrix(c.get('deps').db, requireActor(c), filter)
    return c.json({ ...matrix, findings: findings(matrix) })
  })
  .get('/actions', async (c) =>
    c.json({ actions: await listActions(c.get('deps').db, requireActor(c)) }),
  )
  .post('/actions', async (c) => {
    const { db } = c.get('deps')
    const actor = requireActor(c)
    const id = await createAction(db, actor, await jsonBody(c, actionInputSchema))
    return c.json({ action: (await getAction(db, actor, id)).action }, 201)
  })
  .put('/actions/:id', async (c) => {
    const { db } = c.get('deps')
    const actor = requireActor(c)
    const id = idParam(c)
    await updateAction(db, actor, id, await jsonBody(c, actionUpdateSchema))
    return c.json({ action: (await getAction(db, actor, id)).action })
  })
  .get('/surveys', async (c) =>
    c.json({ surveys: await listSurveys(c.get('deps').db, requireActor(c)) }),
  )
  .get('/surveys/:id', async (c) => {
    const { survey, units } = await getSurvey(c.get('deps').db, requireActor(c), idParam(c))
    return c.json({ survey, units })
  })
