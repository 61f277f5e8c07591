import { Hono } from 'hono'
import { type Actor, hasRole } from '../auth/actor.ts'
import type { AppEnv } from '../http/context.ts'
import { forbidden, notFound } from '../http/errors.ts'
import { idParam, pageContext, requireActor } from '../http/page.ts'
import { Layout } from '../views/layout.tsx'
import { JobProgress } from './job-progress.tsx'
import { findJob, type Job } from './queue.ts'

/** A job is visible to whoever started it, and to administrators. */
function canSeeJob(actor: Actor, job: Job) {
  return job.createdBy === actor.userId || hasRole(actor, 'admin')
}

async function visibleJob(c: Parameters<typeof requireActor>[0]) {
  const actor = requireActor(c)
  const job = await findJob(c.get('deps').db, idParam(c))
  if (!job) throw notFound()
  if (!canSeeJob(actor, job)) throw forbidden()
  return job
}

export function jobView(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    total: job.total,
    result: job.status === 'done' ? job.result : null,
    error: job.status === 'failed' ? job.error : null,
  }
}

export const jobPages = new Hono<AppEnv>().get('/:id', async (c) => {
  const job = await visibleJob(c)
  const page = await pageContext(c)
  const { t } = page
  const active = job.status === 'queued' || job.status === 'running'
  return c.html(
    <Layout
      page={page}
      title={t('jobs.title', { kind: job.kind })}
      refreshSeconds={active ? 2 : undefined}
    >
      <h1>{t('jobs.title', { kind: job.kind })}</h1>
      <JobProgress
        t={t}
        jobId={job.id}
        status={job.status}
        progress={job.progress}
        total={job.total}
      >
        {job.error ? <p class="field-error">{job.error}</p> : null}
        {active ? <p class="muted">{t('jobs.noScript')}</p> : null}
      </JobProgress>
    </Layout>,
  )
})

export const jobApi = new Hono<AppEnv>().get('/:id', async (c) =>
  c.json({ job: jobView(await visibleJob(c)) }),
)
