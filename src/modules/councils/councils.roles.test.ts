import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../../testing/app.ts'

// Every councils and portal route, called as every demo role and anonymously.

type Who = Role | 'anonymous'
type Call = (client: TestClient, who: Who) => Promise<Response>

let t: TestApp
const ids: Record<string, string> = {}

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  const council = await db
    .selectFrom('councils')
    .select('id')
    .where('name', '=', '東京都観光事業審議会')
    .executeTakeFirstOrThrow()
  ids.council = council.id
  const meeting = await db
    .selectFrom('council_meetings')
    .select('id')
    .where('council_id', '=', council.id)
    .orderBy('starts_at', 'desc')
    .executeTakeFirstOrThrow()
  ids.meeting = meeting.id
  const secretary = await t.signIn('council_secretary')
  const res = await secretary.sendJson('POST', `/api/v1/councils/meetings/${meeting.id}/minutes`, {
    minutesText: '○山本会長　開会します。佐藤花子さんから意見がありました。',
  })
  assert.equal(res.status, 201)
  ids.minutes = ((await res.json()) as { minutes: { id: string } }).minutes.id
})
after(() => t.close())

const STAFF_VIEW: Role[] = [
  'council_secretary',
  'disclosure_officer',
  'hq_secretariat',
  'hq_chief',
  'admin',
]
const MANAGE: Role[] = ['council_secretary', 'admin']
const ORIGINAL: Role[] = ['council_secretary', 'disclosure_officer', 'admin']

const expect = (allowed: Role[] | 'all', status: number, anonymous = 401): Record<Who, number> =>
  Object.fromEntries(
    [...DEMO_ROLES, 'anonymous'].map((r) => [
      r,
      r === 'anonymous'
        ? anonymous
        : allowed === 'all' || allowed.includes(r as Role)
          ? status
          : 403,
    ]),
  ) as Record<Who, number>

const routes: [string, Call, Record<Who, number>][] = [
  ['GET /councils', (c) => c.get('/councils'), expect(STAFF_VIEW, 200)],
  ['GET /councils/new', (c) => c.get('/councils/new'), expect(MANAGE, 200)],
  ['GET /councils/:id', (c) => c.get(`/councils/${ids.council}`), expect(STAFF_VIEW, 200)],
  ['GET /councils/:id/edit', (c) => c.get(`/councils/${ids.council}/edit`), expect(MANAGE, 200)],
  [
    'GET /councils/:id/meetings/new',
    (c) => c.get(`/councils/${ids.council}/meetings/new`),
    expect(MANAGE, 200),
  ],
  [
    'GET /councils/meetings/:id',
    (c) => c.get(`/councils/meetings/${ids.meeting}`),
    expect(STAFF_VIEW, 200),
  ],
  [
    'GET /councils/meetings/:id/edit',
    (c) => c.get(`/councils/meetings/${ids.meeting}/edit`),
    expect(MANAGE, 200),
  ],
  [
    'GET /councils/minutes/:id',
    (c) => c.get(`/councils/minutes/${ids.minutes}`),
    expect(ORIGINAL, 200),
  ],
  ['GET /api/v1/councils', (c) => c.get('/api/v1/councils'), expect(STAFF_VIEW, 200)],
  [
    'GET /api/v1/councils/minutes/:id',
    (c) => c.get(`/api/v1/councils/minutes/${ids.minutes}`),
    expect(ORIGINAL, 200),
  ],
  [
    'POST /councils',
    (c, who) => c.postForm('/councils', { name: `行列の審議会（${who}）`, noticeDays: '7' }),
    expect(MANAGE, 303, 401),
  ],
  [
    'POST /councils/:id/members',
    (c, who) =>
      c.postForm(`/councils/${ids.council}/members`, { name: `行列 ${who}`, memberRole: '委員' }),
    expect(MANAGE, 303, 401),
  ],
  [
    'POST /councils/:id/meetings',
    (c, who) =>
      c.postForm(`/councils/${ids.council}/meetings`, {
        meetingTitle: `行列会議（${who}）`,
        startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 16),
        place: '会議室',
        isPublic: 'on',
      }),
    expect(MANAGE, 303, 401),
  ],
  [
    'POST /api/v1/councils/minutes/:id/approve (not submitted: 409 for approvers)',
    (c) => c.sendJson('POST', `/api/v1/councils/minutes/${ids.minutes}/approve`, { version: 1 }),
    expect(['disclosure_officer', 'admin'], 409),
  ],
  ['GET /portal', (c) => c.get('/portal'), expect('all', 200, 200)],
  ['GET /portal/search', (c) => c.get('/portal/search?q=観光'), expect('all', 200, 200)],
  [
    'GET /portal/meetings/:id',
    (c) => c.get(`/portal/meetings/${ids.meeting}`),
    expect('all', 200, 200),
  ],
  ['GET /portal/calendar.ics', (c) => c.get('/portal/calendar.ics'), expect('all', 200, 200)],
  ['GET /portal/feed.atom', (c) => c.get('/portal/feed.atom'), expect('all', 200, 200)],
  ['GET /api/v1/portal/meetings', (c) => c.get('/api/v1/portal/meetings'), expect('all', 200, 200)],
  [
    'GET /api/v1/portal/search',
    (c) => c.get('/api/v1/portal/search?q=観光'),
    expect('all', 200, 200),
  ],
]

describe('role matrix: every councils route for every role', () => {
  const clients = new Map<Who, TestClient>()
  before(async () => {
    for (const role of DEMO_ROLES) clients.set(role, await t.signIn(role))
    const anonymous = t.client()
    await anonymous.get('/login') // a CSRF cookie, like a browser
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
    const secretary = clients.get('council_secretary')!
    for (const path of [
      '/councils/00000000-0000-4000-8000-000000000000',
      '/councils/meetings/not-a-uuid',
      '/councils/minutes/00000000-0000-4000-8000-000000000000',
      '/portal/meetings/00000000-0000-4000-8000-000000000000',
      '/portal/materials/00000000-0000-4000-8000-000000000000',
    ])
      assert.equal((await secretary.get(path)).status, 404, path)
  })
})
