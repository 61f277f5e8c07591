import { formatDateTime } from '../../i18n/dates.ts'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { day, Section, SubNav } from './disclosure.components.tsx'
import { REQUEST_STATUSES, REQUESTER_TYPES } from './disclosure.tables.ts'
import type { DisclosureRequest } from './disclosure.types.ts'
import type { RequestDetail } from './requests.service.ts'

type Values = Record<string, string>
const crumbs = (page: PageContext) => [
  { label: page.t('disclosure.title'), href: '/disclosure/requests' },
]

export function StatusLabel({ page, request }: { page: PageContext; request: DisclosureRequest }) {
  const { t } = page
  return (
    <>
      {t(`disclosure.status.${request.status}`)}
      {request.overdue ? (
        <strong class="disclosure-overdue"> {t('disclosure.overdue')}</strong>
      ) : null}
    </>
  )
}

export function RequestsPage(props: {
  page: PageContext
  requests: DisclosureRequest[]
  units: { id: string; name: string }[]
  status: string
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, requests, errors } = props
  const { t } = page
  const values = props.values ?? {}
  return (
    <Layout page={page} title={t('disclosure.requests.title')} notice={props.notice}>
      <h1>{t('disclosure.requests.title')}</h1>
      <SubNav page={page} current="/disclosure/requests" />
      <p>{t('disclosure.requests.lead')}</p>
      <form method="get" action="/disclosure/requests" class="disclosure-filter">
        <label for="filter-status">{t('disclosure.filter.status')}</label>{' '}
        <select id="filter-status" name="status">
          <option value="">{t('disclosure.filter.all')}</option>
          <option value="overdue" selected={props.status === 'overdue'}>
            {t('disclosure.overdue')}
          </option>
          {REQUEST_STATUSES.map((s) => (
            <option value={s} selected={props.status === s}>
              {t(`disclosure.status.${s}`)}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button--secondary">
          {t('disclosure.filter.apply')}
        </button>
      </form>
      <table class="table">
        <caption>{t('disclosure.requests.caption', { count: requests.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosure.field.receivedOn')}</th>
            <th scope="col">{t('disclosure.field.subject')}</th>
            <th scope="col">{t('disclosure.field.unit')}</th>
            <th scope="col">{t('disclosure.field.requesterType')}</th>
            <th scope="col">{t('disclosure.deadline')}</th>
            <th scope="col">{t('disclosure.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr class={r.overdue ? 'disclosure-row--overdue' : undefined}>
              <td>{day(r.receivedOn, page)}</td>
              <td>
                <a href={`/disclosure/requests/${r.id}`}>{r.subject}</a>
              </td>
              <td>{r.unitName}</td>
              <td>{t(`disclosure.requester.${r.requesterType}`)}</td>
              <td>{day(r.deadline, page)}</td>
              <td>
                <StatusLabel page={page} request={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Section id="new-request" title={t('disclosure.requests.new')}>
        <ErrorSummary errors={errors} t={t} />
        <form method="post" action="/disclosure/requests" class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <TextField
            t={t}
            name="subject"
            label={t('disclosure.field.subject')}
            value={values.subject}
            errors={errors}
            required
            hint={t('disclosure.hint.subject')}
          />
          <SelectField
            t={t}
            name="unitId"
            label={t('disclosure.field.unit')}
            value={values.unitId}
            errors={errors}
            required
            includeEmpty={t('disclosure.choose')}
            options={props.units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <SelectField
            t={t}
            name="requesterType"
            label={t('disclosure.field.requesterType')}
            value={values.requesterType}
            errors={errors}
            required
            hint={t('disclosure.hint.requesterType')}
            includeEmpty={t('disclosure.choose')}
            options={REQUESTER_TYPES.map((r) => ({
              value: r,
              label: t(`disclosure.requester.${r}`),
            }))}
          />
          <TextField
            t={t}
            name="receivedOn"
            type="date"
            label={t('disclosure.field.receivedOn')}
            value={values.receivedOn}
            errors={errors}
            required
          />
          <button type="submit" class="button">
            {t('disclosure.requests.create')}
          </button>
        </form>
      </Section>
    </Layout>
  )
}

export function RequestPage(props: {
  page: PageContext
  detail: RequestDetail
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, detail, errors } = props
  const { t } = page
  const { request } = detail
  const values = props.values ?? {}
  const open = request.status === 'received' || request.status === 'extended'
  return (
    <Layout
      page={page}
      title={request.subject}
      crumbs={[...crumbs(page), { label: request.subject }]}
      notice={props.notice}
    >
      <h1>{request.subject}</h1>
      <ErrorSummary errors={errors} t={t} />
      <dl class="disclosure-facts">
        <dt>{t('disclosure.field.unit')}</dt>
        <dd>{request.unitName}</dd>
        <dt>{t('disclosure.field.requesterType')}</dt>
        <dd>{t(`disclosure.requester.${request.requesterType}`)}</dd>
        <dt>{t('disclosure.field.receivedOn')}</dt>
        <dd>{day(request.receivedOn, page)}</dd>
        <dt>{t('disclosure.field.dueOn')}</dt>
        <dd>{day(request.dueOn, page)}</dd>
        {request.extendedTo ? (
          <>
            <dt>{t('disclosure.field.extendedTo')}</dt>
            <dd>
              {day(request.extendedTo, page)}（{request.extensionReason}）
            </dd>
          </>
        ) : null}
        <dt>{t('disclosure.field.status')}</dt>
        <dd>
          <StatusLabel page={page} request={request} />
        </dd>
        {request.decidedOn ? (
          <>
            <dt>{t('disclosure.field.decidedOn')}</dt>
            <dd>{day(request.decidedOn, page)}</dd>
          </>
        ) : null}
      </dl>
      {open ? (
        <div class="columns">
          <Section id="extend" title={t('disclosure.extend.title')}>
            <form
              method="post"
              action={`/disclosure/requests/${request.id}/extend`}
              class="form"
              novalidate
            >
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={String(request.version)} />
              <TextField
                t={t}
                name="extendedTo"
                type="date"
                label={t('disclosure.field.extendedTo')}
                value={values.extendedTo}
                errors={errors}
                required
                hint={t('disclosure.hint.extendMax', { date: day(detail.maxExtension, page) })}
              />
              <TextArea
                t={t}
                name="extensionReason"
                label={t('disclosure.field.extensionReason')}
                value={values.extensionReason}
                errors={errors}
                required
                rows={2}
              />
              <button type="submit" class="button button--secondary">
                {t('disclosure.extend.submit')}
              </button>
            </form>
          </Section>
          <Section id="decide" title={t('disclosure.decide.title')}>
            <form
              method="post"
              action={`/disclosure/requests/${request.id}/decide`}
              class="form"
              novalidate
            >
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="version" value={String(request.version)} />
              <SelectField
                t={t}
                name="decision"
                label={t('disclosure.field.decision')}
                value={values.decision}
                errors={errors}
                required
                includeEmpty={t('disclosure.choose')}
                options={(
                  ['disclosed', 'partially_disclosed', 'not_disclosed', 'withdrawn'] as const
                ).map((s) => ({ value: s, label: t(`disclosure.status.${s}`) }))}
              />
              <TextField
                t={t}
                name="decidedOn"
                type="date"
                label={t('disclosure.field.decidedOn')}
                value={values.decidedOn}
                errors={errors}
                required
              />
              <TextArea
                t={t}
                name="note"
                label={t('disclosure.field.note')}
                value={values.note}
                errors={errors}
                rows={2}
              />
              <button type="submit" class="button">
                {t('disclosure.decide.submit')}
              </button>
            </form>
          </Section>
        </div>
      ) : null}
      <Section id="documents" title={t('disclosure.documents.title')}>
        {detail.documents.length ? (
          <ul>
            {detail.documents.map((d) => (
              <li>
                <a href={`/disclosure/documents/${d.id}`}>{d.title}</a>（
                {t(`disclosure.document.${d.status}`)}）
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('disclosure.documents.none')}</p>
        )}
        <form
          method="post"
          action={`/disclosure/requests/${request.id}/documents`}
          enctype="multipart/form-data"
          class="form"
          novalidate
        >
          <CsrfField token={page.csrfToken} />
          <TextField
            t={t}
            name="documentTitle"
            label={t('disclosure.field.documentTitle')}
            value={values.documentTitle}
            errors={errors}
            required
          />
          <TextArea
            t={t}
            name="documentText"
            label={t('disclosure.field.documentText')}
            value={values.documentText}
            errors={errors}
            rows={6}
            hint={t('disclosure.hint.documentText')}
          />
          <FileField
            t={t}
            name="documentFile"
            label={t('disclosure.field.documentFile')}
            errors={errors}
            accept=".txt,.pdf,.csv,.xlsx,.docx"
          />
          <button type="submit" class="button button--secondary">
            {t('disclosure.documents.add')}
          </button>
        </form>
      </Section>
      <Section id="history" title={t('disclosure.history')}>
        <table class="table">
          <caption class="visually-hidden">{t('disclosure.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('disclosure.history.at')}</th>
              <th scope="col">{t('disclosure.field.status')}</th>
              <th scope="col">{t('disclosure.field.note')}</th>
              <th scope="col">{t('disclosure.history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.events.map((e) => (
              <tr>
                <td>{formatDateTime(e.at, page.locale)}</td>
                <td>{t(`disclosure.status.${e.status}`)}</td>
                <td>{e.note}</td>
                <td>{e.actorName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </Layout>
  )
}
