import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../../testing/app.ts'

// Every disclosure route, called as every demo role and anonymously: the status each gets.
// Writes are sent with empty input: who may write gets 400, everyone else 401/403.

type Who = Role | 'anonymous'
type Call = (client: TestClient) => Promise<Response>

let t: TestApp
const ids: Record<string, string> = {}
before(async () => {
  t = await createTestApp()
  const db = t.database.db
  ids.request = (
    await db.selectFrom('disclosure_requests').select('id').executeTakeFirstOrThrow()
  ).id
  ids.dataset = (await db.selectFrom('opendata_datasets').select('id').executeTakeFirstOrThrow()).id
  ids.resource = (
    await db.selectFrom('opendata_resources').select('id').executeTakeFirstOrThrow()
  ).id
  ids.candidate = (
    await db.selectFrom('disclosure_candidates').select('id').executeTakeFirstOrThrow()
  ).id
  ids.holding = (
    await db
      .selectFrom('data_holdings')
      .select('id')
      .where('title', '=', '労働相談記録')
      .executeTakeFirstOrThrow()
  ).id
})
after(() => t.close())

const OFFICER: Role[] = ['disclosure_officer', 'admin']
const HQ: Role[] = [...OFFICER, 'hq_chief', 'hq_member', 'hq_secretariat']
const REGISTER: Role[] = [...HQ, 'office_manager', 'dept_lead']
// The 池袋事務所 holding: its office manager keeps it; 商工部's lead does not.
const KEEPERS: Role[] = [...OFFICER, 'office_manager']

const expect = (
  allowed: Role[] | 'all',
  status: number,
  anonymous = 401,
  denied = 403,
): Record<Who, number> =>
  Object.fromEntries(
    [...DEMO_ROLES, 'anonymous'].map((r) => [
      r,
      r === 'anonymous'
        ? anonymous
        : allowed === 'all' || allowed.includes(r as Role)
          ? status
          : denied,
    ]),
  ) as Record<Who, number>

