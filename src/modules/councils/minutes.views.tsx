import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { applyRedactions, SPAN_TYPES } from '../redaction/index.ts'
import type { MinutesSpan } from './councils.types.ts'
import type { MinutesReview } from './minutes.service.ts'

/** The original with the spans that will be withheld marked (accepted) or awaiting a decision. */
function MarkedOriginal({ text, spans, t }: { text: string; spans: MinutesSpan[]; t: Translate }) {
  const shown = spans.filter((s) => s.decision !== 'rejected').sort((a, b) => a.start - b.start)
  const parts: (string | ReturnType<typeof Mark>)[] = []
  let at = 0
  for (const s of shown) {
    if (s.start < at) continue
    parts.push(text.slice(at, s.start))
    parts.push(<Mark span={s} text={text.slice(s.start, s.end)} t={t} />)
    at = s.end
  }
  parts.push(text.slice(at))
  return <div class="councils-text">{parts}</div>
}

function Mark({ span, text, t }: { span: MinutesSpan; text: string; t: Translate }) {
  return (
    <mark
      class={`councils-mark councils-mark--${span.decision}`}
      title={`${t(`councils.type.${span.type}`)}・${t(`councils.decision.${span.decision}`)}`}
    >
      {text}
    </mark>
  )
}

function excerpt(text: string, span: MinutesSpan) {
  return {
    before: text.slice(Math.max(0, span.start - 12), span.start).replace(/\s+/g, ' '),
    value: text.slice(span.start, span.end),
    after: text.slice(span.end, span.end + 12).replace(/\s+/g, ' '),
  }
}

function SpanRow(props: {
  span: MinutesSpan
  review: MinutesReview
  page: PageContext
  editable: boolean
}) {
  const { span, review, page } = props
  const { t } = page
  const e = excerpt(review.minutes.originalText, span)
  const action = `/councils/minutes/${review.minutes.id}/spans/${span.id}`
  return (
    <tr id={`span-${span.id}`} class={`councils-span--${span.decision}`}>
      <td>
        <span class="muted">{e.before}</span>
        <strong>{e.value}</strong>
        <span class="muted">{e.after}</span>
      </td>
      <td>
        {t(`councils.type.${span.type}`)}
        {span.origin === 'manual' ? ` ${t('councils.origin.manual')}` : ''}
      </td>
      <td>{t(`councils.reason.${span.reason}`)}</td>
      <td>{t(`councils.decision.${span.decision}`)}</td>
      {props.editable ? (
        <td class="councils-actions">
          {(['accepted', 'rejected'] as const).map((decision) => (
            <form method="post" action={action} class="inline-form">
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={String(review.minutes.version)} />
              <input type="hidden" name="decision" value={decision} />
              <button
                type="submit"
                class={decision === 'accepted' ? 'button' : 'button button--secondary'}
                disabled={span.decision === decision}
                aria-label={`${t(decision === 'accepted' ? 'councils.review.accept' : 'councils.review.reject')}: ${e.value}`}
              >
                {t(decision === 'accepted' ? 'councils.review.accept' : 'councils.review.reject')}
              </button>
            </form>
          ))}
        </td>
      ) : null}
    </tr>
  )
}

function StepButton(props: {
  page: PageContext
  review: MinutesReview
  step: string
  label: string
  secondary?: boolean
}) {
  return (
    <form
      method="post"
      action={`/councils/minutes/${props.review.minutes.id}/${props.step}`}
      class="inline-form"
    >
      <CsrfField token={props.page.csrfToken} />
      <input type="hidden" name="version" value={String(props.review.minutes.version)} />
      <button type="submit" class={props.secondary ? 'button button--secondary' : 'button'}>
        {props.label}
      </button>
    </form>
  )
}

