import { type Context, Hono } from 'hono'
import type { HtmlEscapedString } from 'hono/utils/html'
import { hasRole } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/context.ts'
import { forbidden } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { formWithFiles } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { listUnits } from '../org/index.ts'
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  reviewGroupChoices,
} from './campaigns.service.ts'
import {
  AwaitingPage,
  CampaignFormPage,
  CampaignPage,
  ProposalsHomePage,
} from './campaigns.views.tsx'
import { proposalDashboard } from './dashboard.service.ts'
import { AdoptedPage, DashboardPage } from './dashboard.views.tsx'
import { listAdopted, listAwaitingDecision, shortlistProposals } from './decisions.service.ts'
import { ProposalFormPage, SimilarList } from './form.views.tsx'
import { loadPage } from './paging.ts'
import { proposalItemRoutes } from './proposal.routes.tsx'
import { canDecide, canManageCampaigns, canSeeRanking, canSubmitTo } from './proposals.policy.ts'
import { listProposals, similarProposals } from './proposals.read.ts'
import {
  campaignFormToInput,
  pageFilterSchema,
  pageNumber,
  proposalDraftSchema,
  shortlistInputSchema,
} from './proposals.schemas.ts'
import { createProposal, isOpen } from './proposals.service.ts'
import { campaignRanking, reportWorkbook, shortlistReport } from './ranking.service.ts'
import { RankingPage, ReportPage } from './ranking.views.tsx'
import { assignReviewers, reviewQueue } from './review.service.ts'
import { ReviewQueuePage } from './review.views.tsx'

export async function renderFormError(
  c: Context<AppEnv>,
  error: unknown,
  render: (errors: Record<string, string[]>) => Promise<HtmlEscapedString>,
) {
  const errors = formErrorsOf(error, c.get('t'))
  if (!errors) throw error
  return c.html(await render(errors), errors._ ? 409 : 400)
}

export async function unitChoices(c: Context<AppEnv>) {
  const units = await listUnits(c.get('deps').db, requireActor(c))
  return units.filter((u) => u.kind !== 'government').map((u) => ({ id: u.id, name: u.name }))
}

/** The text the similarity check looks at: the title and the four fields as typed. */
export const similarText = (f: {
  title?: string
  problem?: string
  solution?: string
  method?: string
  caveats?: string
}) => [f.title, f.problem, f.solution, f.method, f.caveats].filter(Boolean).join('\n')

