import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { idParam, jsonBody, requireActor } from '../../http/page.ts'
import { manualSpanSchema, minutesTextSchema, versionSchema } from './councils.schemas.ts'
import { listCouncils } from './councils.service.ts'
import {
  addSpan,
  draftMinutes,
  getMinutesReview,
  publishMinutes,
  signOffMinutes,
  submitMinutes,
} from './minutes.service.ts'

/** The staff API: minutes with their original text, for the roles that may read it. */
export const councilApiRoutes = new Hono<AppEnv>()
  .get('/', async (c) =>
    c.json({ councils: await listCouncils(c.get('deps').db, requireActor(c)) }),
  )
  .post('/meetings/:id/minutes', async (c) => {
    const actor = requireActor(c)
    const { minutesText } = await jsonBody(c, minutesTextSchema)
    const minutes = await draftMinutes(c.get('deps').db, actor, idParam(c), { text: minutesText })
    return c.json(
      { minutes: { id: minutes.id, status: minutes.status, version: minutes.version } },
      201,
    )
  })
  .get('/minutes/:id', async (c) => {
    const review = await getMinutesReview(c.get('deps').db, requireActor(c), idParam(c))
    return c.json({
      minutes: {
        id: review.minutes.id,
        meetingId: review.minutes.meetingId,
        status: review.minutes.status,
        version: review.minutes.version,
        originalText: review.minutes.originalText,
        spans: review.spans,
      },
    })
  })
  .post('/minutes/:id/spans', async (c) => {
    const actor = requireActor(c)
    const input = await jsonBody(c, manualSpanSchema)
    await addSpan(c.get('deps').db, actor, idParam(c), input)
    return c.json({ ok: true }, 201)
  })
  .post('/minutes/:id/:step{submit|approve|publish}', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const { version } = await jsonBody(c, versionSchema)
    const id = idParam(c)
    const step = c.req.param('step')
    if (step === 'submit') await submitMinutes(db, actor, id, version)
    else if (step === 'approve') await signOffMinutes(db, actor, id, version, true)
    else await publishMinutes(db, actor, id, version)
    return c.json({ ok: true })
  })
