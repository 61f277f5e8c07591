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
} from './queue.ts'

export interface JobContext {
  db: Db
  job: Job
  /** Saves progress (shown as a progress bar) and an optional checkpoint to resume from. */
  progress(done: number, total: number | null, checkpoint?: unknown): Promise<void>
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>

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
    private readonly options: { pollMs?: number; staleSeconds?: number } = {},
  ) {}

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler)
    return this
  }

  async start(): Promise<void> {
    this.stopped = false
    // At start-up no job can be running in this process: any "running" job was orphaned.
    const requeued = await requeueStaleJobs(this.db, 0)
    if (requeued) this.logger.info({ requeued }, 'requeued jobs left running by a previous process')
    this.schedule(0)
  }

  private schedule(delay: number) {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
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
      const job = await claimJob(this.db, this.id, [...this.handlers.keys()])
      if (!job) break
      await this.runOne(job)
      count++
    }
    return count
  }

  private async runOne(job: Job) {
    const handler = this.handlers.get(job.kind)!
    const log = this.logger.child({ job: job.id, kind: job.kind })
    try {
      const result = await handler({
        db: this.db,
        job,
        progress: (done, total, checkpoint) =>
          reportProgress(this.db, job.id, done, total, checkpoint),
      })
      await completeJob(this.db, job.id, result)
      log.info('job done')
    } catch (error) {
      log.error({ err: error }, 'job failed')
      await failJob(this.db, job.id, error instanceof Error ? error.message : String(error))
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }
}
