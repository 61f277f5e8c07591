import pino from 'pino'
import { readConfig } from '../config.ts'
import type { Database } from '../db/client.ts'
import { seedDemo } from '../demo/seed-demo.ts'
import { type App, createApp } from '../http/app.tsx'
import type { AppDeps } from '../http/context.ts'
import { DEMO_ACCOUNTS, demoEmail } from '../modules/org/index.ts'
import type { Mailer } from '../notifications/mailer.ts'
import { createTestDatabase } from './database.ts'
import { copySeededTemplate, seededTemplateFromEnv } from './seeded-template.ts'

export const DEMO_PASSWORD = 'test-demo-password'
export type DemoRole = (typeof DEMO_ACCOUNTS)[number]['role']
export const DEMO_ROLES: DemoRole[] = DEMO_ACCOUNTS.map((a) => a.role)

export interface TestApp {
  app: App
  database: Database
  deps: AppDeps
  /** A browser-like client that keeps cookies and sends the CSRF token with forms. */
  client(): TestClient
  signIn(role: DemoRole): Promise<TestClient>
  /** The id of the account with this e-mail address. */
  userId(email: string): Promise<string>
  close(): Promise<void>
}

/** Drives the app through app.request(), with no server, like a browser would. */
export class TestClient {
  private cookies = new Map<string, string>()
  constructor(private readonly app: App) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  get csrf() {
    return this.cookies.get('kk_csrf') ?? ''
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader)
    const res = await this.app.request(path, { ...init, headers })
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      )
      if (expired || value === '') this.cookies.delete(name!.trim())
      else this.cookies.set(name!.trim(), value)
    }
    return res
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers })
  }

  /** Submits a form as the page would: fetches a CSRF cookie first if there is none. */
  async postForm(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: string | null } = {},
  ) {
    if (!this.cookies.has('kk_csrf')) await this.get('/login')
    const body = new URLSearchParams(fields)
    const token = options.csrf === undefined ? this.csrf : options.csrf
    if (token !== null) body.set('_csrf', token)
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
  }

  /** A multipart form, as a browser sends one with files; the CSRF token is added. */
  async postMultipart(path: string, fields: Record<string, string | File>) {
    if (!this.cookies.has('kk_csrf')) await this.get('/login')
    const body = new FormData()
    body.set('_csrf', this.csrf)
    for (const [k, v] of Object.entries(fields)) body.set(k, v)
    return this.request(path, { method: 'POST', body })
  }

  async sendJson(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  }

  async signIn(email: string, password: string) {
    const res = await this.postForm('/login', { email, password })
    if (res.status !== 303) throw new Error(`sign-in as ${email} failed: ${res.status}`)
    return this
  }
}

/** A fresh database with the demo bureau and an app on it. */
export async function createTestApp(
  options: { seed?: boolean; mailer?: Mailer; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  // The run's seeded template when there is one (scripts/test.mjs), else seeded here.
  const template = options.seed === false ? null : seededTemplateFromEnv(DEMO_PASSWORD)
  const database = template ? await copySeededTemplate(template) : await createTestDatabase()
  if (options.seed !== false && !template) await seedDemo(database.db, DEMO_PASSWORD)
  const config = readConfig({
    KAIKAKU_DEMO_PASSWORD: DEMO_PASSWORD,
    KAIKAKU_WORKERS: '0',
    ...options.env,
  })
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    config,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    mailer: options.mailer ?? null,
  }
  const app = createApp(deps)
  return {
    app,
    database,
    deps,
    client: () => new TestClient(app),
    signIn: (role) => new TestClient(app).signIn(demoEmail(role), DEMO_PASSWORD),
    userId: async (email) =>
      (
        await database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).id,
    close: () => database.close(),
  }
}
