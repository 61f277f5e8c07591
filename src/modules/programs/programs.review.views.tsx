import { formatDate, formatDateTime } from '../../i18n/dates.ts'
import {
  CsrfField,
  describedBy,
  ErrorSummary,
  Field,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { fiscalYearLabel, percent, yen } from './programs.format.ts'
import type { ReviewSheet } from './programs.reviews.ts'
import type { Review } from './programs.types.ts'
import { programsCrumb, statusLabel } from './programs.views.tsx'

type Values = Record<string, string | number | null | undefined>

const draftValues = (r: Review): Values => ({
  outlived: r.outlived,
  needs: r.needs,
  publicPrivate: r.publicPrivate,
  effect: r.effect,
  efficiency: r.efficiency,
  future: r.future,
  proposal: r.proposal,
  version: r.version,
})

export function ReviewSheetPage(props: {
  page: PageContext
  sheet: ReviewSheet
  values?: Values
  errors?: FormErrors | null
  decisionValues?: Values
  decisionErrors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, sheet } = props
  const { t, locale } = page
  const { program, year, review } = sheet
  const values: Values = props.values ?? (review ? draftValues(review) : { version: 0 })
  const yearLabel = fiscalYearLabel(year.fiscalYear, locale)
  const title = t('programs.review.title', { name: program.name, year: yearLabel })
  const area = (name: string) => (
    <TextArea
      t={page.t}
      name={name}
      value={values[name]}
      errors={props.errors}
      readOnly={!sheet.canDraft}
    />
  )
  return (
    <Layout
      page={page}
      title={title}
      notice={props.notice}
      crumbs={[
        programsCrumb(t),
        { label: program.name, href: `/programs/${program.id}` },
        { label: yearLabel },
      ]}
    >
      <h1>{title}</h1>
      <dl class="programs-facts">
        <dt>{t('programs.col.review')}</dt>
        <dd>{statusLabel(t, review?.status ?? null)}</dd>
        <dt>{t('programs.review.deadline')}</dt>
        <dd>{formatDate(new Date(`${sheet.deadline}T00:00:00+09:00`), locale)}</dd>
        <dt>{t('programs.col.originEvent')}</dt>
        <dd>{program.originEvent ?? '—'}</dd>
        {review?.verdictName ? (
          <>
            <dt>{t('programs.col.verdict')}</dt>
            <dd>{review.verdictName}</dd>
            <dt>{t('programs.col.reflectedAmount')}</dt>
            <dd>{yen(t, review.reflectedAmount)}</dd>
            <dt>{t('field.verdictNote')}</dt>
            <dd>{review.verdictNote ?? '—'}</dd>
          </>
        ) : null}
      </dl>
      <ErrorSummary errors={props.errors} t={t} />
      <form
        method="post"
        action={`/programs/${program.id}/reviews/${year.fiscalYear}`}
        class="form programs-review"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={String(values.version ?? 0)} />
        <fieldset>
          <legend>{t('programs.review.q1')}</legend>
          <p class="hint">{t('programs.review.q1.hint')}</p>
          {area('outlived')}
        </fieldset>
        <fieldset>
          <legend>{t('programs.review.q2')}</legend>
          <p class="hint">{t('programs.review.q2.hint')}</p>
          <p>
            {t('programs.review.figures', {
              rate: percent(year.executionRate),
              budget: yen(t, year.currentBudget),
              executed: yen(t, year.executedAmount),
            })}
          </p>
          {area('needs')}
          {area('publicPrivate')}
          {area('effect')}
          {area('efficiency')}
        </fieldset>
        <fieldset>
          <legend>{t('programs.review.q3')}</legend>
          {area('future')}
        </fieldset>
        {area('proposal')}
        {sheet.canDraft ? (
          <button type="submit" class="button">
            {t('programs.review.save')}
          </button>
        ) : null}
      </form>
      {sheet.canDraft && review ? (
        <form
          method="post"
          action={`/programs/${program.id}/reviews/${year.fiscalYear}/submit`}
          class="inline-form"
        >
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={String(review.version)} />
          <button type="submit" class="button button--secondary">
            {t('programs.review.submit')}
          </button>
        </form>
      ) : null}
      {sheet.canDecide && review ? (
        <DecisionForm
          page={page}
          sheet={sheet}
          review={review}
          values={props.decisionValues}
          errors={props.decisionErrors}
        />
      ) : null}
      {sheet.history.length ? (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('programs.review.history')}</h2>
          <ol class="plain">
            {sheet.history.map((h) => (
              <li>
                {formatDateTime(h.at, locale)}{' '}
                {t(`programs.review.historyAction.${h.action as 'create'}`)}（v{h.version}）
                {h.actorName ? `: ${h.actorName}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Layout>
  )
}

function DecisionForm(props: {
  page: PageContext
  sheet: ReviewSheet
  review: Review
  values?: Values | undefined
  errors?: FormErrors | null | undefined
}) {
  const { page, sheet, review } = props
  const { t } = page
  const values = props.values ?? {}
  return (
    <section aria-labelledby="decision-title" class="card">
      <h2 id="decision-title">{t('programs.review.decisionTitle')}</h2>
      <ErrorSummary errors={props.errors} t={t} />
      <form
        method="post"
        action={`/programs/${review.programId}/reviews/${review.fiscalYear}/decide`}
        class="form"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={String(review.version)} />
        <SelectField
          t={t}
          name="verdict"
          required
          value={values.verdict}
          errors={props.errors}
          includeEmpty=""
          options={sheet.verdicts.map((v) => ({ value: v.code, label: v.name }))}
        />
        <TextField
          t={t}
          name="reflectedAmount"
          type="number"
          value={values.reflectedAmount}
          errors={props.errors}
        />
        <Field t={t} name="verdictNote" errors={props.errors}>
          <textarea
            id="field-verdictNote"
            name="verdictNote"
            rows={3}
            aria-describedby={describedBy('verdictNote', props.errors)}
          >
            {String(values.verdictNote ?? '')}
          </textarea>
        </Field>
        <button type="submit" class="button">
          {t('programs.review.decide')}
        </button>
      </form>
    </section>
  )
}

export function ReviewListPage(props: { page: PageContext; reviews: Review[]; awaiting: boolean }) {
  const { page, reviews } = props
  const { t, locale } = page
  const title = t('programs.review.listTitle')
  return (
    <Layout page={page} title={title} crumbs={[programsCrumb(t), { label: title }]}>
      <h1>{title}</h1>
      <p>
        <a href={props.awaiting ? '/programs/reviews' : '/programs/reviews?status=submitted'}>
          {props.awaiting ? t('programs.filter.all') : t('programs.review.awaiting')}
        </a>
      </p>
      {reviews.length ? (
        <table>
          <caption>{props.awaiting ? t('programs.review.awaiting') : title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programs.col.fiscalYear')}</th>
              <th scope="col">{t('programs.col.name')}</th>
              <th scope="col">{t('programs.col.department')}</th>
              <th scope="col">{t('programs.col.review')}</th>
              <th scope="col">{t('programs.review.deadline')}</th>
              <th scope="col">{t('programs.col.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((r) => (
              <tr>
                <td>{fiscalYearLabel(r.fiscalYear, locale)}</td>
                <th scope="row">
                  <a href={`/programs/${r.programId}/reviews/${r.fiscalYear}`}>{r.programName}</a>
                </th>
                <td>{r.departmentName}</td>
                <td>{statusLabel(t, r.status)}</td>
                <td>{r.deadline}</td>
                <td>{r.verdictName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('programs.empty')}</p>
      )}
    </Layout>
  )
}
