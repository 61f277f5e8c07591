import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../testing/app.ts'

// Its own app: this test locks out the address every in-process request comes from.
let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

test('many failures from one address, across accounts, lock that address out with 429', async () => {
  for (let i = 0; i < 20; i++) {
    const res = await t
      .client()
      .postForm('/login', { email: `nobody-${i}@example.jp`, password: 'guess' })
    assert.equal(res.status, 401, `attempt ${i + 1}`)
  }
  // No single account failed five times, but the address has had enough.
  const res = await t
    .client()
    .postForm('/login', { email: 'staff@demo.kaikaku.example', password: DEMO_PASSWORD })
  assert.equal(res.status, 429)
  assert.equal(res.headers.get('retry-after'), String(15 * 60))
})
