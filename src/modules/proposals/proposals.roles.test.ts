import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Role } from '../../auth/actor.ts'
import { createTestApp, DEMO_ROLES, type TestApp, type TestClient } from '../../testing/app.ts'
import { FOUR_FIELDS } from './proposals.testing.ts'

// Every route of the module, called as every demo role and anonymously: the status each gets.
// Demo data (proposals.seed.ts): the adopted 補助金 proposal is owned by 経営支援課 (商工部, the
// dept_lead's scope); the PR-team member's statistics proposal is under review; a training
// group's draft has advice.

type Who = Role | 'anonymous'
let t: TestApp
const ids: Record<string, string> = {}
let reviewerAssigned = false
let reviewerVersion = 0

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  const byTitle = async (title: string) =>
    (
      await db
        .selectFrom('proposals')
        .select('id')
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id
  ids.adopted = await byTitle('中小企業向け補助金の電子申請')
  ids.under = await byTitle('統計・調査データのエクセル形式での公開')
  ids.draft = await byTitle('労働相談窓口の待ち時間のウェブ表示')
  const campaign = async (kind: 'staff' | 'pr_team') =>
    (
      await db
        .selectFrom('proposal_campaigns')
        .select('id')
        .where('kind', '=', kind)
        .executeTakeFirstOrThrow()
    ).id
  ids.staff = await campaign('staff')
  ids.pr = await campaign('pr_team')
  const reviewer = await t.userId('reviewer@demo.kaikaku.example')
  reviewerAssigned = !!(await db
    .selectFrom('proposal_assignments')
    .select('reviewer_id')
    .where('proposal_id', '=', ids.under)
    .where('reviewer_id', '=', reviewer)
    .executeTakeFirst())
  reviewerVersion =
    (
      await db
        .selectFrom('proposal_reviews')
        .select('version')
        .where('proposal_id', '=', ids.under)
        .where('reviewer_id', '=', reviewer)
        .executeTakeFirst()
    )?.version ?? 0
})
after(() => t.close())

const ALL: Who[] = [...DEMO_ROLES, 'anonymous']
const matrix = (allowed: Role[] | 'all', status: number, denied = 403) =>
  Object.fromEntries(
    ALL.map((r) => [
      r,
      r === 'anonymous' ? 401 : allowed === 'all' || allowed.includes(r as Role) ? status : denied,
    ]),
  ) as Record<Who, number>
const HQ: Role[] = ['admin', 'hq_chief', 'hq_member', 'hq_secretariat']
const SECRETARIAT: Role[] = ['admin', 'hq_secretariat']

