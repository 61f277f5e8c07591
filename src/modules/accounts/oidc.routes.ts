import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'

/** OpenID Connect sign-in; without OIDC_ISSUER configured these routes do not exist. */
export const oidcRoutes = new Hono<AppEnv>().use(async (c, next) => {
  if (!c.get('deps').config.oidc) throw notFound()
  await next()
})
