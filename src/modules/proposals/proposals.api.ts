import { type Context, Hono } from 'hono'
import { authorize } from '../../auth/authorize.ts'
import type { AppEnv } from '../../http/context.ts'
import { AppError, badJson } from '../../http/errors.ts'
import { idParam, jsonBody, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { listCampaigns } from './campaigns.service.ts'
import { recordDecision } from './decisions.service.ts'
import { canDecide } from './proposals.policy.ts'
import { getProposalDetail, listProposals } from './proposals.read.ts'
import {
  decisionInputSchema,
  listQuerySchema,
  proposalCreateApiSchema,
  proposalPatchSchema,
  reviewInputSchema,
  windowSchema,
} from './proposals.schemas.ts'
import { createProposal, updateProposal } from './proposals.service.ts'
import { campaignRanking } from './ranking.service.ts'
import { reviewQueue, saveReview } from './review.service.ts'

const etag = (version: number) => `"${version}"`

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent → undefined; anything else → NaN. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header)
  return match ? Number(match[1]) : Number.NaN
}

function preconditionError(c: Context<AppEnv>, status: 412 | 428) {
  const t = c.get('t')
  return c.json(
    {
      error: {
        code: status === 412 ? 'precondition_failed' : 'precondition_required',
        message: status === 412 ? t('proposals.error.preconditionFailed') : t('errors.conflict'),
      },
    },
    status,
  )
}

async function detailJson(c: Context<AppEnv>, id: string) {
  const detail = await getProposalDetail(c.get('deps').db, requireActor(c), id)
  c.header('ETag', etag(detail.proposal.version))
  return {
    proposal: detail.proposal,
    // Present only for the authors and the secretariat; a blind viewer gets no such key.
    ...(detail.authors ? { authors: detail.authors } : {}),
    history: detail.history,
    decision: detail.decision,
    progress: detail.progress,
    ...(detail.myReview ? { myReview: detail.myReview } : {}),
  }
}

/** JSON API: `/api/v1/campaigns/…`, `/api/v1/proposals/…`, `/api/v1/reviews/…`. */
export const proposalsApiRoutes = new Hono<AppEnv>()
  .get('/campaigns', async (c) =>
    c.json({ campaigns: await listCampaigns(c.get('deps').db, requireActor(c)) }),
  )
  .get('/campaigns/:id/ranking', async (c) =>
    c.json({ ranking: await campaignRanking(c.get('deps').db, requireActor(c), idParam(c)) }),
  )
  .post('/campaigns/:id/proposals', async (c) => {
    const actor = requireActor(c)
    const input = await jsonBody(c, proposalCreateApiSchema)
    const proposal = await createProposal(c.get('deps').db, actor, idParam(c), input, {
      submit: input.submit,
    })
    c.header('ETag', etag(proposal.version))
    c.header('Location', `/api/v1/proposals/${proposal.id}`)
    return c.json({ id: proposal.id, version: proposal.version, status: proposal.status }, 201)
  })
  .get('/proposals', async (c) => {
    const actor = requireActor(c)
    const { limit, offset, ...filter } = parseInput(listQuerySchema, c.req.query())
    const slice = await listProposals(c.get('deps').db, actor, filter, { limit, offset })
    return c.json({ proposals: slice.items, total: slice.total, limit, offset })
  })
  .get('/proposals/:id', async (c) => c.json(await detailJson(c, idParam(c))))
  .patch('/proposals/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    let raw: Record<string, unknown>
    try {
      raw = await c.req.json()
    } catch {
      throw badJson()
    }
    const patch = parseInput(proposalPatchSchema, raw)
    const ifMatch = ifMatchVersion(c.req.header('if-match'))
    if (ifMatch === undefined && patch.version === undefined) return preconditionError(c, 428)
    const current = await getProposalDetail(db, actor, id)
    const { proposal } = current
    if (ifMatch !== undefined && ifMatch !== proposal.version) return preconditionError(c, 412)
    const version = ifMatch ?? patch.version!
    // Only the fields the client named change; areaUnitId is named when the key is present.
    const { submit, version: _, areaUnitId, ...named } = patch
    const fields = Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined))
    const coAuthorIds = (current.authors ?? []).filter((a) => !a.isLead).map((a) => a.userId)
    const emails = coAuthorIds.length
      ? (await db.selectFrom('users').select('email').where('id', 'in', coAuthorIds).execute()).map(
          (u) => u.email,
        )
      : []
    try {
      const saved = await updateProposal(
        db,
        actor,
        id,
        {
          title: proposal.title,
          areaUnitId: 'areaUnitId' in raw ? areaUnitId : proposal.areaUnitId,
          problem: proposal.problem,
          solution: proposal.solution,
          method: proposal.method,
          caveats: proposal.caveats,
          coAuthors: emails.join('\n'),
          ...fields,
          version,
        },
        { submit: !!submit },
      )
      c.header('ETag', etag(saved.version))
      return c.json({ proposal: saved })
    } catch (error) {
      // Someone saved between our read and our write: with If-Match that is a failed precondition.
      if (
        error instanceof AppError &&
        error.messageKey === 'errors.conflict' &&
        ifMatch !== undefined
      )
        return preconditionError(c, 412)
      throw error
    }
  })
  .put('/proposals/:id/review', async (c) => {
    const review = await saveReview(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, reviewInputSchema),
    )
    return c.json({ review })
  })
  .post('/proposals/:id/decision', async (c) => {
    const id = idParam(c)
    authorize(requireActor(c), canDecide)
    await recordDecision(
      c.get('deps').db,
      requireActor(c),
      id,
      await jsonBody(c, decisionInputSchema),
    )
    return c.json(await detailJson(c, id), 201)
  })
  .get('/reviews/queue', async (c) => {
    const actor = requireActor(c)
    const window = parseInput(windowSchema, c.req.query())
    const { items, total, unreviewed } = await reviewQueue(c.get('deps').db, actor, window)
    return c.json({ queue: items, total, unreviewed, ...window })
  })
