import type { Child } from 'hono/jsx'
import type { JobStatus } from '../db/platform.tables.ts'
import type { Translate } from '../i18n/index.ts'

/**
 * A background job's status and progress bar. Without JavaScript the page around it reloads
 * itself while the job runs; public/app.js updates the marked elements in place.
 */
export function JobProgress(props: {
  t: Translate
  jobId: string
  status: JobStatus | null
  progress: number
  total: number | null
  children?: Child
}) {
  const { t, progress, total } = props
  return (
    <div data-job-id={props.jobId} class="job">
      <p>
        <span data-job-status>{t(`jobs.status.${props.status ?? 'queued'}`)}</span>
      </p>
      <label for="job-progress">{t('jobs.progress')}</label>{' '}
      <progress
        id="job-progress"
        max={String(total ?? 100)}
        value={String(progress)}
        data-job-progress
      >
        {progress} / {total ?? 100}
      </progress>{' '}
      <span data-job-count>
        {progress} / {total ?? '?'}
      </span>
      {props.children}
    </div>
  )
}
