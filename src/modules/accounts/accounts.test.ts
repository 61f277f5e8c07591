import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { verifyAuditChain } from '../../audit/audit.ts'
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/app.ts'
import { createSetupToken } from './index.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

describe('sign-in', () => {
  test('a demo account signs in, gets an HttpOnly SameSite=Lax session, and signs out', async () => {
    const client = t.client()
    await client.get('/login')
    const res = await client.postForm('/login', {
      email: 'staff@demo.kaikaku.example',
      password: DEMO_PASSWORD,
    })
    assert.equal(res.status, 303)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kk_session='))
    assert.ok(cookie)
    assert.match(cookie, /HttpOnly/)
    assert.match(cookie, /SameSite=Lax/)
    assert.doesNotMatch(cookie, /Secure/) // http://localhost: no Secure flag
    const me = await client.get('/api/v1/me')
    assert.equal(me.status, 200)
    assert.equal(
      ((await me.json()) as { user: { email: string } }).user.email,
      'staff@demo.kaikaku.example',
    )
    const out = await client.postForm('/logout', {})
    assert.equal(out.status, 303)
    assert.equal((await client.get('/api/v1/me')).status, 401)
  })

  test('the session cookie is Secure when the public URL is https', async () => {
    const secure = await createTestApp({
      seed: true,
      env: { KAIKAKU_PUBLIC_URL: 'https://kaikaku.example.jp' },
    })
    try {
      const client = secure.client()
      await client.get('/login')
      const res = await client.postForm('/login', {
        email: 'staff@demo.kaikaku.example',
        password: DEMO_PASSWORD,
      })
      assert.match(
        res.headers.getSetCookie().find((c) => c.startsWith('kk_session=')) ?? '',
        /Secure/,
      )
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age/)
    } finally {
      await secure.close()
    }
  })

  test('a wrong password is a 401 page with the message beside the form, e-mail kept', async () => {
    const client = t.client()
    const res = await client.postForm('/login', {
      email: 'hq-chief@demo.kaikaku.example',
      password: 'wrong-password',
    })
    assert.equal(res.status, 401)
    const html = await res.text()
    assert.match(html, /メールアドレスまたはパスワードが正しくありません/)
    assert.match(html, /value="hq-chief@demo.kaikaku.example"/)
  })

  test('an empty form is a 400 with a message per field', async () => {
    const res = await t.client().postForm('/login', { email: '', password: '' })
    assert.equal(res.status, 400)
    const html = await res.text()
    assert.match(html, /メールアドレス: 入力してください。/)
    assert.match(html, /パスワード: 入力してください。/)
  })

  test('repeated failures for one account are refused with 429, even with the right password', async () => {
    const email = 'reviewer@demo.kaikaku.example'
    for (let i = 0; i < 5; i++) {
      const res = await t.client().postForm('/login', { email, password: `wrong-${i}` })
      assert.equal(res.status, 401)
    }
    const locked = await t.client().postForm('/login', { email, password: DEMO_PASSWORD })
    assert.equal(locked.status, 429)
    assert.ok(Number(locked.headers.get('retry-after')) > 0)
    assert.match(await locked.text(), /しばらくログインできません/)
    // Other accounts are not affected.
    assert.equal(
      (
        await t
          .client()
          .postForm('/login', { email: 'pr-team@demo.kaikaku.example', password: DEMO_PASSWORD })
      ).status,
      303,
    )
  })

  test('a login form without the CSRF token is refused', async () => {
    const res = await t
      .client()
      .postForm(
        '/login',
        { email: 'staff@demo.kaikaku.example', password: DEMO_PASSWORD },
        { csrf: null },
      )
    assert.equal(res.status, 403)
  })

  test('signing in replaces any session the browser already had', async () => {
    const client = await t.signIn('staff')
    const before = client.cookieHeader
    await client.signIn('hq-member@demo.kaikaku.example', DEMO_PASSWORD)
    assert.notEqual(client.cookieHeader, before)
    // The earlier session id no longer signs anyone in.
    const stale = await t.app.request('/api/v1/me', { headers: { cookie: before } })
    assert.equal(stale.status, 401)
  })

  test('after sign-in only local paths are followed', async () => {
    const client = t.client()
    const res = await client.postForm('/login', {
      email: 'admin@demo.kaikaku.example',
      password: DEMO_PASSWORD,
      next: '//evil.example/',
    })
    assert.equal(res.headers.get('location'), '/')
    const local = await t.client().postForm('/login', {
      email: 'admin@demo.kaikaku.example',
      password: DEMO_PASSWORD,
      next: '/org',
    })
    assert.equal(local.headers.get('location'), '/org')
  })
})

describe('password change', () => {
  test('needs the current password, a long new one and the same confirmation', async () => {
    const client = await t.signIn('council_secretary')
    const elsewhere = await t.signIn('council_secretary')
    const wrong = await client.postForm('/account/password', {
      currentPassword: 'nope',
      newPassword: 'a-new-long-password',
      confirmPassword: 'a-new-long-password',
    })
    assert.equal(wrong.status, 400)
    assert.match(await wrong.text(), /現在のパスワードが正しくありません/)
    const short = await client.postForm('/account/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
      confirmPassword: 'short',
    })
    assert.equal(short.status, 400)
    assert.match(await short.text(), /12文字以上で入力してください/)
    const mismatch = await client.postForm('/account/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-new-long-password',
      confirmPassword: 'another-long-password',
    })
    assert.match(await mismatch.text(), /確認用のパスワードが一致しません/)
    const ok = await client.postForm('/account/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'a-new-long-password',
      confirmPassword: 'a-new-long-password',
    })
    assert.equal(ok.status, 303)
    // The session it was changed from goes on; the user's other sessions end.
    assert.equal((await client.get('/api/v1/me')).status, 200)
    assert.equal((await elsewhere.get('/api/v1/me')).status, 401)
    assert.equal(
      (
        await t.client().postForm('/login', {
          email: 'council-secretary@demo.kaikaku.example',
          password: DEMO_PASSWORD,
        })
      ).status,
      401,
    )
    assert.equal(
      (
        await t.client().postForm('/login', {
          email: 'council-secretary@demo.kaikaku.example',
          password: 'a-new-long-password',
        })
      ).status,
      303,
    )
  })
})