const routes: [string, Call, Record<Who, number>][] = [
  ['GET /disclosure/requests', (c) => c.get('/disclosure/requests'), expect(OFFICER, 200)],
  [
    'GET /disclosure/requests/:id',
    (c) => c.get(`/disclosure/requests/${ids.request}`),
    expect(OFFICER, 200),
  ],
  [
    'POST /disclosure/requests',
    (c) => c.postForm('/disclosure/requests', {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/requests/:id/extend',
    (c) => c.postForm(`/disclosure/requests/${ids.request}/extend`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/requests/:id/decide',
    (c) => c.postForm(`/disclosure/requests/${ids.request}/decide`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/requests/:id/documents',
    (c) => c.postForm(`/disclosure/requests/${ids.request}/documents`, {}),
    expect(OFFICER, 400),
  ],
  ['GET /disclosure/candidates', (c) => c.get('/disclosure/candidates'), expect(OFFICER, 200)],
  [
    'POST /disclosure/settings',
    (c) => c.postForm('/disclosure/settings', {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/candidates/:id/publish',
    (c) => c.postForm(`/disclosure/candidates/${ids.candidate}/publish`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/candidates/:id/close',
    (c) => c.postForm(`/disclosure/candidates/${ids.candidate}/close`, {}),
    expect(OFFICER, 400),
  ],
  ['GET /disclosure/datasets', (c) => c.get('/disclosure/datasets'), expect(OFFICER, 200)],
  [
    'GET /disclosure/datasets/:id',
    (c) => c.get(`/disclosure/datasets/${ids.dataset}`),
    expect(OFFICER, 200),
  ],
  [
    'POST /disclosure/datasets',
    (c) => c.postForm('/disclosure/datasets', {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/datasets/:id',
    (c) => c.postForm(`/disclosure/datasets/${ids.dataset}`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/datasets/:id/visibility',
    (c) => c.postForm(`/disclosure/datasets/${ids.dataset}/visibility`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/datasets/:id/generated',
    (c) => c.postForm(`/disclosure/datasets/${ids.dataset}/generated`, {}),
    expect(OFFICER, 400),
  ],
  [
    'POST /disclosure/datasets/:id/resources',
    (c) => c.postForm(`/disclosure/datasets/${ids.dataset}/resources`, {}),
    expect(OFFICER, 400),
  ],
  [
    'GET /disclosure/resources/:id/download',
    (c) => c.get(`/disclosure/resources/${ids.resource}/download`),
    expect(OFFICER, 200),
  ],
  ['GET /disclosure/holdings', (c) => c.get('/disclosure/holdings'), expect(REGISTER, 200)],
  [
    'POST /disclosure/holdings',
    (c) => c.postForm('/disclosure/holdings', {}),
    expect(REGISTER, 400),
  ],
  [
    'POST /disclosure/holdings/:id/review (no campaign yet)',
    (c) => c.postForm(`/disclosure/holdings/${ids.holding}/review`, { action: 'confirm' }),
    expect(KEEPERS, 409),
  ],
  [
    'POST /disclosure/campaigns',
    (c) => c.postForm('/disclosure/campaigns', {}),
    expect(OFFICER, 400),
  ],
  ['GET /disclosure/holdings/totals', (c) => c.get('/disclosure/holdings/totals'), expect(HQ, 200)],
  ['GET /portal/data', (c) => c.get('/portal/data'), expect('all', 200, 200)],
  ['GET /portal/data/:name', (c) => c.get('/portal/data/sanro-programs'), expect('all', 200, 200)],
  [
    'GET /api/3/action/package_list',
    (c) => c.get('/api/3/action/package_list'),
    expect('all', 200, 200),
  ],
  ['GET /catalog.ttl', (c) => c.get('/catalog.ttl'), expect('all', 200, 200)],
]

describe('role matrix: every disclosure route for every role', () => {
  const clients = new Map<Who, TestClient>()
  before(async () => {
    for (const role of DEMO_ROLES) clients.set(role, await t.signIn(role))
    const anonymous = t.client()
    await anonymous.get('/login')
    clients.set('anonymous', anonymous)
  })
  for (const [name, call, expected] of routes) {
    test(name, async () => {
      const got: Record<string, number> = {}
      for (const who of Object.keys(expected) as Who[])
        got[who] = (await call(clients.get(who)!)).status
      assert.deepEqual(got, expected)
    })
  }
  test('a unit answers only for its own holdings', async () => {
    const officer = clients.get('disclosure_officer')!
    assert.equal(
      (await officer.postForm('/disclosure/campaigns', { fiscalYear: '2030', dueOn: '2030-06-30' }))
        .status,
      303,
    )
    const got: Record<string, number> = {}
    for (const who of [...REGISTER, 'staff', 'anonymous'] as Who[])
      got[who] = (
        await clients
          .get(who)!
          .postForm(`/disclosure/holdings/${ids.holding}/review`, { action: 'bogus' })
      ).status
    assert.deepEqual(
      got,
      Object.fromEntries(
        [...REGISTER, 'staff', 'anonymous'].map((r) => [
          r,
          r === 'anonymous' ? 401 : r === 'staff' ? 403 : KEEPERS.includes(r as Role) ? 400 : 403,
        ]),
      ),
    )
  })
  test('unknown ids are 404, not 500', async () => {
    const officer = clients.get('disclosure_officer')!
    for (const path of [
      '/disclosure/requests/00000000-0000-4000-8000-000000000000',
      '/disclosure/requests/not-a-uuid',
      '/disclosure/documents/00000000-0000-4000-8000-000000000000',
      '/disclosure/datasets/00000000-0000-4000-8000-000000000000',
      '/portal/data/no-such-dataset',
      '/portal/data/resources/00000000-0000-4000-8000-000000000000/download',
    ])
      assert.equal((await officer.get(path)).status, 404, path)
  })
})
