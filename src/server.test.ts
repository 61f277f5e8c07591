import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { readConfig } from './config.ts'
import { startServer } from './server.ts'
import { createPostgresDatabaseUrl } from './testing/database.ts'

/** Starts the real server in-process on a new, empty database of the backend under test. */
async function withEmptyServer(
  env: Record<string, string>,
  fn: (url: string, lines: string[]) => Promise<void>,
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaikaku-server-'))
  const pg = process.env.DATABASE_URL
    ? await createPostgresDatabaseUrl(process.env.DATABASE_URL)
    : null
  const lines: string[] = []
  const config = readConfig({
    PORT: '0',
    KAIKAKU_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    KAIKAKU_WORKERS: '0',
    ...(pg ? { DATABASE_URL: pg.url } : {}),
    ...env,
  })
  const server = await startServer(config, (line) => lines.push(line))
  try {
    await fn(server.url, lines)
  } finally {
    await server.stop()
    await pg?.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('first start', () => {
  test('with demo data it seeds the bureau and prints one sign-in per role', async () => {
    await withEmptyServer({ KAIKAKU_DEMO_PASSWORD: 'first-start-demo' }, async (url, lines) => {
      const text = lines.join('\n')
      for (const email of [
        'admin@demo.kaikaku.example',
        'hq-secretariat@demo.kaikaku.example',
        'staff@demo.kaikaku.example',
      ]) {
        assert.ok(text.includes(email), email)
      }
      assert.match(text, /first-start-demo/)
      const health = await fetch(`${url}/healthz`)
      assert.equal(health.status, 200)
    })
  })

  test('with KAIKAKU_DEMO=0 it starts empty and prints a one-time link for the first administrator', async () => {
    await withEmptyServer({ KAIKAKU_DEMO: '0' }, async (url, lines) => {
      const link = lines.map((l) => /\/setup\/[A-Za-z0-9_-]+/.exec(l)?.[0]).find(Boolean)
      assert.ok(link, lines.join('\n'))
      assert.ok(!lines.join('\n').includes('@demo.kaikaku.example'))
      const page = await fetch(`${url}${link}`)
      assert.equal(page.status, 200)
      assert.match(await page.text(), /最初の管理者の作成/)
      const login = await fetch(`${url}/api/v1/org/units`)
      assert.equal(login.status, 401)
    })
  })
})
