import { after, before } from 'node:test'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { translator } from '../../src/i18n/index.ts'
import { demoEmail } from '../../src/modules/org/index.ts'
import { launchChromium } from './browser.ts'
import { startTestServer, type TestServer } from './server.ts'

const ja = translator('ja')

export interface Profile {
  context: BrowserContext
  page: Page
  /** Page errors (uncaught exceptions in the page's scripts) seen so far in this profile. */
  problems: string[]
}

export interface Journey {
  readonly server: TestServer
  readonly browser: Browser
  url(path: string): string
  /** A fresh browser profile in Japanese, not signed in. */
  newProfile(options?: BrowserContextOptions): Promise<Profile>
  /** Signs a page in as the demo account of a role, through the sign-in form. */
  signIn(page: Page, role: string): Promise<void>
  /** A fresh profile signed in as the demo account of a role: where most steps start. */
  signedIn(role: string, options?: BrowserContextOptions): Promise<Profile>
}

/**
 * The fixture every browser journey starts from: the real server with the demo bureau and one
 * Chromium, started before the file's tests and stopped after them. Call it once, at the top
 * level of a test file. `server` may be a function, for settings known only once the file's
 * own `before` hooks have run (an SMTP server's port, say).
 */
export function useJourney(options: {
  demoPassword: string
  timeoutMs?: number
  env?: () => NodeJS.ProcessEnv
}): Journey {
  let server: TestServer | undefined
  let browser: Browser | undefined

  before(async () => {
    browser = await launchChromium()
    try {
      server = await startTestServer({
        demoPassword: options.demoPassword,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.env ? { env: options.env() } : {}),
      })
    } catch (error) {
      await browser.close()
      throw error
    }
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the journey's ${what} has not started`)
    return value
  }
  const journey: Journey = {
    get server() {
      return started(server, 'server')
    },
    get browser() {
      return started(browser, 'browser')
    },
    url: (path) => `${journey.server.url}${path}`,
    async newProfile(contextOptions = {}) {
      const context = await journey.browser.newContext({ locale: 'ja-JP', ...contextOptions })
      const problems: string[] = []
      context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`))
      return { context, page: await context.newPage(), problems }
    },
    async signIn(page, role) {
      await page.goto(journey.url('/login'))
      await page.getByLabel(ja('field.email')).fill(demoEmail(role))
      await page.getByLabel(ja('field.password')).fill(options.demoPassword)
      await Promise.all([
        page.waitForURL(journey.url('/')),
        page.getByRole('button', { name: ja('login.submit') }).click(),
      ])
    },
    async signedIn(role, contextOptions) {
      const profile = await journey.newProfile(contextOptions)
      await journey.signIn(profile.page, role)
      return profile
    },
  }
  return journey
}
