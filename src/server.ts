import { type ServerType, serve } from '@hono/node-server'
import type { Config } from './config.ts'
import { type Database, openDatabase } from './db/client.ts'
import { keepPlannerStatistics } from './db/maintenance.ts'
import { migrateToLatest } from './db/migrate.ts'
import { isEmptyDatabase, seedDemo } from './demo/seed-demo.ts'
import { createApp } from './http/app.tsx'
import { JobWorker } from './jobs/worker.ts'
import { createLogger } from './logger.ts'
import { createSetupToken } from './modules/accounts/index.ts'
import { REDACT_MINUTES_JOB, redactMinutesJob } from './modules/councils/index.ts'
import { REDACT_DOCUMENT_JOB, redactDocumentJob } from './modules/disclosure/index.ts'
import { deliverIssueJob, NEWSLETTER_DELIVERY_JOB } from './modules/newsletter/index.ts'
import { PR_IMPORT_JOB, surveyImportJobHandler } from './modules/pr/index.ts'
import { PROGRAM_IMPORT_JOB, programImportJobHandler } from './modules/programs/index.ts'
import { createSmtpMailer } from './notifications/mailer.ts'
import { EMAIL_JOB, emailJobHandler } from './notifications/notify.ts'

export interface RunningServer {
  url: string
  database: Database
  stop(): Promise<void>
}

/** read config → open db → migrate → seed if empty → serve → run jobs */
export async function startServer(
  config: Config,
  out: (line: string) => void = console.log,
): Promise<RunningServer> {
  const logger = createLogger(config.logLevel)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  const { db } = database
  await migrateToLatest(db)

  if (await isEmptyDatabase(db)) {
    if (config.demo) {
      const accounts = await seedDemo(db, config.demoPassword)
      out(
        'デモの局（産業労働局）を作成しました。次のアカウントでログインできます / Demo bureau created. Sign in with:',
      )
      for (const a of accounts) out(`  ${a.role.padEnd(19)} ${a.email}`)
      out(`  パスワード / password: ${config.demoPassword}`)
    } else {
      const token = await createSetupToken(db)
      out(
        'データベースは空です。次のリンクから最初の管理者を作成してください / Create the first administrator:',
      )
      out(`  ${config.publicUrl}/setup/${token}`)
    }
  }

  const stopStatistics = await keepPlannerStatistics(db, database.kind, logger)
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null
  const worker = new JobWorker(db, logger)
  if (mailer) worker.register(EMAIL_JOB, emailJobHandler(mailer, config.publicUrl))
  worker.register(PROGRAM_IMPORT_JOB, programImportJobHandler)
  worker.register(REDACT_MINUTES_JOB, redactMinutesJob)
  worker.register(PR_IMPORT_JOB, surveyImportJobHandler)
  worker.register(REDACT_DOCUMENT_JOB, redactDocumentJob)
  worker.register(NEWSLETTER_DELIVERY_JOB, deliverIssueJob)
  if (config.workers) await worker.start({ exclusive: database.kind === 'pglite' })

  const app = createApp({ db, dbKind: database.kind, config, logger, mailer })
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(s),
    )
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const url = `http://${config.host}:${port}`
  out(`Kaikaku: ${url} (${database.kind})`)
  return {
    url,
    database,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      stopStatistics()
      await worker.stop()
      mailer?.close()
      await database.close()
    },
  }
}
