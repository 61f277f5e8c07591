import { type Context, Hono } from 'hono'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { fileDownload, formWithFiles } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { mergeProposal, recordDecision, reportProgress } from './decisions.service.ts'
import { ProposalFormPage } from './form.views.tsx'
import { ProposalPage } from './proposal.views.tsx'
import { canDecide } from './proposals.policy.ts'
import { getProposalDetail, readAttachment, similarProposals } from './proposals.read.ts'
import { renderFormError, similarText, unitChoices } from './proposals.routes.tsx'
import {
  adviceSchema,
  decisionInputSchema,
  mergeInputSchema,
  progressInputSchema,
  proposalUpdateSchema,
  reviewInputSchema,
} from './proposals.schemas.ts'
import { recordAdvice, updateProposal } from './proposals.service.ts'
import { saveReview } from './review.service.ts'
import { ReviewFormPage } from './review.views.tsx'

/** Review form fields `scores.<key>` become `{ scores: { key: n } }`. */
export function reviewFromForm(fields: Record<string, string>) {
  const scores: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields))
    if (name.startsWith('scores.') && value.trim() !== '') scores[name.slice(7)] = value
  return { scores, note: fields.note, duplicateOf: fields.duplicateOf, version: fields.version }
}

async function renderDetail(
  c: Context<AppEnv>,
  id: string,
  values?: Record<string, string>,
  errors?: Record<string, string[]>,
) {
  const detail = await getProposalDetail(c.get('deps').db, requireActor(c), id)
  const needUnits = detail.can.decide
  return (
    <ProposalPage
      page={await pageContext(c)}
      detail={detail}
      units={needUnits ? await unitChoices(c) : []}
      notice={noticeOf(c)}
      values={values}
      errors={errors}
    />
  )
}

/** Checks the role before the form is validated, so that a form not theirs is a 403. */
function authorizeThen(c: Context<AppEnv>, allowed: (actor: Actor) => boolean): true {
  authorize(requireActor(c), allowed)
  return true
}

/** A form on the proposal page that posts, then redirects back with a notice or shows errors. */
function detailAction(
  run: (c: Context<AppEnv>, id: string, fields: Record<string, string>) => Promise<unknown>,
  notice: string,
) {
  return async (c: Context<AppEnv>) => {
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await run(c, id, fields)
      return c.redirect(`/proposals/${id}?notice=${notice}`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderDetail(c, id, fields, errors))
    }
  }
}

export const proposalItemRoutes = new Hono<AppEnv>()
  .get('/:id', async (c) => c.html(await renderDetail(c, idParam(c))))
  .get('/:id/edit', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const detail = await getProposalDetail(db, actor, id)
    if (!detail.can.edit) return c.redirect(`/proposals/${id}`, 303)
    const p = detail.proposal
    const coAuthors = (detail.authors ?? []).filter((a) => !a.isLead).map((a) => a.userId)
    const emails = coAuthors.length
      ? (await db.selectFrom('users').select('email').where('id', 'in', coAuthors).execute()).map(
          (u) => u.email,
        )
      : []
    return c.html(
      <ProposalFormPage
        page={{ ...(await pageContext(c)) }}
        campaign={detail.campaign}
        proposal={p}
        units={await unitChoices(c)}
        values={{
          title: p.title,
          problem: p.problem,
          solution: p.solution,
          method: p.method,
          caveats: p.caveats,
          areaUnitId: p.areaUnitId,
          coAuthors: emails.join('\n'),
          version: String(p.version),
        }}
        similar={await similarProposals(db, actor, similarText(p), p.id)}
      />,
    )
  })
  .post('/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const { fields, files } = await formWithFiles(c)
    const render = async (
      errors: Record<string, string[]> | null,
      similar: Awaited<ReturnType<typeof similarProposals>> | null,
    ) => {
      const detail = await getProposalDetail(db, actor, id)
      const version = errors?._ ? String(detail.proposal.version) : fields.version
      return (
        <ProposalFormPage
          page={await pageContext(c)}
          campaign={detail.campaign}
          proposal={detail.proposal}
          units={await unitChoices(c)}
          values={{ ...fields, version }}
          errors={errors}
          similar={similar}
        />
      )
    }
    if (fields.action === 'similar')
      return c.html(await render(null, await similarProposals(db, actor, similarText(fields), id)))
    try {
      const input = parseInput(proposalUpdateSchema, fields)
      const saved = await updateProposal(db, actor, id, input, {
        submit: fields.action === 'submit',
        files: files.attachments ?? [],
      })
      if (saved.status === 'draft')
        return c.redirect(`/proposals/${id}/edit?notice=proposals.notice.draftSaved`, 303)
      return c.redirect(`/proposals/${id}?notice=proposals.notice.submitted`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => render(errors, null))
    }
  })
  .post(
    '/:id/advice',
    detailAction(
      (c, id, f) =>
        recordAdvice(c.get('deps').db, requireActor(c), id, parseInput(adviceSchema, f).advice),
      'proposals.notice.advised',
    ),
  )
  .post(
    '/:id/decision',
    detailAction(
      (c, id, f) =>
        authorizeThen(c, canDecide) &&
        recordDecision(c.get('deps').db, requireActor(c), id, parseInput(decisionInputSchema, f)),
      'proposals.notice.decided',
    ),
  )
  .post(
    '/:id/progress',
    detailAction(
      (c, id, f) =>
        reportProgress(c.get('deps').db, requireActor(c), id, parseInput(progressInputSchema, f)),
      'proposals.notice.progress',
    ),
  )
  .post(
    '/:id/merge',
    detailAction(
      (c, id, f) =>
        mergeProposal(c.get('deps').db, requireActor(c), id, parseInput(mergeInputSchema, f).into),
      'proposals.notice.merged',
    ),
  )
  .get('/:id/attachments/:position', async (c) => {
    const position = Number(c.req.param('position'))
    if (!Number.isInteger(position) || position < 1 || position > 100) throw notFound()
    const file = await readAttachment(c.get('deps').db, requireActor(c), idParam(c), position)
    return fileDownload(c, file.info, file.bytes)
  })
  .get('/:id/review', async (c) => {
    const detail = await getProposalDetail(c.get('deps').db, requireActor(c), idParam(c))
    if (!detail.can.review) return c.redirect(`/proposals/${detail.proposal.id}`, 303)
    return c.html(
      <ReviewFormPage
        page={await pageContext(c)}
        detail={detail}
        values={{}}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/:id/review', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await saveReview(db, actor, id, parseInput(reviewInputSchema, reviewFromForm(fields)))
      return c.redirect(`/proposals/${id}/review?notice=proposals.notice.reviewSaved`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      const detail = await getProposalDetail(db, actor, id)
      const version = errors._ ? String(detail.myReview?.version ?? 0) : fields.version
      return c.html(
        <ReviewFormPage
          page={await pageContext(c)}
          detail={detail}
          values={{ ...fields, version: version ?? '0' }}
          errors={errors}
        />,
        errors._ ? 409 : 400,
      )
    }
  })
