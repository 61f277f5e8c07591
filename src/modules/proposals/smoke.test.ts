import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

test('smoke', async () => {
  for (const [role, paths] of [
    ['staff', ['/proposals']],
    ['reviewer', ['/proposals', '/proposals/review']],
    ['hq_secretariat', ['/proposals', '/proposals/dashboard', '/proposals/adopted']],
  ] as const) {
    const client = await t.signIn(role)
    for (const path of paths) {
      const res = await client.get(path)
      const body = await res.text()
      if (res.status !== 200) console.log(path, body.slice(0, 3000))
      assert.equal(res.status, 200, `${role} ${path}`)
    }
  }
})
