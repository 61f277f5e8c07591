import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { z } from 'zod'
import type { AppEnv } from '../../http/context.ts'
import { clearAppCookie, SESSION_COOKIE, setAppCookie } from '../../http/cookies.ts'
import { AppError, forbidden } from '../../http/errors.ts'
import { formFields, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { listUnits } from '../org/index.ts'
import { canManageUsers } from './accounts.policy.ts'
import {
  changePasswordSchema,
  createTokenSchema,
  createUserSchema,
  setupAdminSchema,
  signInSchema,
} from './accounts.schemas.ts'
import { AccountPage, AdminUsersPage, LoginPage, SetupPage } from './accounts.views.tsx'
import { endSession, SESSION_DAYS, signInWithPassword } from './auth.service.ts'
import {
  changePassword,
  createApiToken,
  createFirstAdmin,
  createUser,
  isSetupTokenValid,
  listApiTokens,
  listUsers,
  revokeApiToken,
} from './users.service.ts'

const tokenIdSchema = z.uuid()

/** Only local paths are followed after sign-in, never another site. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)/.test(next) && !next.startsWith('/\\') ? next : '/'
}

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

export const accountRoutes = new Hono<AppEnv>()
  .get('/login', async (c) => {
    const page = await pageContext(c)
    const { config } = c.get('deps')
    return c.html(
      <LoginPage
        page={page}
        message={noticeOf(c)}
        oidcLabel={config.oidc?.label}
        next={c.req.query('next')}
      />,
    )
  })
  .post('/login', async (c) => {
    const fields = await formFields(c)
    const { db, config } = c.get('deps')
    try {
      const input = parseInput(signInSchema, fields)
      const { sessionSecret } = await signInWithPassword(db, {
        ...input,
        address: clientAddress(c),
      })
      // A session id that existed before sign-in is never carried over (session fixation).
      const previous = getCookie(c, SESSION_COOKIE)
      if (previous) await endSession(db, previous)
      setAppCookie(c, SESSION_COOKIE, sessionSecret, SESSION_DAYS * 86400)
      return c.redirect(safeNext(fields.next), 303)
    } catch (error) {
      if (!(error instanceof AppError) || !['validation', 'unauthorized'].includes(error.code))
        throw error
      const page = await pageContext(c)
      const errors =
        formErrorsOf(error, page.t) ??
        ({ password: [page.t(error.messageKey)] } as Record<string, string[]>)
      return c.html(
        <LoginPage
          page={page}
          email={fields.email}
          errors={errors}
          oidcLabel={config.oidc?.label}
          next={fields.next}
        />,
        error.status as 400 | 401,
      )
    }
  })
  .post('/logout', async (c) => {
    const secret = getCookie(c, SESSION_COOKIE)
    if (secret) await endSession(c.get('deps').db, secret)
    clearAppCookie(c, SESSION_COOKIE)
    return c.redirect('/login?notice=login.signedOut', 303)
  })
  .get('/account', async (c) => {
    const actor = requireActor(c)
    const page = await pageContext(c)
    const tokens = await listApiTokens(c.get('deps').db, actor)
    return c.html(<AccountPage page={page} tokens={tokens} notice={noticeOf(c)} />)
  })
  .post('/account/password', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    try {
      await changePassword(
        db,
        actor,
        parseInput(changePasswordSchema, await formFields(c)),
        getCookie(c, SESSION_COOKIE),
      )
      return c.redirect('/account?notice=account.passwordChanged', 303)
    } catch (error) {
      const page = await pageContext(c)
      const errors = formErrorsOf(error, page.t)
      if (!errors) throw error
      return c.html(
        <AccountPage page={page} tokens={await listApiTokens(db, actor)} errors={errors} />,
        400,
      )
    }
  })
  .post('/account/tokens', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const page = await pageContext(c)
    try {
      const { tokenName } = parseInput(createTokenSchema, await formFields(c))
      const secret = await createApiToken(db, actor, tokenName)
      return c.html(
        <AccountPage page={page} tokens={await listApiTokens(db, actor)} newToken={secret} />,
        201,
      )
    } catch (error) {
      const errors = formErrorsOf(error, page.t)
      if (!errors) throw error
      return c.html(
        <AccountPage page={page} tokens={await listApiTokens(db, actor)} tokenErrors={errors} />,
        400,
      )
    }
  })
  .post('/account/tokens/:id/revoke', async (c) => {
    const actor = requireActor(c)
    await revokeApiToken(c.get('deps').db, actor, parseInput(tokenIdSchema, c.req.param('id')))
    return c.redirect('/account?notice=account.tokenRevoked', 303)
  })
  .get('/setup/:token', async (c) => {
    const page = await pageContext(c)
    if (!(await isSetupTokenValid(c.get('deps').db, c.req.param('token'))))
      throw new AppError('forbidden', 'errors.setupUsed')
    return c.html(<SetupPage page={page} token={c.req.param('token')} />)
  })
  .post('/setup/:token', async (c) => {
    const fields = await formFields(c)
    try {
      const input = parseInput(setupAdminSchema, fields)
      await createFirstAdmin(c.get('deps').db, c.req.param('token'), input)
      return c.redirect('/login?notice=setup.done', 303)
    } catch (error) {
      const page = await pageContext(c)
      const errors = formErrorsOf(error, page.t)
      if (!errors) throw error
      return c.html(
        <SetupPage page={page} token={c.req.param('token')} values={fields} errors={errors} />,
        400,
      )
    }
  })

async function scopeOptions(c: Parameters<typeof pageContext>[0]) {
  const units = await listUnits(c.get('deps').db, requireActor(c))
  const t = c.get('t')
  return units
    .filter((u) => u.kind === 'department' || u.kind === 'office')
    .map((u) => ({ value: u.id, label: `${u.name}（${t(`unitKind.${u.kind}`)}）` }))
}

export const adminRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    if (!canManageUsers(requireActor(c))) throw forbidden()
    return c.redirect('/admin/users', 303)
  })
  .get('/users', async (c) => {
    const actor = requireActor(c)
    const users = await listUsers(c.get('deps').db, actor)
    return c.html(
      <AdminUsersPage
        page={await pageContext(c)}
        users={users}
        scopes={await scopeOptions(c)}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/users', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fields = await formFields(c)
    try {
      await createUser(db, actor, parseInput(createUserSchema, fields))
      return c.redirect('/admin/users?notice=admin.userCreated', 303)
    } catch (error) {
      const page = await pageContext(c)
      const errors = formErrorsOf(error, page.t)
      if (!errors) throw error
      return c.html(
        <AdminUsersPage
          page={page}
          users={await listUsers(db, actor)}
          scopes={await scopeOptions(c)}
          values={fields}
          errors={errors}
        />,
        400,
      )
    }
  })
