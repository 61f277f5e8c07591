// The `kaikaku` command, run as a child process against a throw-away database of the backend
// under test (a PGlite directory, or a new PostgreSQL database when DATABASE_URL is set).
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { sql } from 'kysely'
import pino from 'pino'
import {
  type Backend,
  createBackend,
  createPgliteDir,
  runCli,
} from '../e2e/support/kaikaku-process.ts'
import { readConfig } from './config.ts'
import { backupDatabase } from './db/backup.ts'
import { openDatabase } from './db/client.ts'
import { seedDemo } from './demo/seed-demo.ts'
import { createApp } from './http/app.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const PASSWORD = 'a-long-enough-password'

function deferred() {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  promise.catch(() => {})
  return { promise, resolve, reject }
}

/** Runs fn, then opens `gate` for the tests waiting on it (or fails them with fn's error). */
async function opening(gate: ReturnType<typeof deferred>, fn: () => Promise<void>) {
  try {
    await fn()
    gate.resolve()
  } catch (error) {
    gate.reject(error)
    throw error
  }
}

function openBackend(backend: Backend) {
  return openDatabase({ databaseUrl: backend.databaseUrl, dataDir: backend.dataDir })
}

/** The backup's lines, the header without its createdAt. */
function backupLines(file: string): string[] {
  const [header, ...lines] = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
  const { createdAt, ...rest } = JSON.parse(header!) as { createdAt: string }
  assert.ok(!Number.isNaN(Date.parse(createdAt)), 'the header carries createdAt')
  return [JSON.stringify(rest), ...lines]
}

/** Per table, its rows as a sorted list (order may differ between servers' collations). */
function backupTables(file: string): Map<string, string[]> {
  const tables = new Map<string, string[]>()
  let rows: string[] = []
  for (const line of backupLines(file).slice(1)) {
    if (!line) continue
    if (line.startsWith('{"table":')) {
      rows = []
      tables.set((JSON.parse(line) as { table: string }).table, rows)
    } else rows.push(line)
  }
  for (const r of tables.values()) r.sort()
  return tables
}

let seeded: Backend // seed, users, token, then backup and the audit checks
let target: Backend // a fresh database the backup is restored into
let empty: Backend // migrated and empty, for the validation failures
let tmp: string
const ready = deferred()
const backedUp = deferred()

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'kaikaku-cli-'))
  ;[seeded, target, empty] = await Promise.all([createBackend(), createBackend(), createBackend()])
})
after(async () => {
  await Promise.all([seeded, target, empty].map((b) => b?.cleanup()))
  rmSync(tmp, { recursive: true, force: true })
})

