import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import pino from 'pino'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { enqueueJob, findJob, MAX_ATTEMPTS } from './queue.ts'
import { type JobHandler, JobWorker } from './worker.ts'

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
let t: TestApp

before(async () => {
  t = await createTestApp()
})
after(() => t.close())

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

async function waitFor(what: string, check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/**
 * A job that counts through `items`, saving a checkpoint after each one. `pauseAt` makes it
 * wait there for the test; `seen` records which items this handler processed.
 */
function countingHandler(options: { seen: number[]; pauseAt?: number; pause?: Promise<void> }) {
  const handler: JobHandler = async ({ job, progress }) => {
    const { items } = job.payload as { items: number }
    const start = (job.checkpoint as { next: number } | null)?.next ?? 0
    for (let i = start; i < items; i++) {
      if (i === options.pauseAt) await options.pause
      options.seen.push(i)
      await progress(i + 1, items, { next: i + 1 })
    }
    return { counted: items, resumedFrom: start }
  }
  return handler
}

describe('background jobs', () => {
  test('progress is stored and shown to the creator, as JSON and as a page', async () => {
    const staff = await t.signIn('staff')
    const reviewer = await t.signIn('reviewer')
    const admin = await t.signIn('admin')
    const { db } = t.database
    const id = await enqueueJob(
      db,
      'test.count',
      { items: 10 },
      await t.userId('staff@demo.kaikaku.example'),
    )

    const queued = await (await staff.get(`/api/v1/jobs/${id}`)).json()
    assert.deepEqual(queued, {
      job: {
        id,
        kind: 'test.count',
        status: 'queued',
        progress: 0,
        total: null,
        result: null,
        error: null,
      },
    })

    const gate = deferred()
    const seen: number[] = []
    const worker = new JobWorker(db, logger).register(
      'test.count',
      countingHandler({ seen, pauseAt: 6, pause: gate.promise }),
    )
    const drained = worker.drain()
    await waitFor('progress 6', async () => (await findJob(db, id))?.progress === 6)

    const res = await staff.get(`/api/v1/jobs/${id}`)
    assert.equal(res.status, 200)
    const { job } = (await res.json()) as { job: Record<string, unknown> }
    assert.equal(job.status, 'running')
    assert.equal(job.progress, 6)
    assert.equal(job.total, 10)
    assert.deepEqual((await findJob(db, id))?.checkpoint, { next: 6 })

    const page = await staff.get(`/jobs/${id}`)
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /<progress[^>]*max="10"[^>]*value="6"/)
    assert.ok(html.includes('実行中'))
    // While it runs the page refreshes itself for browsers without JavaScript.
    assert.match(html, /http-equiv="refresh"/i)

    assert.equal((await reviewer.get(`/api/v1/jobs/${id}`)).status, 403)
    assert.equal((await reviewer.get(`/jobs/${id}`)).status, 403)
    assert.equal((await admin.get(`/api/v1/jobs/${id}`)).status, 200)
    assert.equal((await t.client().get(`/api/v1/jobs/${id}`)).status, 401)
    assert.equal((await staff.get(`/api/v1/jobs/${randomUUID()}`)).status, 404)
    assert.equal((await staff.get(`/jobs/${randomUUID()}`)).status, 404)
    assert.equal((await staff.get('/api/v1/jobs/not-a-uuid')).status, 404)

    gate.resolve()
    assert.equal(await drained, 1)
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    const done = (await (await staff.get(`/api/v1/jobs/${id}`)).json()) as {
      job: Record<string, unknown>
    }
    assert.equal(done.job.status, 'done')
    assert.equal(done.job.progress, 10)
    assert.deepEqual(done.job.result, { counted: 10, resumedFrom: 0 })
    const donePage = await (await staff.get(`/jobs/${id}`)).text()
    assert.match(donePage, /<progress[^>]*max="10"[^>]*value="10"/)
    assert.doesNotMatch(donePage, /http-equiv="refresh"/i)
  })

  test('after a crash a new worker resumes the job from its checkpoint', async () => {
    const { db } = t.database
    const id = await enqueueJob(db, 'test.count', { items: 10 })

    // The first worker stops for good in the middle of item 4, as if its process died.
    const firstSeen: number[] = []
    const dead = new JobWorker(db, logger).register(
      'test.count',
      countingHandler({ seen: firstSeen, pauseAt: 4, pause: new Promise(() => {}) }),
    )
    void dead.drain()
    await waitFor('progress 4', async () => (await findJob(db, id))?.progress === 4)
    const orphan = await findJob(db, id)
    assert.equal(orphan?.status, 'running')
    assert.equal(orphan?.attempts, 1)
    assert.deepEqual(firstSeen, [0, 1, 2, 3])

    // A live job is not taken from its worker by a restart elsewhere…
    const seen: number[] = []
    const patient = new JobWorker(db, logger, { staleSeconds: 3600 }).register(
      'test.count',
      countingHandler({ seen }),
    )
    await patient.start()
    await new Promise((r) => setTimeout(r, 100))
    await patient.stop()
    assert.equal((await findJob(db, id))?.status, 'running')
    assert.deepEqual(seen, [])

    // …but once its heartbeat is stale, the next worker to start queues it again and resumes.
    const restarted = new JobWorker(db, logger, { staleSeconds: 0, pollMs: 20 }).register(
      'test.count',
      countingHandler({ seen }),
    )
    await restarted.start()
    await waitFor('job done', async () => (await findJob(db, id))?.status === 'done')
    await restarted.stop()
    const job = await findJob(db, id)
    assert.deepEqual(seen, [4, 5, 6, 7, 8, 9])
    assert.deepEqual(job?.result, { counted: 10, resumedFrom: 4 })
    assert.equal(job?.progress, 10)
    assert.equal(job?.attempts, 2)
  })

  test('a process that owns the database alone (PGlite) resumes orphaned jobs at once', async () => {
    const { db } = t.database
    const id = await enqueueJob(db, 'test.count', { items: 5 })
    const dead = new JobWorker(db, logger).register(
      'test.count',
      countingHandler({ seen: [], pauseAt: 2, pause: new Promise(() => {}) }),
    )
    void dead.drain()
    await waitFor('progress 2', async () => (await findJob(db, id))?.progress === 2)
    // The heartbeat is fresh, but no other process can be running it: the restart takes it.
    const seen: number[] = []
    const restarted = new JobWorker(db, logger, { staleSeconds: 3600, pollMs: 20 }).register(
      'test.count',
      countingHandler({ seen }),
    )
    await restarted.start({ exclusive: true })
    await waitFor('job done', async () => (await findJob(db, id))?.status === 'done')
    await restarted.stop()
    assert.deepEqual(seen, [2, 3, 4])
  })

  test('a handler that throws is retried, then marked failed with its error', async () => {
    const { db } = t.database
    const creator = await t.userId('staff@demo.kaikaku.example')
    const id = await enqueueJob(db, 'test.fail', {}, creator)
    let calls = 0
    const failing: JobHandler = async () => {
      calls++
      throw new Error(`boom ${calls}`)
    }

    // By default a failed job waits before its retry: one drain makes one attempt.
    const slow = new JobWorker(db, logger).register('test.fail', failing)
    assert.equal(await slow.drain(), 1)
    let job = await findJob(db, id)
    assert.equal(job?.status, 'queued')
    assert.equal(job?.attempts, 1)
    assert.equal(job?.error, 'boom 1')
    assert.equal(await slow.drain(), 0)

    const quick = new JobWorker(db, logger, { retryDelaySeconds: 0 }).register('test.fail', failing)
    assert.equal(await quick.drain(), MAX_ATTEMPTS - 1)
    assert.equal(calls, MAX_ATTEMPTS)
    job = await findJob(db, id)
    assert.equal(job?.status, 'failed')
    assert.equal(job?.attempts, MAX_ATTEMPTS)
    assert.equal(job?.error, `boom ${MAX_ATTEMPTS}`)
    assert.equal(await quick.drain(), 0)

    const staff = await t.signIn('staff')
    const { job: view } = (await (await staff.get(`/api/v1/jobs/${id}`)).json()) as {
      job: Record<string, unknown>
    }
    assert.equal(view.status, 'failed')
    assert.equal(view.error, `boom ${MAX_ATTEMPTS}`)
    const html = await (await staff.get(`/jobs/${id}`)).text()
    assert.ok(html.includes(`boom ${MAX_ATTEMPTS}`))
    assert.ok(html.includes('失敗'))
  })
})
