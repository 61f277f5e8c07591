import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../../testing/app.ts'

// Every PR route, called as every demo role and anonymously: the status each gets.
// Scopes in the demo: dept_lead → 商工部, office_manager → 池袋事務所 (雇用就業部).
// Writes that would change shared state are sent stale (409) or invalid (400) where possible.

type Who = Role | 'anonymous'
type Call = (client: TestClient, who: Who) => Promise<Response>

let t: TestApp
const ids: Record<string, string> = {}

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  const one = async (q: Promise<{ id: string } | undefined>) => (await q)!.id
  ids.survey = await one(db.selectFrom('pr_surveys').select('id').executeTakeFirst())
  ids.ikebukuro = await one(
    db.selectFrom('units').select('id').where('code', '=', 'off-ikebukuro').executeTakeFirst(),
  )
  ids.medium = await one(
    db
      .selectFrom('pr_media')
      .select('id')
      .where('name', '=', '中小企業支援施策ガイドブック')
      .executeTakeFirst(),
  )
  ids.keiei = await one(
    db.selectFrom('units').select('id').where('code', '=', 'shoko-keiei').executeTakeFirst(),
  )
  ids.action = await one(db.selectFrom('pr_actions').select('id').executeTakeFirst())
  ids.program = await one(
    db.selectFrom('programs').select('id').where('code', '=', 'SR-SOMU-001').executeTakeFirst(),
  )
  ids.audience = await one(
    db.selectFrom('pr_audiences').select('id').where('name', '=', '中小企業').executeTakeFirst(),
  )
  const secretariat = await t.signIn('hq_secretariat')
  const res = await secretariat.postForm('/pr/surveys', {
    title: '役割テスト',
    opensOn: '2026-12-01',
    closesOn: '2026-12-10',
  })
  ids.closable = res.headers.get('location')!.split('?')[0]!.split('/').pop()!
})
after(() => t.close())

const DESK: Role[] = ['admin', 'hq_secretariat', 'pr_team']
const RUN: Role[] = ['admin', 'hq_secretariat']
const expect = (allowed: Role[] | 'all', status: number, denied = 403): Record<Who, number> =>
  Object.fromEntries(
    [...DEMO_ROLES, 'anonymous'].map((r) => [
      r,
      r === 'anonymous' ? 401 : allowed === 'all' || allowed.includes(r as Role) ? status : denied,
    ]),
  ) as Record<Who, number>

const medium = (who: Who) => ({
  unitId: ids.ikebukuro!,
  name: `役割テスト媒体（${who}）`,
  channel: 'web',
})
const action = {
  kind: 'merge',
  title: '役割テスト',
  ownerUnitId: '',
  dueOn: '2099-01-01',
  status: 'planned',
}

