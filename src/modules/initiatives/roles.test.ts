import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../../testing/app.ts'

// Every page and the main writes of initiatives, schedule, hq and newsletter, called as every
// demo role and anonymously. Scopes in the demo: dept_lead → 商工部, office_manager → 池袋事務所.

type Who = Role | 'anonymous'
type Call = (client: TestClient, who: Who) => Promise<Response>

let t: TestApp
const ids: Record<string, string> = {}
before(async () => {
  t = await createTestApp()
  const admin = await t.signIn('admin')
  const { initiatives } = (await (await admin.get('/api/v1/initiatives')).json()) as {
    initiatives: { id: string; no: number; unitId: string }[]
  }
  const ikebukuro = initiatives.find((i) => i.no === 7)!
  ids.initiative = ikebukuro.id
  ids.ikebukuro = ikebukuro.unitId
  const { meetings } = (await (await admin.get('/api/v1/hq/meetings')).json()) as {
    meetings: { id: string }[]
  }
  ids.meeting = meetings[0]!.id
  const { tasks } = (await (await admin.get('/api/v1/schedule/tasks')).json()) as {
    tasks: { id: string }[]
  }
  ids.task = tasks[0]!.id
})
after(() => t.close())

const all = [...DEMO_ROLES, 'anonymous'] as Who[]
const everyone = (status: number) =>
  Object.fromEntries(all.map((r) => [r, r === 'anonymous' ? 401 : status])) as Record<Who, number>
const only = (allowed: Role[], status: number) =>
  Object.fromEntries(
    all.map((r) => [r, r === 'anonymous' ? 401 : allowed.includes(r as Role) ? status : 403]),
  ) as Record<Who, number>
const hqReaders: Role[] = ['admin', 'hq_chief', 'hq_member', 'hq_secretariat', 'dept_lead']
const secretariat: Role[] = ['admin', 'hq_secretariat']
const monthOf = (who: Who) => `2031-${String(all.indexOf(who) + 1).padStart(2, '0')}`

const routes: [string, Call, Record<Who, number>][] = [
  ['GET /schedule', (c) => c.get('/schedule'), everyone(200)],
  ['GET /schedule/milestones.ics', (c) => c.get('/schedule/milestones.ics'), everyone(200)],
  ['GET /schedule/tasks/:id', (c) => c.get(`/schedule/tasks/${ids.task}`), everyone(200)],
  ['GET /schedule/tasks/new', (c) => c.get('/schedule/tasks/new'), only(secretariat, 200)],
  ['GET /api/v1/schedule/tasks', (c) => c.get('/api/v1/schedule/tasks'), everyone(200)],
  [
    'POST /api/v1/schedule/tasks',
    (c, who) =>
      c.sendJson('POST', '/api/v1/schedule/tasks', {
        workstreamCode: '④',
        title: `行列 ${who}`,
        startsOn: '2027-01-01',
        endsOn: '2027-01-10',
      }),
    only(secretariat, 201),
  ],
  ['GET /initiatives', (c) => c.get('/initiatives'), everyone(200)],
  ['GET /initiatives/:id', (c) => c.get(`/initiatives/${ids.initiative}`), everyone(200)],
  [
    'GET /initiatives/units/:id/wlb',
    (c) => c.get(`/initiatives/units/${ids.ikebukuro}/wlb`),
    everyone(200),
  ],
  ['GET /initiatives/report-meetings', (c) => c.get('/initiatives/report-meetings'), everyone(200)],
  ['GET /initiatives/reports', (c) => c.get('/initiatives/reports'), everyone(200)],
  [
    'POST /api/v1/initiatives/units/:id/wlb (池袋事務所)',
    (c, who) =>
      c.sendJson('POST', `/api/v1/initiatives/units/${ids.ikebukuro}/wlb`, {
        month: monthOf(who),
        overtimeHours: 10,
        leaveDays: 1,
      }),
    only([...secretariat, 'office_manager'], 201),
  ],
  [
    'POST /initiatives/report-meetings',
    (c, who) =>
      c.postForm('/initiatives/report-meetings', { title: `報告会 ${who}`, heldOn: '2027-01-15' }),
    only(secretariat, 303),
  ],
  ['GET /hq', (c) => c.get('/hq'), only(hqReaders, 200)],
  ['GET /hq/meetings/:id', (c) => c.get(`/hq/meetings/${ids.meeting}`), only(hqReaders, 200)],
  [
    'POST /api/v1/hq/meetings',
    (c, who) =>
      c.sendJson('POST', '/api/v1/hq/meetings', { title: `会議 ${who}`, heldOn: '2027-01-20' }),
    only(secretariat, 201),
  ],
  ['GET /news', (c) => c.get('/news'), everyone(200)],
  ['GET /news/feed.atom', (c) => c.get('/news/feed.atom'), everyone(200)],
  [
    'POST /api/v1/news/issues',
    (c) => c.sendJson('POST', '/api/v1/news/issues', {}),
    only(secretariat, 201),
  ],
]

describe('role matrix: initiatives, schedule, hq and newsletter for every role', () => {
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
      for (const who of all) got[who] = (await call(clients.get(who)!, who)).status
      assert.deepEqual(got, expected)
    })
  }
})