export const proposalsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const page = await pageContext(c)
    const { t } = page
    const links = [
      hasRole(actor, 'reviewer')
        ? { href: '/proposals/review', label: t('proposals.review.queue') }
        : null,
      canSeeRanking(actor)
        ? { href: '/proposals/dashboard', label: t('proposals.dashboard') }
        : null,
      canDecide(actor) ? { href: '/proposals/awaiting', label: t('proposals.awaiting') } : null,
      { href: '/proposals/adopted', label: t('proposals.adopted') },
    ].filter((l) => l !== null)
    const campaigns = (await listCampaigns(db, actor)).map((k) => ({ ...k, open: isOpen(k) }))
    return c.html(
      <ProposalsHomePage
        page={page}
        campaigns={campaigns}
        mine={
          await loadPage(pageNumber(c.req.query('page')), (w) =>
            listProposals(db, actor, { mine: true }, w),
          )
        }
        links={links}
        canCreate={canManageCampaigns(actor)}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/similar', async (c) => {
    const items = await similarProposals(
      c.get('deps').db,
      requireActor(c),
      (c.req.query('text') ?? '').slice(0, 20_000),
      /^[0-9a-f-]{36}$/.test(c.req.query('exclude') ?? '') ? c.req.query('exclude') : undefined,
    )
    if ((c.req.header('accept') ?? '').includes('application/json'))
      return c.json({ similar: items })
    return c.html(<SimilarList t={c.get('t')} items={items} />)
  })
  .get('/review', async (c) => {
    const actor = requireActor(c)
    const queue = await loadPage(pageNumber(c.req.query('page')), (w) =>
      reviewQueue(c.get('deps').db, actor, w),
    )
    return c.html(<ReviewQueuePage page={await pageContext(c)} queue={queue} />)
  })
  .get('/awaiting', async (c) => {
    const proposals = await listAwaitingDecision(c.get('deps').db, requireActor(c))
    const page = await pageContext(c)
    return c.html(<AwaitingPage page={page} proposals={proposals} />)
  })
  .get('/adopted', async (c) => {
    const items = await listAdopted(c.get('deps').db, requireActor(c))
    return c.html(<AdoptedPage page={await pageContext(c)} items={items} />)
  })
  .get('/dashboard', async (c) => {
    const dashboard = await proposalDashboard(c.get('deps').db, requireActor(c))
    return c.html(<DashboardPage page={await pageContext(c)} dashboard={dashboard} />)
  })
  .get('/campaigns/new', async (c) => {
    const actor = requireActor(c)
    if (!canManageCampaigns(actor)) throw forbidden()
    return c.html(
      <CampaignFormPage
        page={await pageContext(c)}
        groups={await reviewGroupChoices(c.get('deps').db)}
        values={{}}
      />,
    )
  })
  .post('/campaigns', async (c) => {
    const actor = requireActor(c)
    // Authorise before validating: a form from someone who may not create campaigns is a 403.
    if (!canManageCampaigns(actor)) throw forbidden()
    const { db } = c.get('deps')
    const fields = await formFields(c)
    try {
      const campaign = await createCampaign(db, actor, campaignFormToInput(fields))
      return c.redirect(`/proposals/campaigns/${campaign.id}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <CampaignFormPage
          page={await pageContext(c)}
          groups={await reviewGroupChoices(db)}
          values={fields}
          errors={errors}
        />
      ))
    }
  })
  .get('/campaigns/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const campaign = await getCampaign(db, actor, idParam(c))
    const canManage = canManageCampaigns(actor)
    const filter = parseInput(pageFilterSchema, {
      status: c.req.query('status'),
      q: c.req.query('q'),
    })
    const proposals = canManage
      ? await loadPage(pageNumber(c.req.query('page')), (w) =>
          listProposals(db, actor, { ...filter, campaign: campaign.id }, w),
        )
      : null
    return c.html(
      <CampaignPage
        page={await pageContext(c)}
        campaign={campaign}
        open={isOpen(campaign)}
        canPropose={canSubmitTo(actor, campaign)}
        canManage={canManage}
        canRank={canSeeRanking(actor)}
        proposals={proposals}
        filter={filter}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/campaigns/:id/assign', async (c) => {
    const id = idParam(c)
    const result = await assignReviewers(c.get('deps').db, requireActor(c), id)
    return c.redirect(
      `/proposals/campaigns/${id}?notice=${result.unassignable ? 'proposals.notice.assignedPartly' : 'proposals.notice.assigned'}`,
      303,
    )
  })
  .get('/campaigns/:id/ranking', async (c) => {
    const actor = requireActor(c)
    const ranking = await campaignRanking(c.get('deps').db, actor, idParam(c))
    return c.html(
      <RankingPage
        page={await pageContext(c)}
        ranking={ranking}
        canShortlist={canManageCampaigns(actor)}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/campaigns/:id/shortlist', async (c) => {
    const actor = requireActor(c)
    const id = idParam(c)
    const body = await c.req.parseBody({ all: true })
    const raw = body.proposalIds
    const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
      (v): v is string => typeof v === 'string',
    )
    const input = parseInput(shortlistInputSchema, { proposalIds: ids })
    await shortlistProposals(c.get('deps').db, actor, id, input.proposalIds)
    return c.redirect(`/proposals/campaigns/${id}/ranking?notice=proposals.notice.shortlisted`, 303)
  })
  .get('/campaigns/:id/report', async (c) => {
    const ranking = await shortlistReport(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<ReportPage page={await pageContext(c)} ranking={ranking} />)
  })
  .get('/campaigns/:id/report.xlsx', async (c) => {
    const ranking = await shortlistReport(c.get('deps').db, requireActor(c), idParam(c))
    const bytes = await reportWorkbook(ranking.campaign, ranking.rows, ranking.alpha)
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(`${ranking.campaign.title}_報告.xlsx`)}`,
      'Cache-Control': 'private, no-store',
    })
  })
  .get('/campaigns/:id/new', async (c) => {
    const campaign = await getCampaign(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <ProposalFormPage
        page={await pageContext(c)}
        campaign={campaign}
        units={await unitChoices(c)}
        values={{}}
      />,
    )
  })
  .post('/campaigns/:id/proposals', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const campaign = await getCampaign(db, actor, idParam(c))
    const { fields, files } = await formWithFiles(c)
    const render = async (
      errors: Record<string, string[]> | null,
      similar: Awaited<ReturnType<typeof similarProposals>> | null,
    ) => (
      <ProposalFormPage
        page={await pageContext(c)}
        campaign={campaign}
        units={await unitChoices(c)}
        values={fields}
        errors={errors}
        similar={similar}
      />
    )
    if (fields.action === 'similar') {
      return c.html(await render(null, await similarProposals(db, actor, similarText(fields))))
    }
    try {
      const input = parseInput(proposalDraftSchema, fields)
      const proposal = await createProposal(db, actor, campaign.id, input, {
        submit: fields.action === 'submit',
        files: files.attachments ?? [],
      })
      const notice =
        fields.action === 'submit' ? 'proposals.notice.submitted' : 'proposals.notice.draftSaved'
      const target = proposal.status === 'draft' ? `${proposal.id}/edit` : proposal.id
      return c.redirect(`/proposals/${target}?notice=${notice}`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => render(errors, null))
    }
  })
  .route('/', proposalItemRoutes)
