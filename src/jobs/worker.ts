import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { Db } from '../db/schema.ts'
import {
  claimJob,
  completeJob,
  failJob,
  type Job,
  reportProgress,
  requeueStaleJobs,
  touchJob,
} from './queue.ts'

export interface JobContext {
  db: Db
  job: Job
  /** Saves progress (shown as a progress bar) and an optional checkpoint to resume from. */
  progress(done: number, total: number | null, checkpoint?: unknown): Promise<void>
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>

/** A failed job is retried after 30 s, then 60 s, … until MAX_ATTEMPTS. */
export const DEFAULT_RETRY_DELAY_SECONDS = 30
/** A running job whose heartbeat is older than this is taken to be orphaned. */
export const DEFAULT_STALE_SECONDS = 60

/**
 * Runs queued jobs in this process, one at a time. After a crash, running jobs whose
 * heartbeat stopped are queued again and resume from their last checkpoint.
 */
export class JobWorker {
  readonly id = `worker-${process.pid}-${randomUUID().slice(0, 8)}`
  private readonly handlers = new Map<string, JobHandler>()
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = false

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly options: {
      pollMs?: number
      staleSeconds?: number
      /** The wait before the first retry of a failed job; it doubles with each attempt. */
      retryDelaySeconds?: number
    } = {},
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler)
    return this
  }

  private get staleSeconds() {
    return this.options.staleSeconds ?? DEFAULT_STALE_SECONDS
  }

  /**
   * `exclusive`: this process is the only one on the database (PGlite's data directory is
   * locked to one process), so every job still marked running was orphaned by a crash and
   * resumes at once instead of after the stale window.
   */
  async start(options: { exclusive?: boolean } = {}): Promise<void> {
    this.stopped = false
    if (options.exclusive) {
      const requeued = await requeueStaleJobs(this.db, 0)
      if (requeued)
        this.logger.info({ requeued }, 'requeued jobs left running by a previous process')
    }
    await this.requeueStale()
    this.schedule(0)
  }

  /**
   * Queues again the jobs whose worker stopped beating (a process that crashed or was killed).
   * Other processes' live jobs keep their heartbeat fresh, so they are left alone.
   */
  private async requeueStale() {
    const requeued = await requeueStaleJobs(this.db, this.staleSeconds)
    if (requeued) this.logger.info({ requeued }, 'requeued jobs left running by a stopped worker')
  }

  private schedule(delay: number) {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.requeueStale()
        .then(() => this.drain())
        .then(
          () => undefined,
          (error) => this.logger.error({ err: error }, 'job worker poll failed'),
        )
        .finally(() => {
          this.running = null
          this.schedule(this.options.pollMs ?? 500)
        })
    }, delay)
  }

  /** Runs jobs until the queue is empty. Tests call it directly. */
  async drain(): Promise<number> {
    let count = 0
    while (!this.stopped) {
      const job = await claimJob(
        this.db,
        this.id,
        [...this.handlers.keys()],
        this.options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS,
      )
      if (!job) break
      await this.runOne(job)
      count++
    }
    return count
  }

  private async runOne(job: Job) {
    const handler = this.handlers.get(job.kind)!
    const log = this.logger.child({ job: job.id, kind: job.kind })
    // A handler that is busy without reporting progress still shows it is alive.
    let beat: Promise<unknown> = Promise.resolve()
    const heartbeat = setInterval(
      () => {
        beat = touchJob(this.db, job.id, this.id).catch((error) =>
          log.warn({ err: error }, 'job heartbeat failed'),
        )
      },
      Math.max(1000, (this.staleSeconds * 1000) / 3),
    )
    heartbeat.unref()
    try {
      const result = await handler({
        db: this.db,
        job,
        progress: (done, total, checkpoint) =>
          reportProgress(this.db, job.id, done, total, checkpoint),
      })
      await completeJob(this.db, job.id, result, this.id)
      log.info('job done')
    } catch (error) {
      log.error({ err: error }, 'job failed')
      await failJob(
        this.db,
        job.id,
        error instanceof Error ? error.message : String(error),
        this.id,
      )
    } finally {
      clearInterval(heartbeat)
      await beat
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }
}
