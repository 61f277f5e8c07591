import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
// @ts-expect-error oidc-provider ships no type declarations
import Provider from 'oidc-provider'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'

const PUBLIC_URL = 'http://localhost:4999'
const CLIENT_ID = 'kaikaku'
const CLIENT_SECRET = 'kaikaku-test-secret-which-is-long-enough'

/** The provider's people, by subject. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  'sub-staff': { email: 'Staff@demo.kaikaku.example', email_verified: true },
  'sub-admin-unverified': { email: 'admin@demo.kaikaku.example', email_verified: false },
  'sub-stranger': { email: 'stranger@example.org', email_verified: true },
}

interface ProviderLike {
  callback(): (req: IncomingMessage, res: ServerResponse) => void
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ params: { client_id: string; scope: string } }>
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: unknown,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>
  Grant: new (init: {
    accountId: string
    clientId: string
  }) => { addOIDCScope(scope: string): void; save(): Promise<string> }
}

/** Who the next interaction at the provider signs in as: the "user at the keyboard". */
let signInAs = 'sub-staff'
let server: Server
let issuer: string
let oidcApp: TestApp
let plainApp: TestApp

before(async () => {
  server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const provider: ProviderLike = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${PUBLIC_URL}/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'k1' }],
    },
    cookies: { keys: ['oidc-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Put the e-mail claims in the ID token, as most enterprise providers do.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/ui/${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, sub: string) =>
      ACCOUNTS[sub]
        ? { accountId: sub, claims: async () => ({ sub, ...ACCOUNTS[sub] }) }
        : undefined,
  })
  const callback = provider.callback()
  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/ui/')) return callback(req, res)
    // The login and consent screens, answered at once for whoever `signInAs` names.
    try {
      const details = await provider.interactionDetails(req, res)
      const grant = new provider.Grant({ accountId: signInAs, clientId: details.params.client_id })
      grant.addOIDCScope(details.params.scope)
      const grantId = await grant.save()
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: signInAs }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      )
    } catch (error) {
      res.statusCode = 500
      res.end(String(error))
    }
  })

  oidcApp = await createTestApp({
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      KAIKAKU_PUBLIC_URL: PUBLIC_URL,
    },
  })
  plainApp = await createTestApp({ env: { KAIKAKU_PUBLIC_URL: PUBLIC_URL } })
})

after(async () => {
  await oidcApp?.close()
  await plainApp?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

/**
 * Follows the browser through the provider: from Kaikaku's /auth/oidc/start to the redirect
 * back to Kaikaku, keeping the provider's cookies. Returns the callback path and query.
 */
async function throughProvider(client: TestClient, startPath = '/auth/oidc/start') {
  const start = await client.get(startPath)
  assert.equal(start.status, 302)
  let location = start.headers.get('location')!
  assert.ok(location.startsWith(`${issuer}/`), location)
  const authUrl = new URL(location)
  assert.equal(authUrl.searchParams.get('code_challenge_method'), 'S256')
  assert.ok(authUrl.searchParams.get('state'))
  assert.ok(authUrl.searchParams.get('nonce'))
  assert.equal(authUrl.searchParams.get('redirect_uri'), `${PUBLIC_URL}/auth/oidc/callback`)
  const flowCookie = start.headers.getSetCookie().find((c) => c.startsWith('kk_oidc='))
  assert.ok(flowCookie && /HttpOnly/i.test(flowCookie) && /SameSite=Lax/i.test(flowCookie))

  const jar = new Map<string, string>()
  for (let hops = 0; hops < 10; hops++) {
    if (location.startsWith(PUBLIC_URL)) return location.slice(PUBLIC_URL.length)
    const res = await fetch(location, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1))
    }
    assert.ok([302, 303].includes(res.status), `${location}: ${res.status} ${await res.text()}`)
    location = new URL(res.headers.get('location')!, location).href
  }
  throw new Error('too many redirects')
}

