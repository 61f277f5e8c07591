// The role matrix's writes (see role-matrix.test.ts; split off so that each file stays well under
// the runner's per-file timeout on a loaded machine). Every route of the app, against a reviewed table of
// who may use it. The table is written from the modules' policies (`*.policy.ts`) and DESIGN's
// roles, not recorded from the app; a route the table does not classify fails the test.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../testing/app.ts'
import { databaseFingerprint, diffFingerprints } from '../testing/fingerprint.ts'
import {
  allows,
  CHECKS_INPUT_FIRST,
  expected,
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

describe('role matrix, writes', () => {
  test('writes are refused to every role the policy denies, and change nothing', async () => {
    const wrong: string[] = []
    const before = await databaseFingerprint(t.database.db)
    for (const [key, rule] of Object.entries(WRITE_RULES)) {
      if (rule.allow === 'public') continue
      const [method, pattern] = key.split(' ') as [string, string]
      const path = rule.path ? rule.path(ids) : pattern
      for (const [who, client] of clients) {
        if (who !== 'anon' && allows(rule, who)) continue
        const want = [...expected(rule, who)]
        if (who !== 'anon' && CHECKS_INPUT_FIRST.has(key)) want.push(400, 428)
        const body = rule.body ? rule.body(ids) : {}
        const res = path.startsWith('/api/')
          ? await client.sendJson(method, path, body)
          : await client.postForm(path, body as Record<string, string>)
        await res.arrayBuffer()
        if (!want.includes(res.status))
          wrong.push(`${method} ${path} as ${who}: ${res.status}, want ${want.join('|')}`)
      }
    }
    for (const line of wrong) console.log(line)
    assert.deepEqual(wrong, [], `${wrong.length} refused writes answered otherwise`)
    const changed = diffFingerprints(before, await databaseFingerprint(t.database.db))
    assert.deepEqual(changed, [], 'refused writes changed these tables')
  })
})
