import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../testing/app.ts'

// Every foundation route, called as every demo role and anonymously: the status each gets.
// A scoped role's scope in the demo: dept_lead → 商工部, office_manager → 池袋事務所 (雇用就業部).

type Who = Role | 'anonymous'
type Call = (client: TestClient, who: Who) => Promise<Response>

let t: TestApp
const ids: Record<string, string> = {}
before(async () => {
  t = await createTestApp()
  const admin = await t.signIn('admin')
  const { units } = (await (await admin.get('/api/v1/org/units')).json()) as {
    units: { id: string; code: string }[]
  }
  for (const u of units) ids[u.code] = u.id
  const { groups } = (await (await admin.get('/api/v1/org/groups')).json()) as {
    groups: { id: string; kind: string; members: { person: { id: string; unitId: string } }[] }[]
  }
  const pr = groups.find((g) => g.kind === 'pr_team')!
  ids.prTeam = pr.id
  ids.prMember = pr.members[0]!.person.id
  const unit = (await (await admin.get(`/api/v1/org/units/${ids['off-ikebukuro']}`)).json()) as {
    people: { id: string }[]
  }
  ids.ikebukuroPerson = unit.people[0]!.id
})
after(() => t.close())

const everyone = (status: number): Record<Who, number> =>
  Object.fromEntries(
    [...DEMO_ROLES, 'anonymous'].map((r) => [r, r === 'anonymous' ? 401 : status]),
  ) as Record<Who, number>
const only = (allowed: Role[], status: number, denied = 403): Record<Who, number> =>
  Object.fromEntries(
    [...DEMO_ROLES, 'anonymous'].map((r) => [
      r,
      r === 'anonymous' ? 401 : allowed.includes(r as Role) ? status : denied,
    ]),
  ) as Record<Who, number>

const routes: [string, Call, Record<Who, number>][] = [
  ['GET /org', (c) => c.get('/org'), everyone(200)],
  ['GET /org/units/:id', (c) => c.get(`/org/units/${ids.shoko}`), everyone(200)],
  ['GET /org/people/:id', (c) => c.get(`/org/people/${ids.ikebukuroPerson}`), everyone(200)],
  ['GET /org/groups/:id', (c) => c.get(`/org/groups/${ids.prTeam}`), everyone(200)],
  ['GET /api/v1/org/units', (c) => c.get('/api/v1/org/units'), everyone(200)],
  ['GET /api/v1/org/groups', (c) => c.get('/api/v1/org/groups'), everyone(200)],
  ['GET /account', (c) => c.get('/account'), everyone(200)],
  ['GET /inbox', (c) => c.get('/inbox'), everyone(200)],
  ['GET /api/v1/me', (c) => c.get('/api/v1/me'), everyone(200)],
  ['GET /admin/users', (c) => c.get('/admin/users'), only(['admin'], 200)],
  [
    'GET /org/units/new',
    (c) => c.get('/org/units/new'),
    only(['admin', 'hq_secretariat', 'dept_lead'], 200),
  ],
  [
    'GET /org/units/:id/edit (a 商工部 section)',
    (c) => c.get(`/org/units/${ids['shoko-keiei']}/edit`),
    only(['admin', 'hq_secretariat', 'dept_lead'], 200),
  ],
  [
    'GET /org/units/:id/edit (a department)',
    (c) => c.get(`/org/units/${ids.kanko}/edit`),
    only(['admin', 'hq_secretariat'], 200),
  ],
  [
    'GET /org/people/new',
    (c) => c.get('/org/people/new'),
    only(['admin', 'hq_secretariat', 'dept_lead', 'office_manager'], 200),
  ],
  [
    'GET /org/people/:id/edit (池袋)',
    (c) => c.get(`/org/people/${ids.ikebukuroPerson}/edit`),
    only(['admin', 'hq_secretariat', 'office_manager'], 200),
  ],
  [
    'POST /api/v1/org/units (section in 商工部)',
    (c, who) =>
      c.sendJson('POST', '/api/v1/org/units', {
        kind: 'section',
        parentId: ids.shoko,
        code: `matrix-${who}`,
        name: `行列テスト課（${who}）`,
      }),
    only(['admin', 'hq_secretariat', 'dept_lead'], 201),
  ],
  [
    'POST /api/v1/org/units (department)',
    (c, who) =>
      c.sendJson('POST', '/api/v1/org/units', {
        kind: 'department',
        parentId: ids.sanro,
        code: `dept-${who}`,
        name: `行列テスト部（${who}）`,
      }),
    only(['admin', 'hq_secretariat'], 201),
  ],
  [
    'POST /api/v1/org/people (池袋事務所)',
    (c, who) =>
      c.sendJson('POST', '/api/v1/org/people', {
        unitId: ids['off-ikebukuro'],
        name: `行列 ${who}`,
        grade: 'staff',
        jobFamily: 'administrative',
      }),
    only(['admin', 'hq_secretariat', 'office_manager'], 201),
  ],
  [
    'POST /api/v1/org/people (商工部 経営支援課)',
    (c, who) =>
      c.sendJson('POST', '/api/v1/org/people', {
        unitId: ids['shoko-keiei'],
        name: `行列 ${who}`,
        grade: 'staff',
        jobFamily: 'administrative',
      }),
    only(['admin', 'hq_secretariat', 'dept_lead'], 201),
  ],
  [
    'PUT /api/v1/org/groups/:id/members',
    (c) =>
      c.sendJson('PUT', `/api/v1/org/groups/${ids.prTeam}/members`, {
        personId: ids.prMember,
        position: 'メンバー',
      }),
    only(['admin', 'hq_secretariat'], 200),
  ],
  [
    'POST /admin/users',
    (c, who) =>
      c.postForm('/admin/users', {
        email: `matrix-${who}@example.jp`,
        displayName: who,
        password: 'matrix-password-1',
        role: 'staff',
      }),
    only(['admin'], 303),
  ],
]

describe('role matrix: every foundation route for every role', () => {
  const clients = new Map<Who, TestClient>()
  before(async () => {
    for (const role of DEMO_ROLES) clients.set(role, await t.signIn(role))
    clients.set('anonymous', t.client())
  })

  for (const [name, call, expected] of routes) {
    test(name, async () => {
      const got: Record<string, number> = {}
      for (const who of Object.keys(expected) as Who[]) {
        const client = clients.get(who)!
        if (who === 'anonymous' && name.startsWith('POST /admin')) await client.get('/login') // a CSRF cookie, like a browser
        got[who] = (await call(client, who)).status
      }
      assert.deepEqual(got, expected)
    })
  }
})