const routes: [string, Call, Record<Who, number>][] = [
  ...[
    '/pr',
    '/pr/matrix',
    '/pr/surveys',
    '/pr/actions',
    '/pr/audiences',
    '/pr/team',
    '/pr/template.xlsx',
    '/pr/matrix.xlsx',
  ].map((path): [string, Call, Record<Who, number>] => [
    `GET ${path}`,
    (c) => c.get(path),
    expect('all', 200),
  ]),
  ['GET /pr/media/:id', (c) => c.get(`/pr/media/${ids.medium}`), expect('all', 200)],
  [
    'GET /pr/media/new',
    (c) => c.get('/pr/media/new'),
    expect([...DESK, 'dept_lead', 'office_manager'], 200),
  ],
  [
    'GET /pr/media/:id/edit',
    (c) => c.get(`/pr/media/${ids.medium}/edit`),
    expect([...DESK, 'dept_lead'], 200),
  ],
  ['GET /pr/surveys/:id', (c) => c.get(`/pr/surveys/${ids.survey}`), expect('all', 200)],
  [
    'GET /pr/surveys/:id/units/:unitId',
    (c) => c.get(`/pr/surveys/${ids.survey}/units/${ids.ikebukuro}`),
    expect('all', 200),
  ],
  ['GET /pr/actions/new', (c) => c.get('/pr/actions/new'), expect(DESK, 200)],
  ['GET /pr/actions/:id', (c) => c.get(`/pr/actions/${ids.action}`), expect('all', 200)],
  ['GET /pr/targets/:programId', (c) => c.get(`/pr/targets/${ids.program}`), expect('all', 200)],
  [
    'POST /pr/media',
    (c, who) => c.postForm('/pr/media', medium(who)),
    expect([...DESK, 'office_manager'], 303),
  ],
  [
    'POST /api/v1/pr/media',
    (c, who) => c.sendJson('POST', '/api/v1/pr/media', { ...medium(who), name: `API ${who}` }),
    expect([...DESK, 'office_manager'], 201),
  ],
  [
    'PUT /api/v1/pr/media/:id (stale)',
    (c) =>
      c.sendJson('PUT', `/api/v1/pr/media/${ids.medium}`, {
        unitId: ids.keiei,
        name: 'ガイド',
        channel: 'print',
        version: 999,
      }),
    expect([...DESK, 'dept_lead'], 409),
  ],
  [
    'POST /pr/media/:id (stale)',
    (c) =>
      c.postForm(`/pr/media/${ids.medium}`, { ...medium('admin'), name: 'ガイド', version: '999' }),
    expect(DESK, 409),
  ],
  [
    'POST /pr/surveys',
    (c) =>
      c.postForm('/pr/surveys', { title: '役割', opensOn: '2026-12-01', closesOn: '2026-11-01' }),
    expect('all', 400),
  ],
  [
    'POST /pr/surveys/:id/remind',
    (c) => c.postForm(`/pr/surveys/${ids.survey}/remind`, {}),
    expect(RUN, 303),
  ],
  [
    'POST /pr/surveys/:id/close (admin first, then it is closed)',
    (c) => c.postForm(`/pr/surveys/${ids.closable}/close`, {}),
    { ...expect(['hq_secretariat'], 409), admin: 303 },
  ],
  [
    'POST /pr/surveys/:id/units/:unitId/answer',
    (c) => c.postForm(`/pr/surveys/${ids.survey}/units/${ids.ikebukuro}/answer`, { note: '' }),
    expect([...DESK, 'office_manager'], 303),
  ],
  [
    'POST /pr/actions',
    (c) => c.postForm('/pr/actions', { ...action, ownerUnitId: ids.ikebukuro! }),
    expect(DESK, 303),
  ],
  [
    'POST /pr/actions/:id (stale)',
    (c) =>
      c.postForm(`/pr/actions/${ids.action}`, {
        ...action,
        ownerUnitId: ids.ikebukuro!,
        version: '999',
      }),
    expect(DESK, 409),
  ],
  [
    'POST /pr/audiences (duplicate)',
    (c) => c.postForm('/pr/audiences', { name: '中小企業' }),
    expect(RUN, 400),
  ],
  [
    'POST /pr/audiences/:id (stale)',
    (c) => c.postForm(`/pr/audiences/${ids.audience}`, { name: '中小企業', version: '999' }),
    expect(RUN, 409),
  ],
  [
    'POST /pr/targets/:programId',
    (c) => c.postForm(`/pr/targets/${ids.program}`, {}),
    expect(DESK, 303),
  ],
  ...['media', 'audiences', 'matrix', 'actions', 'surveys'].map(
    (p): [string, Call, Record<Who, number>] => [
      `GET /api/v1/pr/${p}`,
      (c) => c.get(`/api/v1/pr/${p}`),
      expect('all', 200),
    ],
  ),
]

describe('role matrix: every PR route for every role', () => {
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
        got[who] = (await call(clients.get(who)!, who)).status
      assert.deepEqual(got, expected)
    })
  }
  test('unknown ids are 404, not 500', async () => {
    const secretariat = clients.get('hq_secretariat')!
    for (const path of [
      '/pr/media/00000000-0000-4000-8000-000000000000',
      '/pr/actions/00000000-0000-4000-8000-000000000000',
      '/pr/surveys/00000000-0000-4000-8000-000000000000',
      `/pr/surveys/${ids.survey}/units/00000000-0000-4000-8000-000000000000`,
      '/pr/targets/00000000-0000-4000-8000-000000000000',
      '/pr/imports/00000000-0000-4000-8000-000000000000',
      '/pr/media/not-a-uuid',
    ])
      assert.equal((await secretariat.get(path)).status, 404, path)
  })
})