type Call = (c: TestClient) => Promise<Response>
const routes = (): [string, Call, Record<Who, number>][] => [
  ['GET /proposals', (c) => c.get('/proposals'), matrix('all', 200)],
  ['GET /proposals/review', (c) => c.get('/proposals/review'), matrix(['reviewer'], 200)],
  ['GET /proposals/adopted', (c) => c.get('/proposals/adopted'), matrix('all', 200)],
  ['GET /proposals/awaiting', (c) => c.get('/proposals/awaiting'), matrix(HQ, 200)],
  ['GET /proposals/dashboard', (c) => c.get('/proposals/dashboard'), matrix(HQ, 200)],
  [
    'GET /proposals/similar',
    (c) => c.get('/proposals/similar?text=補助金の申請'),
    matrix('all', 200),
  ],
  [
    'GET /proposals/campaigns/new',
    (c) => c.get('/proposals/campaigns/new'),
    matrix(SECRETARIAT, 200),
  ],
  [
    'GET /proposals/campaigns/:id',
    (c) => c.get(`/proposals/campaigns/${ids.staff}`),
    matrix('all', 200),
  ],
  [
    'GET /proposals/campaigns/:id/new',
    (c) => c.get(`/proposals/campaigns/${ids.staff}/new`),
    matrix('all', 200),
  ],
  ['GET …/ranking', (c) => c.get(`/proposals/campaigns/${ids.staff}/ranking`), matrix(HQ, 200)],
  ['GET …/report', (c) => c.get(`/proposals/campaigns/${ids.staff}/report`), matrix(HQ, 200)],
  [
    'GET …/report.xlsx',
    (c) => c.get(`/proposals/campaigns/${ids.staff}/report.xlsx`),
    matrix(HQ, 200),
  ],
  ['GET /proposals/:adopted', (c) => c.get(`/proposals/${ids.adopted}`), matrix('all', 200)],
  [
    'GET /proposals/:underReview',
    (c) => c.get(`/proposals/${ids.under}`),
    matrix(
      ['admin', 'hq_secretariat', 'pr_team', ...(reviewerAssigned ? (['reviewer'] as Role[]) : [])],
      200,
    ),
  ],
  [
    'GET /proposals/:draft',
    (c) => c.get(`/proposals/${ids.draft}`),
    matrix(['admin', 'hq_secretariat', 'dept_lead', 'office_manager'], 200, 404),
  ],
  ['GET /api/v1/campaigns', (c) => c.get('/api/v1/campaigns'), matrix('all', 200)],
  ['GET /api/v1/proposals', (c) => c.get('/api/v1/proposals'), matrix('all', 200)],
  [
    'GET /api/v1/proposals/:adopted',
    (c) => c.get(`/api/v1/proposals/${ids.adopted}`),
    matrix('all', 200),
  ],
  ['GET /api/v1/reviews/queue', (c) => c.get('/api/v1/reviews/queue'), matrix(['reviewer'], 200)],
  [
    'GET /api/v1/campaigns/:id/ranking',
    (c) => c.get(`/api/v1/campaigns/${ids.staff}/ranking`),
    matrix(HQ, 200),
  ],
  [
    'POST /api/v1/campaigns/:staff/proposals',
    (c) =>
      c.sendJson('POST', `/api/v1/campaigns/${ids.staff}/proposals`, {
        title: '役割ごとの提案',
        ...FOUR_FIELDS,
      }),
    matrix('all', 201),
  ],
  [
    'POST /api/v1/campaigns/:pr/proposals',
    (c) =>
      c.sendJson('POST', `/api/v1/campaigns/${ids.pr}/proposals`, {
        title: 'PRのアイデア',
        ...FOUR_FIELDS,
      }),
    matrix(['admin', 'hq_secretariat', 'pr_team'], 201),
  ],
  [
    'POST /api/v1/proposals/:adopted/decision',
    (c) =>
      c.sendJson('POST', `/api/v1/proposals/${ids.adopted}/decision`, {
        decision: 'defer',
        reason: '再検討',
      }),
    matrix(HQ, 409),
  ],
  [
    'PUT /api/v1/proposals/:underReview/review',
    (c) =>
      c.sendJson('PUT', `/api/v1/proposals/${ids.under}/review`, {
        scores: { c1: 3, c2: 3, c3: 3, c4: 3 },
        version: reviewerVersion,
      }),
    matrix(reviewerAssigned ? ['reviewer'] : [], 200),
  ],
  [
    'POST /proposals/:adopted/progress',
    (c) =>
      c.postForm(`/proposals/${ids.adopted}/progress`, {
        percent: '50',
        note: '進捗',
        onDate: '2026-12-01',
      }),
    matrix(['admin', 'hq_secretariat', 'dept_lead'], 303),
  ],
  [
    'POST /proposals/campaigns/:id/assign',
    (c) => c.postForm(`/proposals/campaigns/${ids.staff}/assign`, {}),
    matrix(SECRETARIAT, 303),
  ],
]

test('every proposals route answers every role as the policy says', async () => {
  const clients = new Map<Who, TestClient>()
  for (const who of ALL) clients.set(who, who === 'anonymous' ? t.client() : await t.signIn(who))
  const mismatches: string[] = []
  for (const [name, call, expected] of routes()) {
    for (const who of ALL) {
      const status = (await call(clients.get(who)!)).status
      if (status !== expected[who])
        mismatches.push(`${name} as ${who}: ${status}, expected ${expected[who]}`)
      // A reviewer's score can be saved once per version: the next role sees the new version.
      if (name.startsWith('PUT') && status === 200) reviewerVersion++
    }
  }
  assert.deepEqual(mismatches, [])
})
