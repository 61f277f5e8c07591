// Every route of the app, called as every demo role and signed out, against a reviewed table of
// who may use it. The table is written from the modules' policies (`*.policy.ts`) and DESIGN's
// roles, not recorded from the app; a route the table does not classify fails the test.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../testing/app.ts'
import {
  expected,
  GET_RULES,
  type Ids,
  loadIds,
  type Who,
  WRITE_RULES,
} from './role-matrix.table.ts'

let t: TestApp
let ids: Ids
const clients = new Map<Who, TestClient>()

before(async () => {
  t = await createTestApp()
  ids = await loadIds(t.database.db)
  const anon = t.client()
  await anon.get('/login')
  clients.set('anon', anon)
  for (const role of DEMO_ROLES) clients.set(role, await t.signIn(role))
})
after(() => t.close())

function routeKeys(): string[] {
  const keys = new Set<string>()
  for (const r of t.app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path}`)
  return [...keys]
}

describe('role matrix', () => {
  test('every route is classified in the table', () => {
    const unclassified = routeKeys().filter((key) =>
      key.startsWith('GET ') ? !(key.slice(4) in GET_RULES) : !(key in WRITE_RULES),
    )
    assert.deepEqual(unclassified, [], 'routes missing from role-matrix.table.ts')
    const stale = [
      ...Object.keys(GET_RULES).map((p) => `GET ${p}`),
      ...Object.keys(WRITE_RULES),
    ].filter((key) => !routeKeys().includes(key))
    assert.deepEqual(stale, [], 'table rows for routes that no longer exist')
  })

  test('every GET route answers each role as the table says', async () => {
    const wrong: string[] = []
    let calls = 0
    for (const [pattern, rule] of Object.entries(GET_RULES)) {
      const path = rule.path ? rule.path(ids) : pattern
      assert.ok(!path.includes('/:'), `${pattern}: no sample path for its parameters`)
      for (const [who, client] of clients) {
        const res = await client.get(path)
        calls++
        await res.arrayBuffer()
        const want = expected(rule, who)
        if (!want.includes(res.status))
          wrong.push(`GET ${path} (${pattern}) as ${who}: ${res.status}, want ${want.join('|')}`)
      }
    }
    for (const line of wrong) console.log(line)
    assert.deepEqual(wrong, [], `${wrong.length} of ${calls} calls answered otherwise`)
  })
})