describe('API tokens', () => {
  test('a token created on the account page works as a bearer token until revoked', async () => {
    const client = await t.signIn('disclosure_officer')
    const page = await client.postForm('/account/tokens', { tokenName: 'データ連携' })
    assert.equal(page.status, 201)
    const token = /<code class="token">([^<]+)<\/code>/.exec(await page.text())?.[1]
    assert.ok(token?.startsWith('kk_'))
    const api = await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })
    assert.equal(api.status, 200)
    // Bearer calls need no CSRF token.
    const write = await t.app.request('/api/v1/org/units', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"kind":"section"}',
    })
    assert.equal(write.status, 400) // validation, not CSRF
    const list = await (await client.get('/account')).text()
    const id = /\/account\/tokens\/([0-9a-f-]{36})\/revoke/.exec(list)?.[1]
    assert.ok(id)
    assert.equal((await client.postForm(`/account/tokens/${id}/revoke`, {})).status, 303)
    assert.equal(
      (await t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status,
      401,
    )
  })

  test('an unknown bearer token is 401', async () => {
    const res = await t.app.request('/api/v1/org/units', {
      headers: { authorization: 'Bearer kk_nope' },
    })
    assert.equal(res.status, 401)
  })
})

describe('administration', () => {
  test('only administrators manage users', async () => {
    for (const role of ['staff', 'hq_chief', 'hq_secretariat'] as const) {
      const client = await t.signIn(role)
      assert.equal((await client.get('/admin/users')).status, 403, role)
      assert.equal(
        (
          await client.postForm('/admin/users', {
            email: 'x@example.jp',
            displayName: 'x',
            password: 'long-enough-pass',
            role: 'staff',
          })
        ).status,
        403,
        role,
      )
    }
    assert.equal((await t.client().get('/admin/users')).status, 401)
  })

  test('an administrator adds a scoped user; a scoped role without a scope is refused', async () => {
    const admin = await t.signIn('admin')
    const noScope = await admin.postForm('/admin/users', {
      email: 'lead2@example.jp',
      displayName: '部会長 二',
      password: 'long-enough-pass',
      role: 'dept_lead',
      scopeUnitId: '',
    })
    assert.equal(noScope.status, 400)
    assert.match(await noScope.text(), /所属範囲（部または事業所）の指定が必要です/)
    const units = (await (await admin.get('/api/v1/org/units')).json()) as {
      units: { id: string; code: string }[]
    }
    const kanko = units.units.find((u) => u.code === 'kanko')!
    const ok = await admin.postForm('/admin/users', {
      email: 'lead2@example.jp',
      displayName: '部会長 二',
      password: 'long-enough-pass',
      role: 'dept_lead',
      scopeUnitId: kanko.id,
    })
    assert.equal(ok.status, 303)
    const dup = await admin.postForm('/admin/users', {
      email: 'LEAD2@example.jp',
      displayName: 'dup',
      password: 'long-enough-pass',
      role: 'staff',
    })
    assert.match(await dup.text(), /既に登録されています/)
    const lead = await t.client().signIn('lead2@example.jp', 'long-enough-pass')
    const section = await lead.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: kanko.id,
      code: 'kanko-by-lead2',
      name: '新しい課',
    })
    assert.equal(section.status, 201)
  })
})

describe('first administrator without demo data', () => {
  test('a one-time link creates the first administrator, then is spent', async () => {
    const empty = await createTestApp({ seed: false, env: { KAIKAKU_DEMO: '0' } })
    try {
      const token = await createSetupToken(empty.database.db)
      const client = empty.client()
      assert.equal((await client.get(`/setup/${token}`)).status, 200)
      const bad = await client.postForm(`/setup/${token}`, {
        displayName: '管理 者',
        email: 'not-an-email',
        password: 'short',
      })
      assert.equal(bad.status, 400)
      const ok = await client.postForm(`/setup/${token}`, {
        displayName: '管理 者',
        email: 'root@example.jp',
        password: 'first-admin-password',
      })
      assert.equal(ok.status, 303)
      assert.equal((await client.get(`/setup/${token}`)).status, 403)
      const again = await client.postForm(`/setup/${token}`, {
        displayName: 'x',
        email: 'x@example.jp',
        password: 'first-admin-password',
      })
      assert.equal(again.status, 403)
      const admin = await empty.client().signIn('root@example.jp', 'first-admin-password')
      assert.equal((await admin.get('/admin/users')).status, 200)
    } finally {
      await empty.close()
    }
  })
})

describe('audit', () => {
  test('sign-ins, user changes and org edits are chained in the audit log', async () => {
    const result = await verifyAuditChain(t.database.db)
    assert.ok(result.ok)
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .execute()
    for (const [action, entity] of [
      ['seed', 'organisation'],
      ['create', 'user'],
      ['sign_in', 'session'],
      ['create', 'api_token'],
    ]) {
      assert.ok(
        actions.some((a) => a.action === action && a.entity === entity),
        `${action} ${entity}`,
      )
    }
  })
})
