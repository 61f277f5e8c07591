import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { verifyAuditChain } from './audit/audit.ts'
import { isRole } from './auth/actor.ts'
import { readConfig } from './config.ts'
import { backupDatabase, restoreDatabase } from './db/backup.ts'
import { type Database, openDatabase } from './db/client.ts'
import { DataDirInUseError } from './db/data-dir-lock.ts'
import { migrateToLatest } from './db/migrate.ts'
import { isEmptyDatabase, seedDemo } from './demo/seed-demo.ts'
import { AppError } from './http/errors.ts'
import { parseInput } from './http/validation.ts'
import { translator } from './i18n/index.ts'
import { main as serve } from './main.ts'
import {
  createApiToken,
  createUserSchema,
  insertUser,
  loadActor,
} from './modules/accounts/index.ts'
import { programsImportCommand } from './modules/programs/programs.cli.ts'

const usage = `kaikaku <command>

  serve                         サーバーを起動 / start the server (npm start)
  migrate                       スキーマを最新に / run migrations
  seed                          空のデータベースにデモの局を作成 / seed the demo bureau
  user add --email E --name N --role R [--scope UNIT_CODE] --password-stdin
  token create --email E [--name N]   APIトークンを表示 / print a bearer token
  backup FILE                   全データを書き出す / write a backup
  restore FILE                  バックアップから復元 / restore a backup
  audit verify                  監査ログの改ざん検査 / verify the audit chain
  programs import FILE [--fiscal-year Y] [--partial]   事業データの取り込み / import programmes
  redact [--json] [--allow NAME]… FILE   個人情報等のマスキング案 / propose redactions

環境変数 / environment: DATABASE_URL, KAIKAKU_DATA_DIR (./data), PORT, KAIKAKU_DEMO`

/** Ends the command: thrown, so that withDatabase closes the database (and its lock) first. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
  }
}

function fail(message: string, code = 1): never {
  throw new CliFailure(message, code)
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = readConfig()
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  }).catch((error: unknown) => {
    // A server (or another command) has the PGlite directory: say so, without a stack trace.
    if (error instanceof DataDirInUseError) fail(error.message, 3)
    throw error
  })
  try {
    await migrateToLatest(database.db)
    return await fn(database)
  } finally {
    await database.close()
  }
}

function describe(error: unknown): string {
  if (!(error instanceof AppError)) return error instanceof Error ? error.message : String(error)
  const t = translator('ja')
  const fields = Object.entries(error.fields).map(
    ([f, issues]) => `  ${f}: ${issues.map((i) => t(i.key, i.params)).join(' ')}`,
  )
  return [t(error.messageKey, error.params), ...fields].join('\n')
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export async function run(argv: string[]): Promise<void> {
  try {
    await dispatch(argv)
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error
    console.error(error.message)
    process.exit(error.exitCode)
  }
}

async function dispatch(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv
  switch (command) {
    case 'serve':
    case undefined:
      return serve()
    case 'migrate':
      return withDatabase(async ({ db }) => {
        console.log('migrations are up to date')
        void db
      })
    case 'seed':
      return withDatabase(async ({ db }) => {
        if (!(await isEmptyDatabase(db)))
          fail('データベースは空ではありません / the database is not empty')
        const accounts = await seedDemo(db, readConfig().demoPassword)
        for (const a of accounts) console.log(`${a.role}\t${a.email}`)
      })
    case 'user': {
      if (sub !== 'add') fail(usage)
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          scope: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      })
      if (!values['password-stdin'])
        fail('--password-stdin is required: the password is read from standard input')
      if (!isRole(values.role))
        fail(`--role must be one of the roles in DESIGN.md (got ${values.role})`)
      const password = await readStdin()
      return withDatabase(async ({ db }) => {
        let scopeUnitId: string | null = null
        if (values.scope) {
          // A unit's code (`shoko`) or its id.
          const byId = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(values.scope)
          const unit = await db
            .selectFrom('units')
            .select('id')
            .where(byId ? 'id' : 'code', '=', values.scope)
            .executeTakeFirst()
          if (!unit) fail(`unknown unit: ${values.scope}`)
          scopeUnitId = unit.id
        }
        try {
          const input = parseInput(createUserSchema, {
            email: values.email ?? '',
            displayName: values.name ?? '',
            password,
            role: values.role,
            scopeUnitId: scopeUnitId ?? '',
          })
          const id = await insertUser(db, null, input)
          console.log(id)
        } catch (error) {
          fail(describe(error), 2)
        }
      })
    }
    case 'token': {
      if (sub !== 'create') fail(usage)
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      })
      return withDatabase(async ({ db }) => {
        const user = await db
          .selectFrom('users')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['email']), '=', (values.email ?? '').toLowerCase()))
          .executeTakeFirst()
        if (!user) fail(`no user with e-mail ${values.email}`)
        const actor = await loadActor(db, user.id)
        console.log(await createApiToken(db, actor, values.name ?? 'cli'))
      })
    }
    case 'backup':
      if (!sub) fail(usage)
      return withDatabase(async ({ db }) => {
        const { tables, rows } = await backupDatabase(db, sub)
        console.error(`backup: ${tables} tables, ${rows} rows → ${sub}`)
      })
    case 'restore':
      if (!sub) fail(usage)
      if (!existsSync(sub)) fail(`no such file: ${sub}`)
      return withDatabase(async ({ db }) => {
        const { tables, rows } = await restoreDatabase(db, sub)
        console.error(`restore: ${tables} tables, ${rows} rows ← ${sub}`)
      })
    case 'audit': {
      if (sub !== 'verify') fail(usage)
      return withDatabase(async ({ db }) => {
        const result = await verifyAuditChain(db)
        if (result.ok) {
          console.log(`audit chain ok: ${result.entries} entries`)
        } else {
          fail(
            `audit chain broken at entry ${result.badSeq} (${result.reason}); ${result.entries} entries before it verify`,
            1,
          )
        }
      })
    }
    case 'programs':
      if (sub !== 'import') fail(usage)
      return withDatabase(async ({ db }) => {
        const { exitCode, lines } = await programsImportCommand(db, rest)
        for (const line of lines) console.log(line)
        if (exitCode) fail(lines.length ? '' : usage, exitCode)
      })
    case 'redact':
      return redactCommand([sub, ...rest].filter((a): a is string => a !== undefined))
    case 'help':
    case '--help':
      console.log(usage)
      return
    default:
      fail(usage, 2)
  }
}

/** Prints the redacted text, or with --json `{"spans":[…],"text":"…"}` (offsets in the file's text). */
async function redactCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, allow: { type: 'string', multiple: true } },
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) fail(usage, 2)
  if (!existsSync(file)) fail(`no such file: ${file}`)
  const text = readFileSync(file, 'utf8')
  // Loaded only for this command: the other commands need neither the engine nor its dictionary.
  const { applyRedactions, redact } = await import('./modules/redaction/index.ts')
  const spans = await redact(text, { allowlist: values.allow ?? [] })
  const redacted = applyRedactions(text, spans)
  if (!values.json) {
    process.stdout.write(redacted)
    return
  }
  const output = {
    spans: spans.map(({ start, end, type, reason }) => ({ start, end, type, reason })),
    text: redacted,
  }
  process.stdout.write(`${JSON.stringify(output)}\n`)
}
