import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import * as client from 'openid-client'
import type { Config } from '../../config.ts'
import type { AppEnv } from '../../http/context.ts'
import { clearAppCookie, SESSION_COOKIE, setAppCookie } from '../../http/cookies.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { safeNext } from './accounts.routes.tsx'
import { createSession, endSession, SESSION_DAYS } from './auth.service.ts'
import { findUserForOidc } from './oidc.service.ts'

type OidcConfig = NonNullable<Config['oidc']>

/** Holds the PKCE verifier, state and nonce between the redirect out and the callback. */
const FLOW_COOKIE = 'kk_oidc'
const FLOW_SECONDS = 10 * 60

interface Flow {
  verifier: string
  state: string
  nonce: string
  next: string
}

/** A sign-in that went wrong at the protocol level is the caller's problem (4xx), never a 500. */
const oidcFailed = () => new AppError('validation', 'errors.oidc')

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

// One discovery per issuer and client for the life of the process; a failure is not cached.
const discovered = new Map<string, Promise<client.Configuration>>()

function configurationFor(oidc: OidcConfig): Promise<client.Configuration> {
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret ?? null])
  let found = discovered.get(key)
  if (!found) {
    const issuer = new URL(oidc.issuer)
    // Plain http is only accepted for a provider on this machine (development and tests).
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname)
    found = client
      .discovery(
        issuer,
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error) => {
        discovered.delete(key)
        throw error
      })
    discovered.set(key, found)
  }
  return found
}

function encodeFlow(flow: Flow): string {
  return Buffer.from(JSON.stringify(flow)).toString('base64url')
}

function decodeFlow(value: string | undefined): Flow | null {
  if (!value) return null
  try {
    const flow = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Flow>
    if (
      typeof flow.verifier === 'string' &&
      typeof flow.state === 'string' &&
      typeof flow.nonce === 'string'
    ) {
      return { ...(flow as Flow), next: safeNext(flow.next) }
    }
  } catch {}
  return null
}

/** OpenID Connect sign-in; without OIDC_ISSUER configured these routes do not exist. */
export const oidcRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (!c.get('deps').config.oidc) throw notFound()
    await next()
  })
  .get('/start', async (c) => {
    const { config, logger } = c.get('deps')
    const oidc = config.oidc!
    let configuration: client.Configuration
    try {
      configuration = await configurationFor(oidc)
    } catch (error) {
      logger.warn({ err: error, issuer: oidc.issuer }, 'OIDC discovery failed')
      throw oidcFailed()
    }
    const verifier = client.randomPKCECodeVerifier()
    const flow: Flow = {
      verifier,
      state: client.randomState(),
      nonce: client.randomNonce(),
      next: safeNext(c.req.query('next')),
    }
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: `${config.publicUrl}/auth/oidc/callback`,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    })
    setAppCookie(c, FLOW_COOKIE, encodeFlow(flow), FLOW_SECONDS)
    return c.redirect(url.href, 302)
  })
  .get('/callback', async (c) => {
    const { config, db, logger } = c.get('deps')
    const oidc = config.oidc!
    const flow = decodeFlow(getCookie(c, FLOW_COOKIE))
    // The flow cookie is good for one attempt only.
    clearAppCookie(c, FLOW_COOKIE)
    if (!flow) throw oidcFailed()

    let claims: client.IDToken | undefined
    try {
      const configuration = await configurationFor(oidc)
      // The provider redirected to the public URL; behind a proxy the request URL may differ.
      const currentUrl = new URL(`${config.publicUrl}/auth/oidc/callback`)
      currentUrl.search = new URL(c.req.url).search
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch (error) {
      logger.warn({ err: error, issuer: oidc.issuer }, 'OIDC sign-in failed')
      throw oidcFailed()
    }
    if (!claims?.sub) throw oidcFailed()

    const userId = await findUserForOidc(db, {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified:
        claims.email_verified === false || claims.email_verified === 'false' ? false : undefined,
    })
    if (!userId) {
      logger.info({ issuer: claims.iss, sub: claims.sub }, 'OIDC sign-in for an unknown user')
      throw new AppError('forbidden', 'errors.oidcNoUser')
    }
    const sessionSecret = await createSession(db, userId, 'oidc')
    // As at POST /login: a session id that existed before sign-in is never carried over.
    const previous = getCookie(c, SESSION_COOKIE)
    if (previous) await endSession(db, previous)
    setAppCookie(c, SESSION_COOKIE, sessionSecret, SESSION_DAYS * 86400)
    return c.redirect(flow.next, 303)
  })
