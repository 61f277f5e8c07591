import { JobProgress } from '../../jobs/job-progress.tsx'
import { fieldLabel } from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import { PrLayout } from './pr.components.tsx'
import type { SurveyImportStatus } from './survey.import.ts'

/** An xlsx answer being imported: the job's progress, then what was imported and what was not. */
export function ImportStatusPage(props: { page: PageContext; status: SurveyImportStatus }) {
  const { page, status } = props
  const { t } = page
  const active = status.jobStatus === 'queued' || status.jobStatus === 'running'
  const result = status.result
  return (
    <PrLayout
      page={page}
      title={t('pr.import.statusTitle')}
      refreshSeconds={active ? 2 : undefined}
      crumbs={[{ label: t('pr.import.statusTitle') }]}
    >
      <h1>{t('pr.import.statusTitle')}</h1>
      {status.jobId ? (
        <JobProgress
          t={t}
          jobId={status.jobId}
          status={status.jobStatus}
          progress={status.progress}
          total={status.total}
        ></JobProgress>
      ) : null}
      {active ? <p>{t('pr.import.running')}</p> : null}
      {status.error ? <p class="field-error">{status.error}</p> : null}
      {result?.fileError ? <p class="field-error">{t(result.fileError as never)}</p> : null}
      {result && !result.fileError ? (
        <div class="notice" role="status">
          {t('pr.import.done', {
            created: result.created,
            updated: result.updated,
            errors: result.errors.length,
          })}
        </div>
      ) : null}
      {result?.errors.length ? (
        <table>
          <caption>{t('pr.import.errorsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pr.import.row')}</th>
              <th scope="col">{t('pr.import.field')}</th>
              <th scope="col">{t('pr.import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((e) => (
              <tr>
                <td>{e.row}</td>
                <td>{fieldLabel(t, e.field)}</td>
                <td>{t(e.key as never)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <a href={`/pr/surveys/${status.surveyId}/units/${status.unitId}`}>{t('pr.import.back')}</a>
      </p>
    </PrLayout>
  )
}
