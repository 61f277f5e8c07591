import path from 'node:path'

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  demo: boolean
  demoPassword: string
  publicUrl: string
  smtpUrl: string | undefined
  mailFrom: string
  logLevel: string
  secureCookies: boolean
  oidc:
    | { issuer: string; clientId: string; clientSecret: string | undefined; label: string }
    | undefined
  workers: boolean
  /** Largest multipart request (file upload); other bodies are limited to 1 MB. */
  uploadMaxBytes: number
}

/** Every setting the server reads, in one place, from the environment. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  const host = env.HOST ?? '127.0.0.1'
  const publicUrl = (env.KAIKAKU_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '')
  return {
    port,
    host,
    dataDir: path.resolve(env.KAIKAKU_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.KAIKAKU_DEMO !== '0',
    demoPassword: env.KAIKAKU_DEMO_PASSWORD ?? 'kaikaku-demo',
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Kaikaku <no-reply@kaikaku.invalid>',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: publicUrl.startsWith('https://'),
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID ?? '',
          clientSecret: env.OIDC_CLIENT_SECRET || undefined,
          label: env.OIDC_LABEL ?? 'シングルサインオン',
        }
      : undefined,
    workers: env.KAIKAKU_WORKERS !== '0',
    uploadMaxBytes: Number(env.KAIKAKU_UPLOAD_MAX_MB ?? 20) * 1024 * 1024,
  }
}
