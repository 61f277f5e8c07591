import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../http/context.ts'
import { idParam, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { getReview, listReviews } from './programs.reviews.ts'
import { registryFilterSchema } from './programs.schemas.ts'
import { getProgram, listPrograms } from './programs.service.ts'

export const reviewListQuerySchema = z.object({
  status: z.enum(['draft', 'submitted', 'decided']).optional(),
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
})

/** The registry and the review sheets as JSON (`/api/v1/programs`). */
export const programApiRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const filter = parseInput(registryFilterSchema, c.req.query())
    const data = await listPrograms(c.get('deps').db, requireActor(c), {
      fiscalYear: filter.fiscalYear,
      departmentId: filter.department,
      q: filter.q,
      page: filter.page,
    })
    return c.json({
      fiscalYear: data.fiscalYear,
      total: data.total,
      page: data.page,
      pages: data.pages,
      programs: data.rows,
    })
  })
  .get('/reviews', async (c) => {
    const filter = parseInput(reviewListQuerySchema, c.req.query())
    const reviews = await listReviews(c.get('deps').db, requireActor(c), {
      status: filter.status ?? null,
      fiscalYear: filter.fiscalYear ?? null,
    })
    return c.json({ reviews: reviews })
  })
  .get('/reviews/:id', async (c) =>
    c.json(await getReview(c.get('deps').db, requireActor(c), idParam(c))),
  )
  .get('/:id', async (c) => {
    const detail = await getProgram(c.get('deps').db, requireActor(c), idParam(c))
    return c.json({
      program: detail.program,
      years: detail.years,
      reviews: detail.reviews,
    })
  })
