import { formatDate, formatFiscalYear } from '../../i18n/dates.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { SubNav, type Values } from './initiatives.components.tsx'
import type { HqReport, Initiative, ReportMeeting } from './initiatives.types.ts'

const day = (iso: string, page: PageContext) =>
  formatDate(new Date(`${iso}T03:00:00Z`), page.locale)

function InitiativeList({
  items,
}: {
  items: { id: string; no: number; title: string; unitLabel: string }[]
}) {
  return (
    <ul class="plain">
      {items.map((i) => (
        <li>
          No.{i.no} <a href={`/initiatives/${i.id}`}>{i.title}</a>{' '}
          <span class="muted">（{i.unitLabel}）</span>
        </li>
      ))}
    </ul>
  )
}

export function ReportMeetingsPage(props: {
  page: PageContext
  meetings: ReportMeeting[]
  canCoordinate: boolean
  initiatives: Initiative[]
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, errors } = props
  const { t } = page
  const v = props.values ?? {}
  return (
    <Layout page={page} title={t('initiatives.reportMeetings')} notice={props.notice}>
      <h1>{t('initiatives.reportMeetings')}</h1>
      <SubNav t={t} />
      <p>{t('initiatives.reportMeetingsLead')}</p>
      <ul class="plain">
        {props.meetings.map((m) => (
          <li>
            {day(m.heldOn, page)} <a href={`/initiatives/report-meetings/${m.id}`}>{m.title}</a>（
            {t('initiatives.presented', { count: m.initiatives.length })}）
          </li>
        ))}
      </ul>
      {props.canCoordinate ? (
        <section aria-labelledby="new-rm">
          <h2 id="new-rm">{t('initiatives.newReportMeeting')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form method="post" action="/initiatives/report-meetings" class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="title"
              label={t('initiatives.meetingTitle')}
              value={v.title}
              required
              errors={errors}
            />
            <TextField
              t={t}
              name="heldOn"
              type="date"
              label={t('initiatives.heldOn')}
              value={v.heldOn}
              required
              errors={errors}
            />
            <TextField
              t={t}
              name="place"
              label={t('initiatives.place')}
              value={v.place}
              errors={errors}
            />
            <fieldset>
              <legend>{t('initiatives.presentedInitiatives')}</legend>
              {props.initiatives.map((i) => (
                <div>
                  <input type="checkbox" id={`rm-${i.id}`} name="initiativeIds" value={i.id} />{' '}
                  <label for={`rm-${i.id}`}>
                    No.{i.no} {i.title}（{i.unitLabel}）
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="button">
              {t('common.create')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

export function ReportMeetingPage({
  page,
  meeting,
}: {
  page: PageContext
  meeting: ReportMeeting
}) {
  const { t } = page
  return (
    <Layout
      page={page}
      title={meeting.title}
      crumbs={[
        { label: t('initiatives.reportMeetings'), href: '/initiatives/report-meetings' },
        { label: meeting.title },
      ]}
    >
      <h1>{meeting.title}</h1>
      <dl class="meta">
        <dt>{t('initiatives.heldOn')}</dt>
        <dd>{day(meeting.heldOn, page)}</dd>
        <dt>{t('initiatives.place')}</dt>
        <dd>{meeting.place || '—'}</dd>
      </dl>
      <h2>{t('initiatives.presentedInitiatives')}</h2>
      <InitiativeList items={meeting.initiatives} />
    </Layout>
  )
}

export function HqReportsPage(props: {
  page: PageContext
  reports: HqReport[]
  canCoordinate: boolean
  fiscalYear: number
  ready: number
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, errors } = props
  const { t } = page
  const v = props.values ?? {}
  return (
    <Layout page={page} title={t('initiatives.hqReports')} notice={props.notice}>
      <h1>{t('initiatives.hqReports')}</h1>
      <SubNav t={t} />
      <ul class="plain">
        {props.reports.map((r) => (
          <li>
            <a href={`/initiatives/reports/${r.id}`}>{r.title}</a>（
            {r.status === 'awaiting'
              ? t('initiatives.awaitingHq')
              : t(`hq.outcome.${r.outcome as 'approved'}`)}
            ）
          </li>
        ))}
      </ul>
      {props.canCoordinate ? (
        <section aria-labelledby="new-report">
          <h2 id="new-report">{t('initiatives.submitReport')}</h2>
          <p>{t('initiatives.readyCount', { count: props.ready })}</p>
          <ErrorSummary errors={errors} t={t} />
          <form method="post" action="/initiatives/reports" class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="fiscalYear" value={String(props.fiscalYear)} />
            <TextField
              t={t}
              name="title"
              label={t('initiatives.reportTitle')}
              value={
                v.title ??
                t('initiatives.defaultReportTitle', {
                  year: formatFiscalYear(props.fiscalYear, page.locale),
                })
              }
              required
              errors={errors}
            />
            <TextArea
              t={t}
              name="summary"
              label={t('initiatives.reportSummary')}
              value={v.summary}
              required
              errors={errors}
            />
            <button type="submit" class="button">
              {t('initiatives.submit')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

export function HqReportPage({ page, report }: { page: PageContext; report: HqReport }) {
  const { t } = page
  return (
    <Layout
      page={page}
      title={report.title}
      crumbs={[
        { label: t('initiatives.hqReports'), href: '/initiatives/reports' },
        { label: report.title },
      ]}
    >
      <h1>{report.title}</h1>
      <dl class="meta">
        <dt>{t('initiatives.submittedAt')}</dt>
        <dd>{formatDate(report.submittedAt, page.locale)}</dd>
        <dt>{t('initiatives.state')}</dt>
        <dd>
          {report.status === 'awaiting'
            ? t('initiatives.awaitingHq')
            : `${t(`hq.outcome.${report.outcome as 'approved'}`)}${report.note ? `：${report.note}` : ''}`}
        </dd>
      </dl>
      <p class="initiatives-prewrap">{report.summary}</p>
      <h2>{t('initiatives.reportedInitiatives')}</h2>
      <InitiativeList items={report.initiatives} />
    </Layout>
  )
}
