import type { MessageKey, Translate } from '../../i18n/index.ts'
import { JobProgress } from '../../jobs/job-progress.tsx'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { ImportResult, RowError } from './programs.import.ts'
import type { ImportStatus } from './programs.jobs.ts'
import { programsCrumb } from './programs.views.tsx'

export function ImportFormPage(props: {
  page: PageContext
  values?: Record<string, string>
  errors?: FormErrors | null
}) {
  const { page, errors } = props
  const { t } = page
  const title = t('programs.import.title')
  return (
    <Layout page={page} title={title} crumbs={[programsCrumb(t), { label: title }]}>
      <h1>{title}</h1>
      <p>{t('programs.import.lead')}</p>
      <ErrorSummary errors={errors} t={t} />
      <form
        method="post"
        action="/programs/import"
        enctype="multipart/form-data"
        class="form"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        <FileField
          t={t}
          name="file"
          errors={errors}
          required
          accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        />
        <TextField
          t={t}
          name="fiscalYear"
          label={t('programs.import.fiscalYear')}
          type="number"
          value={props.values?.fiscalYear}
          errors={errors}
        />
        <div class="field">
          <input
            id="field-partial"
            name="partial"
            type="checkbox"
            value="on"
            checked={props.values?.partial === 'on'}
          />{' '}
          <label for="field-partial">{t('programs.import.partial')}</label>
        </div>
        <button type="submit" class="button">
          {t('programs.import.submit')}
        </button>
      </form>
    </Layout>
  )
}

const fieldName = (t: Translate, e: RowError) =>
  e.field
    ? t(
        `programs.col.${e.field === 'executionRate' ? 'executionRate' : e.field}` as 'programs.col.code',
      )
    : ''

export function RowErrorTable(props: { t: Translate; errors: RowError[] }) {
  const { t } = props
  return (
    <table>
      <caption>{t('programs.import.errorsTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('programs.import.row')}</th>
          <th scope="col">{t('programs.import.field')}</th>
          <th scope="col">{t('programs.import.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {props.errors.map((e) => (
          <tr>
            <td class="num">{e.row}</td>
            <td>{fieldName(t, e)}</td>
            <td>{t(e.key, e.params)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ImportStatusPage(props: { page: PageContext; status: ImportStatus }) {
  const { page, status } = props
  const { t } = page
  const title = t('programs.import.statusTitle')
  const result = status.result && 'rows' in status.result ? (status.result as ImportResult) : null
  const fileError = status.result && 'fileError' in status.result ? status.result.fileError : null
  const active = status.jobStatus === 'queued' || status.jobStatus === 'running'
  return (
    <Layout
      page={page}
      title={title}
      crumbs={[programsCrumb(t), { label: title }]}
      refreshSeconds={active ? 2 : undefined}
    >
      <h1>{title}</h1>
      <p>{status.filename}</p>
      {status.jobId ? (
        <JobProgress
          t={t}
          jobId={status.jobId}
          status={status.jobStatus}
          progress={status.progress}
          total={status.total}
        >
          <p>
            <a href={`/jobs/${status.jobId}`}>{t('jobs.title', { kind: 'programs.import' })}</a>
          </p>
        </JobProgress>
      ) : null}
      {status.jobStatus === 'failed' ? (
        <p class="field-error">{t('programs.import.failed', { error: status.error ?? '' })}</p>
      ) : null}
      {fileError ? (
        <p class="field-error">{t(fileError.key as MessageKey, fileError.params)}</p>
      ) : null}
      {result?.applied ? (
        <p class="notice" role="status">
          {t('programs.import.done', {
            rows: result.rows,
            programsCreated: result.programsCreated,
            programsUpdated: result.programsUpdated,
            yearsCreated: result.yearsCreated,
            yearsUpdated: result.yearsUpdated,
            unchanged: result.unchanged,
          })}
        </p>
      ) : null}
      {result && !result.applied ? (
        <p class="field-error">
          {t('programs.import.notApplied', { count: result.errors.length })}
        </p>
      ) : null}
      {result?.errors.length ? <RowErrorTable t={t} errors={result.errors} /> : null}
      {!active ? (
        <p>
          <a href="/programs">{t('programs.title')}</a> ·{' '}
          <a href="/programs/import">{t('programs.import.link')}</a>
        </p>
      ) : null}
    </Layout>
  )
}
