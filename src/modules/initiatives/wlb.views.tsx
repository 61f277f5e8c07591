import { formatFiscalYear } from '../../i18n/dates.ts'
import { CsrfField, ErrorSummary, type FormErrors, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { Values } from './initiatives.components.tsx'
import type { WlbView } from './initiatives.types.ts'
import { fiscalMonths, WlbChart } from './wlb.chart.tsx'

export function WlbPage(props: {
  page: PageContext
  view: WlbView
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, view } = props
  const { t } = page
  const v = props.values ?? {}
  // Both forms post back to this page: each shows only its own errors.
  const errors = v.targetForm ? null : props.errors
  const byMonth = new Map(view.figures.map((f) => [f.month, f]))
  const title = t('initiatives.wlbOf', { unit: view.unit.name })
  return (
    <Layout
      page={page}
      title={title}
      crumbs={[{ label: t('initiatives.title'), href: '/initiatives' }, { label: title }]}
      notice={props.notice}
    >
      <h1>{title}</h1>
      <p>{t('initiatives.wlbLead', { year: formatFiscalYear(view.fiscalYear, page.locale) })}</p>
      <div class="initiatives-charts">
        <WlbChart
          t={t}
          id="overtime"
          title={t('initiatives.overtimeChart')}
          fiscalYear={view.fiscalYear}
          figures={view.figures}
          value={(f) => f.overtimeHours}
          target={view.target?.overtimeHours ?? null}
          badWhen="above"
        />
        <WlbChart
          t={t}
          id="leave"
          title={t('initiatives.leaveChart')}
          fiscalYear={view.fiscalYear}
          figures={view.figures}
          value={(f) => f.leaveDays}
          target={view.target?.leaveDays ?? null}
          cumulative
          badWhen="below"
        />
      </div>
      <table class="table">
        <caption>{t('initiatives.wlbTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('initiatives.month')}</th>
            <th scope="col">{t('initiatives.overtimeHours')}</th>
            <th scope="col">{t('initiatives.leaveDays')}</th>
          </tr>
        </thead>
        <tbody>
          {fiscalMonths(view.fiscalYear).map((m) => {
            const f = byMonth.get(m)
            return (
              <tr>
                <th scope="row">{m.slice(0, 7)}</th>
                <td>{f ? f.overtimeHours : '—'}</td>
                <td>{f ? f.leaveDays : '—'}</td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('initiatives.target')}</th>
            <td>
              {view.target
                ? t('initiatives.overtimeTarget', { value: view.target.overtimeHours })
                : '—'}
            </td>
            <td>
              {view.target ? t('initiatives.leaveTarget', { value: view.target.leaveDays }) : '—'}
            </td>
          </tr>
        </tfoot>
      </table>
      {view.canSetTarget ? <TargetForm {...props} /> : null}
      {view.canEnter ? (
        <section aria-labelledby="enter-title">
          <h2 id="enter-title">{t('initiatives.enterFigures')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form
            method="post"
            action={`/initiatives/units/${view.unit.id}/wlb`}
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="month"
              type="month"
              label={t('initiatives.month')}
              value={v.month}
              required
              errors={errors}
              hint={t('initiatives.monthHint')}
            />
            <TextField
              t={t}
              name="overtimeHours"
              type="number"
              label={t('initiatives.overtimeHours')}
              value={v.overtimeHours}
              required
              errors={errors}
            />
            <TextField
              t={t}
              name="leaveDays"
              type="number"
              label={t('initiatives.leaveDays')}
              value={v.leaveDays}
              required
              errors={errors}
            />
            <button type="submit" class="button">
              {t('common.save')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

/** The year's targets; its fields are named apart from the monthly form's so errors land here. */
function TargetForm(props: {
  page: PageContext
  view: WlbView
  errors?: FormErrors | null
  values?: Values
}) {
  const { page, view } = props
  const { t } = page
  const v = props.values ?? {}
  const errors = v.targetForm ? props.errors : null
  return (
    <section aria-labelledby="target-title">
      <h2 id="target-title">{t('initiatives.setTarget')}</h2>
      <p>{t('initiatives.setTargetHint')}</p>
      <ErrorSummary errors={errors} t={t} />
      <form
        method="post"
        action={`/initiatives/units/${view.unit.id}/wlb-target`}
        class="form"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="fiscalYear" value={String(view.fiscalYear)} />
        <input type="hidden" name="targetForm" value="1" />
        <TextField
          t={t}
          name="targetOvertimeHours"
          type="number"
          label={t('initiatives.targetOvertimeHours')}
          value={v.targetOvertimeHours ?? view.target?.overtimeHours?.toString()}
          required
          errors={errors}
        />
        <TextField
          t={t}
          name="targetLeaveDays"
          type="number"
          label={t('initiatives.targetLeaveDays')}
          value={v.targetLeaveDays ?? view.target?.leaveDays?.toString()}
          required
          errors={errors}
        />
        <button type="submit" class="button button--secondary">
          {t('initiatives.saveTarget')}
        </button>
      </form>
    </section>
  )
}
