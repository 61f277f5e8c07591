import { CsrfField, type FormErrors, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { ProposalErrors, ProposalTextArea, StatusTag } from './common.views.tsx'
import { Pager, RangeNote } from './list.views.tsx'
import type { Paged } from './paging.ts'
import type { ProposalDetail } from './proposals.types.ts'
import { PROPOSAL_FIELDS } from './proposals.types.ts'
import type { ReviewQueue } from './review.service.ts'

export function ReviewQueuePage({ page, queue }: { page: PageContext; queue: Paged<ReviewQueue> }) {
  const { t } = page
  const { slice, page: at, pages } = queue
  return (
    <Layout
      page={page}
      title={t('proposals.review.queue')}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: t('proposals.review.queue') },
      ]}
    >
      <h1>{t('proposals.review.queue')}</h1>
      <p>{t('proposals.review.blindNote')}</p>
      {slice.total > 0 ? (
        <p class="proposals-counts">
          {t('proposals.review.counts', { unreviewed: slice.unreviewed, total: slice.total })}
        </p>
      ) : null}
      <RangeNote t={t} page={at} total={slice.total} count={slice.items.length} />
      {slice.items.length === 0 ? (
        <p>{t('proposals.review.empty')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('proposals.review.queue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.field.title')}</th>
              <th scope="col">{t('proposals.campaign')}</th>
              <th scope="col">{t('proposals.field.status')}</th>
              <th scope="col">{t('proposals.review.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {slice.items.map(({ proposal: p, reviewed }) => (
              <tr>
                <td>
                  <a href={`/proposals/${p.id}/review`}>{p.title}</a>
                </td>
                <td>{p.campaignTitle}</td>
                <td>
                  <StatusTag t={t} status={p.status} />
                </td>
                <td>{reviewed ? t('proposals.review.done') : t('proposals.review.todo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        t={t}
        label={t('proposals.pager')}
        path="/proposals/review"
        params={{}}
        page={at}
        pages={pages}
      />
    </Layout>
  )
}

export function ReviewFormPage(props: {
  page: PageContext
  detail: ProposalDetail
  values: Record<string, string>
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, detail, values, errors } = props
  const { t } = page
  const { proposal: p, campaign } = detail
  const title = t('proposals.review.title', { title: p.title })
  return (
    <Layout
      page={page}
      title={title}
      notice={props.notice}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: t('proposals.review.queue'), href: '/proposals/review' },
        { label: p.title },
      ]}
    >
      <h1>{title}</h1>
      <ProposalErrors errors={errors} t={t} />
      <dl class="proposals-fields">
        <dt>{t('proposals.field.areaUnitId')}</dt>
        <dd>{p.areaName ?? t('proposals.area.whole')}</dd>
        {PROPOSAL_FIELDS.map((f) => (
          <>
            <dt>{t(`proposals.field.${f}`)}</dt>
            <dd class="proposals-text">{p[f]}</dd>
          </>
        ))}
        {p.advice ? (
          <>
            <dt>{t('proposals.field.advice')}</dt>
            <dd class="proposals-text">{p.advice}</dd>
          </>
        ) : null}
      </dl>
      {p.attachments.length ? (
        <ul>
          {p.attachments.map((a) => (
            <li>
              <a href={`/proposals/${p.id}/attachments/${a.position}`}>{a.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={`/proposals/${p.id}/review`} class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        <input
          type="hidden"
          name="version"
          value={values.version ?? String(detail.myReview?.version ?? 0)}
        />
        <fieldset>
          <legend>{t('proposals.review.rubric', { max: campaign.rubric.scaleMax })}</legend>
          {campaign.rubric.criteria.map((c) => {
            const name = `scores.${c.key}`
            const messages = errors?.[name]
            return (
              <div class={`field${messages ? ' field--error' : ''}`}>
                <label for={`field-scores-${c.key}`}>
                  {c.label}（{t('proposals.review.weight', { weight: c.weight })}）
                </label>
                {messages ? (
                  <p class="field-error" id={`error-scores-${c.key}`}>
                    {messages.join(' ')}
                  </p>
                ) : null}
                <input
                  id={`field-scores-${c.key}`}
                  name={name}
                  type="number"
                  min={0}
                  max={campaign.rubric.scaleMax}
                  required
                  value={values[name] ?? String(detail.myReview?.scores[c.key] ?? '')}
                  aria-invalid={messages ? 'true' : undefined}
                  aria-describedby={messages ? `error-scores-${c.key}` : undefined}
                />
              </div>
            )
          })}
        </fieldset>
        <ProposalTextArea
          t={t}
          name="note"
          value={values.note ?? detail.myReview?.note}
          errors={errors}
          rows={3}
          hint={t('proposals.hint.privateNote')}
        />
        <TextField
          t={t}
          name="duplicateOf"
          label={t('proposals.field.duplicateOf')}
          hint={t('proposals.hint.duplicateOf')}
          value={values.duplicateOf ?? detail.myReview?.duplicateOf}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('proposals.review.save')}
        </button>
      </form>
    </Layout>
  )
}
