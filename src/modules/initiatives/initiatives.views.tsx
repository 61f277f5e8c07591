import { formatDate, formatFiscalYear } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { SubNav, type Values } from './initiatives.components.tsx'
import { CHECK_STATUSES, type Initiative } from './initiatives.types.ts'

const checkLabel = (t: Translate, i: Initiative) =>
  i.check ? t(`initiatives.status.${i.check.status}`) : t('initiatives.notFiled')

export function InitiativesPage(props: {
  page: PageContext
  initiatives: Initiative[]
  fiscalYear: number
  myUnits: { id: string; name: string }[]
}) {
  const { page, initiatives } = props
  const { t } = page
  const filed = initiatives.filter((i) => i.check).length
  return (
    <Layout page={page} title={t('initiatives.title')}>
      <h1>{t('initiatives.title')}</h1>
      <SubNav t={t} />
      <p>
        {t('initiatives.lead', {
          year: formatFiscalYear(props.fiscalYear, page.locale),
          count: initiatives.length,
          filed,
        })}
      </p>
      {props.myUnits.length ? (
        <p>
          {props.myUnits.map((u) => (
            <a class="button button--secondary" href={`/initiatives/units/${u.id}/wlb`}>
              {t('initiatives.wlbOf', { unit: u.name })}
            </a>
          ))}
        </p>
      ) : null}
      <table class="table">
        <caption>{t('initiatives.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">No</th>
            <th scope="col">{t('initiatives.initiative')}</th>
            <th scope="col">{t('initiatives.unit')}</th>
            <th scope="col">{t('initiatives.midterm')}</th>
            <th scope="col">{t('initiatives.hqFeedback')}</th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((i) => (
            <tr>
              <td>{i.no}</td>
              <th scope="row">
                <a href={`/initiatives/${i.id}`}>{i.title}</a>
              </th>
              <td>{i.unitLabel}</td>
              <td>{checkLabel(t, i)}</td>
              <td>{i.hqOutcome ? t(`hq.outcome.${i.hqOutcome as 'approved'}`) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  )
}

export function InitiativePage(props: {
  page: PageContext
  initiative: Initiative
  canEdit: boolean
  canGiveFeedback: boolean
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, initiative: i, errors } = props
  const { t } = page
  const v = props.values ?? {}
  const check = i.check
  return (
    <Layout
      page={page}
      title={i.title}
      crumbs={[{ label: t('initiatives.title'), href: '/initiatives' }, { label: `No.${i.no}` }]}
      notice={props.notice}
    >
      <h1>{i.title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <dl class="meta">
        <dt>{t('initiatives.unit')}</dt>
        <dd>
          {i.unitLabel} （<a href={`/initiatives/units/${i.unitId}/wlb`}>{t('initiatives.wlb')}</a>
          ）
        </dd>
        <dt>{t('initiatives.goal')}</dt>
        <dd>{i.goal || '—'}</dd>
        <dt>{t('initiatives.indicator')}</dt>
        <dd>
          {i.indicator || '—'}
          {i.targetValue !== null ? ` ${t('initiatives.target')}: ${i.targetValue}` : ''}
          {i.actualValue !== null ? ` ${t('initiatives.actual')}: ${i.actualValue}` : ''}
        </dd>
      </dl>

      <section aria-labelledby="feedback-title" class="card initiatives-feedback">
        <h2 id="feedback-title">{t('initiatives.hqFeedback')}</h2>
        {i.hqOutcome ? (
          <>
            <p>
              <strong>{t(`hq.outcome.${i.hqOutcome as 'approved'}`)}</strong>
              {i.hqFeedbackAt ? `（${formatDate(i.hqFeedbackAt, page.locale)}）` : ''}
            </p>
            <p class="initiatives-prewrap">{i.hqFeedback ?? ''}</p>
          </>
        ) : (
          <p>{i.hqReportId ? t('initiatives.awaitingHq') : t('initiatives.noFeedback')}</p>
        )}
        {props.canGiveFeedback ? (
          <form method="post" action={`/initiatives/${i.id}/feedback`} class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(i.version)} />
            <TextArea
              t={t}
              name="feedback"
              label={t('initiatives.writeFeedback')}
              value={v.feedback ?? i.hqFeedback}
              required
              errors={errors}
            />
            <button type="submit" class="button button--secondary">
              {t('common.save')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="midterm-title">
        <h2 id="midterm-title">{t('initiatives.midterm')}</h2>
        {check ? (
          <dl class="meta">
            <dt>{t('initiatives.checkStatus')}</dt>
            <dd>
              {t(`initiatives.status.${check.status}`)}（{formatDate(check.filedAt, page.locale)}）
            </dd>
            <dt>{t('initiatives.progressNote')}</dt>
            <dd class="initiatives-prewrap">{check.progressNote}</dd>
            <dt>{t('initiatives.youngStaffViews')}</dt>
            <dd class="initiatives-prewrap">{check.youngStaffViews || '—'}</dd>
            <dt>{t('initiatives.issues')}</dt>
            <dd class="initiatives-prewrap">{check.issues || '—'}</dd>
            <dt>{t('initiatives.nextSteps')}</dt>
            <dd class="initiatives-prewrap">{check.nextSteps || '—'}</dd>
          </dl>
        ) : (
          <p>{t('initiatives.notFiled')}</p>
        )}
        {props.canEdit ? (
          <form method="post" action={`/initiatives/${i.id}/midterm`} class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            {check ? <input type="hidden" name="version" value={String(check.version)} /> : null}
            <SelectField
              t={t}
              name="status"
              label={t('initiatives.checkStatus')}
              value={String(v.status ?? check?.status ?? 'on_track')}
              required
              errors={errors}
              options={CHECK_STATUSES.map((s) => ({
                value: s,
                label: t(`initiatives.status.${s}`),
              }))}
            />
            <TextArea
              t={t}
              name="progressNote"
              label={t('initiatives.progressNote')}
              value={v.progressNote ?? check?.progressNote}
              required
              errors={errors}
            />
            <TextArea
              t={t}
              name="youngStaffViews"
              label={t('initiatives.youngStaffViews')}
              value={v.youngStaffViews ?? check?.youngStaffViews}
              errors={errors}
            />
            <TextArea
              t={t}
              name="issues"
              label={t('initiatives.issues')}
              value={v.issues ?? check?.issues}
              errors={errors}
            />
            <TextArea
              t={t}
              name="nextSteps"
              label={t('initiatives.nextSteps')}
              value={v.nextSteps ?? check?.nextSteps}
              errors={errors}
            />
            <button type="submit" class="button">
              {check ? t('initiatives.reviseCheck') : t('initiatives.fileCheck')}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="yearend-title">
        <h2 id="yearend-title">{t('initiatives.goalAndYearEnd')}</h2>
        {props.canEdit ? (
          <form method="post" action={`/initiatives/${i.id}`} class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(v.version ?? i.version)} />
            <TextArea
              t={t}
              name="goal"
              label={t('initiatives.goal')}
              value={v.goal ?? i.goal}
              errors={errors}
            />
            <TextField
              t={t}
              name="indicator"
              label={t('initiatives.indicator')}
              value={v.indicator ?? i.indicator}
              errors={errors}
            />
            <TextField
              t={t}
              name="targetValue"
              type="number"
              label={t('initiatives.target')}
              value={v.targetValue ?? i.targetValue}
              errors={errors}
            />
            <TextField
              t={t}
              name="actualValue"
              type="number"
              label={t('initiatives.actual')}
              value={v.actualValue ?? i.actualValue}
              errors={errors}
            />
            <TextArea
              t={t}
              name="yearEndSummary"
              label={t('initiatives.yearEndSummary')}
              value={v.yearEndSummary ?? i.yearEndSummary}
              errors={errors}
            />
            <TextArea
              t={t}
              name="nextYearPlan"
              label={t('initiatives.nextYearPlan')}
              value={v.nextYearPlan ?? i.nextYearPlan}
              errors={errors}
            />
            <button type="submit" class="button button--secondary">
              {t('common.save')}
            </button>
          </form>
        ) : (
          <dl class="meta">
            <dt>{t('initiatives.yearEndSummary')}</dt>
            <dd class="initiatives-prewrap">{i.yearEndSummary || '—'}</dd>
            <dt>{t('initiatives.nextYearPlan')}</dt>
            <dd class="initiatives-prewrap">{i.nextYearPlan || '—'}</dd>
          </dl>
        )}
      </section>
    </Layout>
  )
}
