// Two live processes must never open one PGlite data directory: the second is refused with a
// clear message while the first keeps serving. (Taking over the lock of a process killed with
// SIGKILL is covered by crash.test.ts.)
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { after, test } from 'node:test'
import {
  createPgliteDir,
  killStrayServers,
  runCli,
  startServer,
} from './support/kaikaku-process.ts'

after(() => killStrayServers())

const skip = process.env.DATABASE_URL
  ? 'the data-directory lock is PGlite-specific (DATABASE_URL is set)'
  : false

test('a second process on the same PGlite data directory is refused', { skip }, async () => {
  const { dataDir, cleanup } = await createPgliteDir()
  const env = { KAIKAKU_DATA_DIR: dataDir }
  const first = await startServer(env)
  try {
    const lockFile = path.join(dataDir, 'kaikaku.lock')
    assert.ok(existsSync(lockFile), 'the running server holds kaikaku.lock')

    const second = await startServer(env).then(
      async (s) => {
        await s.kill()
        assert.fail('a second server started on a data directory in use')
      },
      (error: Error & { exitedEarly?: number | string | null }) => error,
    )
    assert.equal(second.exitedEarly, 3, `the second server exits 3: ${second.message}`)
    assert.match(
      second.message,
      new RegExp(`データディレクトリ .* は別のプロセス \\(pid ${first.pid}\\) が使用中です`),
    )
    assert.match(second.message, new RegExp(`The data directory is in use by process ${first.pid}`))

    // The CLI is refused the same way, and exits non-zero.
    const cli = await runCli(['audit', 'verify'], env)
    assert.notEqual(cli.code, 0, 'a CLI command on a data directory in use fails')
    assert.match(cli.stderr, new RegExp(`in use by process ${first.pid}`))

    const health = await fetch(`${first.url}/healthz`)
    assert.equal(health.status, 200, 'the first server still serves')
    assert.deepEqual(await health.json(), { status: 'ok', db: 'pglite' })

    assert.equal(await first.stop(), 0)
    assert.ok(!existsSync(lockFile), 'a clean stop releases the lock')
  } finally {
    await first.kill()
    cleanup()
  }
})
