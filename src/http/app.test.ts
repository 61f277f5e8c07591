import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { testDbKind } from '../testing/database.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

describe('health and metrics', () => {
  test('GET /healthz names the database backend', async () => {
    const res = await t.app.request('/healthz')
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { status: 'ok', db: testDbKind })
  })

  test('GET /metrics is Prometheus text with request durations by route', async () => {
    await t.app.request('/login')
    const res = await t.app.request('/metrics')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/)
    const text = await res.text()
    assert.match(text, /# TYPE kaikaku_http_request_duration_seconds histogram/)
    assert.match(
      text,
      /kaikaku_http_request_duration_seconds_count\{method="GET",route="\/login",status="200"\} \d+/,
    )
    assert.match(text, /process_resident_memory_bytes/)
  })

  test('the OpenAPI document describes the org API', async () => {
    const res = await t.app.request('/api/v1/openapi.json')
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, { properties?: object }> }
    }
    assert.equal(doc.openapi, '3.1.0')
    assert.ok(doc.paths['/org/units'])
    assert.ok(doc.paths['/org/groups/{id}/members'])
    assert.ok(doc.components.schemas.UnitInput?.properties)
  })
})

describe('security headers', () => {
  test('pages carry a CSP without inline script, and the other headers', async () => {
    const res = await t.app.request('/login')
    const csp = res.headers.get('content-security-policy') ?? ''
    assert.match(csp, /script-src 'self'/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin')
  })

  test('no page has an inline script or inline event handler', async () => {
    const client = await t.signIn('admin')
    for (const path of ['/', '/org', '/account', '/inbox', '/admin/users', '/login']) {
      const html = await (await client.get(path)).text()
      assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, path)
      assert.doesNotMatch(html, /\son[a-z]+=/, path)
    }
  })

  test('signed-in pages are not cached', async () => {
    const client = await t.signIn('staff')
    assert.equal((await client.get('/org')).headers.get('cache-control'), 'no-store')
  })
})

describe('bad input never answers 5xx', () => {
  test('unknown routes are 404, as a page or as JSON', async () => {
    const page = await t.app.request('/no/such/page')
    assert.equal(page.status, 404)
    assert.match(await page.text(), /ページが見つかりません/)
    const api = await t.app.request('/api/v1/no-such-thing')
    assert.equal(api.status, 404)
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'not_found')
  })

  test('a malformed JSON body is 400', async () => {
    const client = await t.signIn('admin')
    const res = await client.sendJson('POST', '/api/v1/org/units', '{"kind": "section",')
    assert.equal(res.status, 400)
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'bad_json')
  })

  test('wrong types and values get a Japanese message per field', async () => {
    const client = await t.signIn('admin')
    const res = await client.sendJson('POST', '/api/v1/org/people', {
      unitId: 'x',
      name: 42,
      grade: 'emperor',
      jobFamily: null,
      email: 'not-mail',
    })
    assert.equal(res.status, 400)
    const { error } = (await res.json()) as {
      error: { code: string; fields: Record<string, string[]> }
    }
    assert.equal(error.code, 'validation')
    assert.deepEqual(Object.keys(error.fields).sort(), [
      'email',
      'grade',
      'jobFamily',
      'name',
      'unitId',
    ])
    assert.equal(error.fields.grade?.[0], '選択肢から選んでください。')
    assert.equal(error.fields.email?.[0], 'メールアドレスの形式が正しくありません。')
  })

  test('a body that is not an object, or numbers out of range, are 400', async () => {
    const client = await t.signIn('admin')
    for (const body of ['[]', '"text"', 'null', '12']) {
      assert.equal((await client.sendJson('POST', '/api/v1/org/units', body)).status, 400, body)
    }
    const res = await client.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      code: 'ok-code',
      name: 'x',
      sortOrder: 1e12,
    })
    assert.equal(res.status, 400)
  })

  test('an oversized body is 413', async () => {
    const client = await t.signIn('admin')
    const res = await client.sendJson('POST', '/api/v1/org/units', {
      name: 'x'.repeat(2 * 1024 * 1024),
    })
    assert.equal(res.status, 413)
  })

  test('English messages when the reader chose English', async () => {
    const client = await t.signIn('admin')
    await client.get('/lang/en')
    const res = await client.sendJson('POST', '/api/v1/org/people', { unitId: 'x' })
    const { error } = (await res.json()) as {
      error: { message: string; fields: Record<string, string[]> }
    }
    assert.equal(error.message, 'Some values are not valid.')
    assert.equal(error.fields.name?.[0], 'Enter a value.')
    const page = await (await client.get('/org')).text()
    assert.match(page, /<html lang="en">/)
    assert.match(page, /Organisation chart/)
  })
})

describe('dates', () => {
  test('the home page gives today in 西暦 with the 和暦 year, and the fiscal year by era', async () => {
    const client = await t.signIn('staff')
    const html = await (await client.get('/')).text()
    assert.match(
      html,
      /本日は\d{4}年\d{1,2}月\d{1,2}日（令和(元|\d+)年）、令和(元|\d+)年度（\d{4}年度）です。/,
    )
  })
})
