import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { isLocale, translator } from '../i18n/index.ts'
import { actorForBearer, actorForSession } from '../modules/accounts/index.ts'
import type { AppEnv } from './context.ts'
import { CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE, setAppCookie } from './cookies.ts'
import { csrfFailed, unauthorized } from './errors.ts'

/** Identifies the caller by bearer token (API) or session cookie (browser). */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get('deps')
  const header = c.req.header('authorization')
  c.set('actor', null)
  c.set('via', null)
  if (header?.startsWith('Bearer ')) {
    const actor = await actorForBearer(db, header.slice(7).trim())
    if (!actor) throw unauthorized()
    c.set('actor', actor)
    c.set('via', 'bearer')
  } else {
    const secret = getCookie(c, SESSION_COOKIE)
    const actor = secret ? await actorForSession(db, secret) : null
    if (actor) {
      c.set('actor', actor)
      c.set('via', 'session')
    }
  }
  const cookieLocale = getCookie(c, LANG_COOKIE)
  const locale = isLocale(cookieLocale) ? cookieLocale : (c.get('actor')?.locale ?? 'ja')
  c.set('locale', locale)
  c.set('t', translator(locale))
  await next()
}

function sameToken(a: string, b: string) {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Double-submit CSRF check: every page gets a random cookie and forms echo it in `_csrf`
 * (scripts in `X-CSRF-Token`). Bearer-token calls carry no ambient authority and are exempt.
 */
export const csrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE)
  if (!token || token.length < 32) {
    token = randomBytes(32).toString('base64url')
    setAppCookie(c, CSRF_COOKIE, token)
  }
  c.set('csrfToken', token)
  if (UNSAFE.has(c.req.method) && c.get('via') !== 'bearer') {
    const isApi = c.req.path.startsWith('/api/')
    // An API call without a session has nothing to forge; it is refused later as 401.
    if (!(isApi && c.get('via') === null)) {
      let sent = c.req.header('x-csrf-token')
      const type = c.req.header('content-type') ?? ''
      if (
        !sent &&
        (type.startsWith('application/x-www-form-urlencoded') ||
          type.startsWith('multipart/form-data'))
      ) {
        const body = await c.req.parseBody()
        sent = typeof body._csrf === 'string' ? body._csrf : undefined
      }
      if (!sent || !sameToken(sent, token)) throw csrfFailed()
    }
  }
  await next()
}

/** Content-Security-Policy without inline script, and the other headers a public service sends. */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  )
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('X-Frame-Options', 'DENY')
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  if (c.get('deps').config.secureCookies) {
    c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
  if (!c.res.headers.has('Cache-Control') && c.get('actor')) c.header('Cache-Control', 'no-store')
}