describe('kaikaku CLI', { concurrency: true }, () => {
  test('user add refuses a bad e-mail, a short password and a scoped role without a scope', async () => {
    const add = (email: string, role: string, password: string) =>
      runCli(
        ['user', 'add', '--email', email, '--name', '検証', '--role', role, '--password-stdin'],
        empty.env,
        {
          stdin: `${password}\n`,
        },
      )
    const badEmail = await add('not-an-email', 'staff', PASSWORD)
    assert.notEqual(badEmail.code, 0)
    assert.match(badEmail.stderr, /email: メールアドレスの形式が正しくありません。/)
    assert.equal(badEmail.stdout, '')

    const shortPassword = await add('short@example.jp', 'staff', 'short')
    assert.notEqual(shortPassword.code, 0)
    assert.match(shortPassword.stderr, /password: 12文字以上で入力してください。/)

    const noScope = await add('lead@example.jp', 'dept_lead', PASSWORD)
    assert.notEqual(noScope.code, 0)
    assert.match(
      noScope.stderr,
      /scopeUnitId: この役割には所属範囲（部または事業所）の指定が必要です。/,
    )
  })

  test('seed, user add, and token create prints a working bearer token', () =>
    opening(ready, async () => {
      const seed = await runCli(['seed'], seeded.env)
      assert.equal(seed.code, 0, seed.stderr)
      assert.match(seed.stdout, /^admin\tadmin@demo\.kaikaku\.example$/m)

      const staff = await runCli(
        [
          'user',
          'add',
          '--email',
          'New.Staff@Example.jp',
          '--name',
          '新規 職員',
          '--role',
          'staff',
          '--password-stdin',
        ],
        seeded.env,
        { stdin: `${PASSWORD}\r\n` },
      )
      assert.equal(staff.code, 0, staff.stderr)
      assert.match(staff.stdout.trim(), UUID)

      const lead = await runCli(
        [
          'user',
          'add',
          '--email',
          'lead@example.jp',
          '--name',
          '部長',
          '--role',
          'dept_lead',
          '--scope',
          'shoko',
          '--password-stdin',
        ],
        seeded.env,
        { stdin: PASSWORD },
      )
      assert.equal(lead.code, 0, lead.stderr)
      const leadId = lead.stdout.trim()
      assert.match(leadId, UUID)

      const token = await runCli(['token', 'create', '--email', 'new.staff@example.jp'], seeded.env)
      assert.equal(token.code, 0, token.stderr)
      const secret = token.stdout.trim()
      assert.ok(secret.length >= 32, 'a token is printed')

      const database = await openBackend(seeded)
      try {
        const { db } = database
        const app = createApp({
          db,
          dbKind: database.kind,
          config: readConfig({ KAIKAKU_WORKERS: '0' }),
          logger: pino({ level: 'silent' }),
          mailer: null,
        })
        const me = await app.request('/api/v1/me', {
          headers: { authorization: `Bearer ${secret}` },
        })
        assert.equal(me.status, 200)
        const { user } = (await me.json()) as { user: { email: string; roles: { role: string }[] } }
        assert.equal(user.email, 'new.staff@example.jp')
        assert.deepEqual(
          user.roles.map((r) => r.role),
          ['staff'],
        )
        const forged = await app.request('/api/v1/me', {
          headers: { authorization: `Bearer ${secret.slice(0, -2)}xx` },
        })
        assert.equal(forged.status, 401)

        const grant = await db
          .selectFrom('user_roles')
          .innerJoin('units', 'units.id', 'user_roles.scope_unit_id')
          .select(['user_roles.role', 'units.code'])
          .where('user_roles.user_id', '=', leadId)
          .execute()
        assert.deepEqual(grant, [{ role: 'dept_lead', code: 'shoko' }])
      } finally {
        await database.close()
      }
    }))

  test('backup, restore into a fresh database, backup again: the same contents', async () => {
    await ready.promise
    const first = path.join(tmp, 'first.jsonl.gz')
    const second = path.join(tmp, 'second.jsonl.gz')
    await opening(backedUp, async () => {
      const backup = await runCli(['backup', first], seeded.env)
      assert.equal(backup.code, 0, backup.stderr)
      assert.match(backup.stderr, /backup: \d+ tables, \d+ rows/)
    })
    const restore = await runCli(['restore', first], target.env)
    assert.equal(restore.code, 0, restore.stderr)
    const verify = await runCli(['audit', 'verify'], target.env)
    assert.equal(verify.code, 0, `the restored audit chain verifies: ${verify.stderr}`)
    const again = await runCli(['backup', second], target.env)
    assert.equal(again.code, 0, again.stderr)

    const a = backupLines(first)
    const b = backupLines(second)
    assert.ok(a.length > 100, 'the backup holds the demo bureau')
    assert.ok(a.some((line) => line.includes('new.staff@example.jp')))
    assert.deepEqual(b, a)
  })

  test('audit verify passes an intact chain and names the first altered entry', async () => {
    await backedUp.promise
    const intact = await runCli(['audit', 'verify'], seeded.env)
    assert.equal(intact.code, 0, intact.stderr)
    const entries = Number(/audit chain ok: (\d+) entries/.exec(intact.stdout)?.[1])
    assert.ok(entries >= 3, `${entries} entries`)

    const database = await openBackend(seeded)
    try {
      // As someone with the database's owner rights could: past the append-only trigger.
      await database.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx)
        await sql`update audit_log set data = '{"x":1}' where seq = 3`.execute(trx)
      })
    } finally {
      await database.close()
    }
    const broken = await runCli(['audit', 'verify'], seeded.env)
    assert.notEqual(broken.code, 0)
    assert.match(
      broken.stderr,
      /audit chain broken at entry 3 \(hash\); 2 entries before it verify/,
    )
  })

  test('a PGlite backup restores into PostgreSQL', {
    skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL',
  }, async () => {
    const { dataDir, cleanup } = await createPgliteDir()
    const pgTarget = await createBackend()
    try {
      const fromPglite = path.join(tmp, 'pglite.jsonl.gz')
      const fromPostgres = path.join(tmp, 'postgres.jsonl.gz')
      const pglite = await openDatabase({ dataDir })
      try {
        await seedDemo(pglite.db, 'a-demo-password')
        await backupDatabase(pglite.db, fromPglite)
      } finally {
        await pglite.close()
      }
      const restore = await runCli(['restore', fromPglite], pgTarget.env)
      assert.equal(restore.code, 0, restore.stderr)
      const verify = await runCli(['audit', 'verify'], pgTarget.env)
      assert.equal(verify.code, 0, verify.stderr)
      const backup = await runCli(['backup', fromPostgres], pgTarget.env)
      assert.equal(backup.code, 0, backup.stderr)
      assert.deepEqual(backupTables(fromPostgres), backupTables(fromPglite))
    } finally {
      await pgTarget.cleanup()
      cleanup()
    }
  })
})
