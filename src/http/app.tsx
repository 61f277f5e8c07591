import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { serveStatic } from '@hono/node-server/serve-static'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { sql } from 'kysely'
import { translator } from '../i18n/index.ts'
import { jobApi, jobPages } from '../jobs/jobs.routes.tsx'
import { accountRoutes, adminRoutes, oidcRoutes, safeNext } from '../modules/accounts/index.ts'
import {
  councilApiRoutes,
  councilRoutes,
  portalApiRoutes,
  portalRoutes,
} from '../modules/councils/index.ts'
import {
  ckanApiRoutes,
  dcatRoutes,
  disclosureRoutes,
  portalDataRoutes,
} from '../modules/disclosure/index.ts'
import { homeRoutes } from '../modules/home/index.ts'
import { createHqApiRoutes, createHqRoutes } from '../modules/hq/index.ts'
import {
  initiativesAgendaSource,
  initiativesApiRoutes,
  initiativesRoutes,
} from '../modules/initiatives/index.ts'
import { newsletterApiRoutes, newsletterRoutes } from '../modules/newsletter/index.ts'
import { orgApiRoutes, orgRoutes } from '../modules/org/index.ts'
import { prApiRoutes, prRoutes } from '../modules/pr/index.ts'
import { programApiRoutes, programRoutes, programsAgendaSource } from '../modules/programs/index.ts'
import {
  proposalsAgendaSource,
  proposalsApiRoutes,
  proposalsRoutes,
} from '../modules/proposals/index.ts'
import { scheduleApiRoutes, scheduleRoutes } from '../modules/schedule/index.ts'
import { Layout } from '../views/layout.tsx'
import type { AppDeps, AppEnv } from './context.ts'
import { LANG_COOKIE, setAppCookie } from './cookies.ts'
import { AppError, notFound, payloadTooLarge } from './errors.ts'
import { createMetrics } from './metrics.ts'
import { csrf, identify, securityHeaders } from './middleware.ts'
import { openApiDocument } from './openapi.ts'
import { requireActor } from './page.ts'

const require = createRequire(import.meta.url)
const tokensCss = readFileSync(
  require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
  'utf8',
)

function wantsJson(c: Context<AppEnv>) {
  return (
    c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json')
  )
}

async function errorResponse(c: Context<AppEnv>, error: AppError) {
  const t = c.get('t') ?? translator('ja')
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
  const message = t(error.messageKey, error.params)
  if (wantsJson(c)) {
    const fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, issues]) => [
        field,
        issues.map((i) => t(i.key, i.params)),
      ]),
    )
    return c.json(
      { error: { code: error.code, message, ...(Object.keys(fields).length ? { fields } : {}) } },
      error.status as 400,
    )
  }
  const page = {
    t,
    locale: c.get('locale') ?? 'ja',
    actor: c.get('actor') ?? null,
    csrfToken: c.get('csrfToken') ?? '',
    path: c.req.path,
  }
  return c.html(
    <Layout page={page} title={t('errors.title')}>
      <h1>{t('errors.title')}</h1>
      <p>{message}</p>
      {error.code === 'unauthorized' ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(c.req.path)}`}>{t('nav.signIn')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{t('nav.home')}</a>
        </p>
      )}
    </Layout>,
    error.status as 400,
  )
}

/** What HQ decides on: each module whose records wait for a decision adds its source here. */
const hqAgendaSources = [initiativesAgendaSource, programsAgendaSource, proposalsAgendaSource]

export function createApp(deps: AppDeps) {
  const metrics = createMetrics()
  const app = new Hono<AppEnv>()

  app.use(requestId())
  app.use(async (c, next) => {
    c.set('deps', deps)
    const started = performance.now()
    await next()
    deps.logger.info(
      {
        reqId: c.get('requestId' as never),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  })
  app.use(metrics.middleware)
  app.use(securityHeaders)

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.db)
    return c.json({ status: 'ok', db: deps.dbKind })
  })
  app.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.registry.contentType)
    return c.body(await metrics.registry.metrics())
  })
  app.get('/static/tokens.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(tokensCss, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
  app.use(
    '/static/*',
    serveStatic({ root: './public', rewriteRequestPath: (p) => p.replace(/^\/static/, '') }),
  )

  const tooLarge = () => {
    throw payloadTooLarge()
  }
  const formLimit = bodyLimit({ maxSize: 1024 * 1024, onError: tooLarge })
  const uploadLimit = bodyLimit({ maxSize: deps.config.uploadMaxBytes, onError: tooLarge })
  app.use((c, next) =>
    c.req.header('content-type')?.startsWith('multipart/form-data')
      ? uploadLimit(c, next)
      : formLimit(c, next),
  )
  // The CKAN Action API and DCAT are public and read-only: mounted before sign-in and CSRF.
  app.route('/api/3', ckanApiRoutes)
  app.route('/', dcatRoutes)
  app.use(identify)
  app.use(csrf)

  app.get('/lang/:locale', (c) => {
    const locale = c.req.param('locale') === 'en' ? 'en' : 'ja'
    setAppCookie(c, LANG_COOKIE, locale, 365 * 86400)
    return c.redirect(safeNext(c.req.query('next')), 303)
  })
  app.route('/', homeRoutes)
  app.route('/', accountRoutes)
  app.route('/auth/oidc', oidcRoutes)
  app.route('/admin', adminRoutes)
  app.route('/org', orgRoutes)
  app.route('/jobs', jobPages)
  app.route('/schedule', scheduleRoutes)
  app.route('/initiatives', initiativesRoutes)
  app.route('/hq', createHqRoutes(hqAgendaSources))
  app.route('/news', newsletterRoutes)
  app.route('/programs', programRoutes)
  app.route('/councils', councilRoutes)
  app.route('/portal/data', portalDataRoutes)
  app.route('/portal', portalRoutes)
  app.route('/proposals', proposalsRoutes)
  app.route('/pr', prRoutes)
  app.route('/disclosure', disclosureRoutes)

  const api = new Hono<AppEnv>()
  api.get('/openapi.json', (c) => c.json(openApiDocument(deps.config.publicUrl)))
  api.get('/me', (c) => {
    const actor = requireActor(c)
    return c.json({
      user: {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        roles: actor.grants,
      },
    })
  })
  api.route('/org', orgApiRoutes)
  api.route('/jobs', jobApi)
  api.route('/schedule', scheduleApiRoutes)
  api.route('/initiatives', initiativesApiRoutes)
  api.route('/hq', createHqApiRoutes(hqAgendaSources))
  api.route('/news', newsletterApiRoutes)
  api.route('/programs', programApiRoutes)
  api.route('/councils', councilApiRoutes)
  api.route('/portal', portalApiRoutes)
  api.route('/', proposalsApiRoutes)
  api.route('/pr', prApiRoutes)
  app.route('/api/v1', api)

  app.notFound((c) => errorResponse(c, notFound()))
  app.onError((error, c) => {
    if (error instanceof AppError) return errorResponse(c, error)
    deps.logger.error({ err: error, path: c.req.path }, 'unhandled error')
    return errorResponse(c, new AppError('internal', 'errors.internal'))
  })
  return app
}

export type App = ReturnType<typeof createApp>