export function MinutesReviewPage(props: {
  page: PageContext
  review: MinutesReview
  notice?: string | undefined
  errors?: FormErrors | null
  values?: Record<string, string>
}) {
  const { page, review, errors } = props
  const { t } = page
  const { minutes, meeting, spans } = review
  const status = minutes.status
  const editable = review.canManage && status === 'in_review'
  const preview = applyRedactions(
    minutes.originalText,
    spans.filter((s) => s.decision === 'accepted'),
  )
  return (
    <Layout
      page={page}
      title={t('councils.review.title')}
      refreshSeconds={status === 'redacting' ? 2 : undefined}
      notice={props.notice}
      crumbs={[
        { label: t('councils.title'), href: '/councils' },
        {
          label: `${meeting.councilName} ${meeting.title}`,
          href: `/councils/meetings/${meeting.id}`,
        },
        { label: t('councils.minutes') },
      ]}
    >
      <h1>{t('councils.review.title')}</h1>
      <p>
        {meeting.councilName} {meeting.title}：
        <strong data-minutes-status={status}>{t(`councils.status.${status}`)}</strong>
      </p>
      <ErrorSummary errors={errors} t={t} />
      {status === 'redacting' ? (
        <p role="status">
          {t('councils.review.running')}{' '}
          {minutes.redactionJobId ? (
            <a href={`/jobs/${minutes.redactionJobId}`}>{t('councils.review.jobLink')}</a>
          ) : null}
        </p>
      ) : null}
      <div class="councils-side-by-side">
        <section aria-labelledby="original-title">
          <h2 id="original-title">{t('councils.review.original')}</h2>
          <MarkedOriginal text={minutes.originalText} spans={spans} t={t} />
        </section>
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('councils.review.preview')}</h2>
          <div class="councils-text" data-preview>
            {preview}
          </div>
        </section>
      </div>
      <section aria-labelledby="spans-title">
        <h2 id="spans-title">{t('councils.review.spans')}</h2>
        {spans.length === 0 ? (
          <p>{t('councils.review.noSpans')}</p>
        ) : (
          <table class="councils-spans">
            <thead>
              <tr>
                <th scope="col">{t('councils.review.text')}</th>
                <th scope="col">{t('councils.review.type')}</th>
                <th scope="col">{t('councils.review.reason')}</th>
                <th scope="col">{t('councils.review.decision')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {spans.map((s) => (
                <SpanRow span={s} review={review} page={page} editable={editable} />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editable ? (
        <section aria-labelledby="add-title">
          <h2 id="add-title">{t('councils.review.addSpan')}</h2>
          <form
            method="post"
            action={`/councils/minutes/${minutes.id}/spans`}
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(minutes.version)} />
            <TextField
              t={t}
              name="spanText"
              value={props.values?.spanText}
              errors={errors}
              required
            />
            <SelectField
              t={t}
              name="spanType"
              value={props.values?.spanType ?? 'person'}
              options={SPAN_TYPES.map((type) => ({
                value: type,
                label: t(`councils.type.${type}`),
              }))}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('councils.review.addSpan')}
            </button>
          </form>
        </section>
      ) : null}
      <div class="councils-steps">
        {editable ? (
          <StepButton
            page={page}
            review={review}
            step="submit"
            label={t('councils.review.submit')}
          />
        ) : null}
        {status === 'submitted' && review.canApprove ? (
          <>
            <StepButton
              page={page}
              review={review}
              step="approve"
              label={t('councils.review.approve')}
            />
            <StepButton
              page={page}
              review={review}
              step="return"
              label={t('councils.review.return')}
              secondary
            />
          </>
        ) : null}
        {status === 'approved' && review.canManage ? (
          <StepButton
            page={page}
            review={review}
            step="publish"
            label={t('councils.review.publish')}
          />
        ) : null}
        {status === 'published' && review.canManage ? (
          <>
            <a class="button button--secondary" href={`/portal/meetings/${meeting.id}`}>
              {t('councils.portal.readMinutes')}
            </a>{' '}
            <StepButton
              page={page}
              review={review}
              step="withdraw"
              label={t('councils.review.withdraw')}
              secondary
            />
          </>
        ) : null}
      </div>
    </Layout>
  )
}