describe('OpenID Connect sign-in', () => {
  test('a demo user signs in at the provider and is signed in to Kaikaku', async () => {
    signInAs = 'sub-staff'
    const client = oidcApp.client()
    const callback = await throughProvider(client)
    assert.match(callback, /^\/auth\/oidc\/callback\?code=/)
    const res = await client.get(callback)
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/')
    const session = res.headers.getSetCookie().find((c) => c.startsWith('kk_session='))
    assert.ok(session && /HttpOnly/i.test(session) && /SameSite=Lax/i.test(session))

    const me = (await (await client.get('/api/v1/me')).json()) as {
      user: { email: string; roles: { role: string }[] }
    }
    assert.equal(me.user.email, 'staff@demo.kaikaku.example')
    assert.deepEqual(
      me.user.roles.map((r) => r.role),
      ['staff'],
    )

    // The subject is now stored on the account, with an audit record of the link.
    const { db } = oidcApp.database
    const user = await db
      .selectFrom('users')
      .select(['id', 'oidc_subject'])
      .where('email', '=', 'staff@demo.kaikaku.example')
      .executeTakeFirstOrThrow()
    assert.equal(user.oidc_subject, 'sub-staff')
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['link_oidc', 'sign_in'])
      .where('actor_id', '=', user.id)
      .execute()
    assert.deepEqual(audit.map((a) => a.action).sort(), ['link_oidc', 'sign_in'])
  })

  test('a linked account is found by its subject even after the e-mail changes', async () => {
    ACCOUNTS['sub-staff']!.email = 'renamed@example.org'
    try {
      signInAs = 'sub-staff'
      const client = oidcApp.client()
      const res = await client.get(await throughProvider(client, '/auth/oidc/start?next=/org'))
      assert.equal(res.status, 303)
      assert.equal(res.headers.get('location'), '/org')
      const me = (await (await client.get('/api/v1/me')).json()) as { user: { email: string } }
      assert.equal(me.user.email, 'staff@demo.kaikaku.example')
    } finally {
      ACCOUNTS['sub-staff']!.email = 'Staff@demo.kaikaku.example'
    }
  })

  test('a session that existed before the sign-in is ended, not carried over', async () => {
    signInAs = 'sub-staff'
    const client = await oidcApp.signIn('reviewer')
    const before = client.cookieHeader.match(/kk_session=([^;]+)/)?.[1]
    assert.ok(before)
    const res = await client.get(await throughProvider(client))
    assert.equal(res.status, 303)
    const me = (await (await client.get('/api/v1/me')).json()) as { user: { email: string } }
    assert.equal(me.user.email, 'staff@demo.kaikaku.example')
    const stale = await oidcApp.client().get('/api/v1/me', { cookie: `kk_session=${before}` })
    assert.equal(stale.status, 401)
  })

  test('an e-mail address Kaikaku does not know gets 403', async () => {
    signInAs = 'sub-stranger'
    const client = oidcApp.client()
    const res = await client.get(await throughProvider(client), { 'accept-language': 'ja' })
    assert.equal(res.status, 403)
    assert.ok((await res.text()).includes('このアカウントはKaikakuに登録されていません'))
    assert.equal((await client.get('/api/v1/me')).status, 401)
  })

  test('an unverified e-mail address is not enough to be linked', async () => {
    signInAs = 'sub-admin-unverified'
    const client = oidcApp.client()
    const res = await client.get(await throughProvider(client))
    assert.equal(res.status, 403)
    const admin = await oidcApp.database.db
      .selectFrom('users')
      .select('oidc_subject')
      .where('email', '=', 'admin@demo.kaikaku.example')
      .executeTakeFirstOrThrow()
    assert.equal(admin.oidc_subject, null)
  })

  test('a tampered state is refused with a 4xx and no session', async () => {
    signInAs = 'sub-staff'
    const client = oidcApp.client()
    const callback = new URL(await throughProvider(client), PUBLIC_URL)
    callback.searchParams.set('state', 'forged-state')
    const res = await client.get(callback.pathname + callback.search)
    assert.equal(res.status, 400)
    assert.ok((await res.text()).includes('シングルサインオンに失敗しました'))
    assert.equal((await client.get('/api/v1/me')).status, 401)
  })

  test('a callback without the flow cookie, or a replayed one, is refused', async () => {
    signInAs = 'sub-staff'
    const client = oidcApp.client()
    const callback = await throughProvider(client)
    const stranger = oidcApp.client()
    assert.equal((await stranger.get(callback)).status, 400)
    assert.equal((await client.get(callback)).status, 303)
    // The flow cookie is gone now, so the same code cannot be used twice.
    assert.equal((await client.get(callback)).status, 400)
  })

  test('a provider error in the callback is a 4xx', async () => {
    const client = oidcApp.client()
    await client.get('/auth/oidc/start')
    const res = await client.get('/auth/oidc/callback?error=access_denied&state=x')
    assert.equal(res.status, 400)
  })

  test('without OIDC configured the routes do not exist and the login page has no button', async () => {
    const client = plainApp.client()
    assert.equal((await client.get('/auth/oidc/start')).status, 404)
    assert.equal((await client.get('/auth/oidc/callback?code=x&state=y')).status, 404)
    assert.ok(!(await (await client.get('/login')).text()).includes('/auth/oidc/start'))
    assert.ok((await (await oidcApp.client().get('/login')).text()).includes('/auth/oidc/start'))
  })
})
