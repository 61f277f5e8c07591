/**
 * Paging of the proposal list, the reviewer queue and their API: 110 proposals in one campaign
 * (three pages of 50), all assigned to the demo reviewer, some of them reviewed.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'
import { pagerNumbers } from './paging.ts'
import { listProposals } from './proposals.read.ts'
import { pageNumber } from './proposals.schemas.ts'
import { actorFor, openCampaign } from './proposals.testing.ts'
import type { Campaign } from './proposals.types.ts'
import { reviewQueue } from './review.service.ts'

const N = 110
const title = (i: number) => `頁送り試験-${String(i).padStart(3, '0')}`
const SUMMARY_KEYS = [
  'areaName',
  'campaignId',
  'campaignTitle',
  'id',
  'status',
  'submittedAt',
  'title',
  'updatedAt',
  'version',
]

let t: TestApp
let campaign: Campaign
/** Our proposals in the order the list must show them: updated_at desc, then id desc. */
let listOrder: { id: string; title: string }[]
let reviewerId: string
const reviewedIds = new Set<string>()

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  campaign = await openCampaign(db, { title: '頁送りの募集' })
  const staff = await actorFor(db, 'staff')
  const reviewer = await actorFor(db, 'reviewer')
  reviewerId = reviewer.userId
  const base = Date.parse('2026-04-01T00:00:00Z')
  // Five share one updated_at and one submitted_at, so that the id decides between them.
  const at = (i: number) => new Date(base + (i >= 20 && i < 25 ? 20 : i) * 60_000)
  const rows = await db
    .insertInto('proposals')
    .values(
      Array.from({ length: N }, (_, k) => ({
        campaign_id: campaign.id,
        title: title(k + 1),
        problem: '本文は一覧に載らない',
        status: k % 11 === 0 ? ('shortlisted' as const) : ('under_review' as const),
        submitted_at: at(k + 1),
        updated_at: at(k + 1),
      })),
    )
    .returning(['id', 'title', 'updated_at'])
    .execute()
  await db
    .insertInto('proposal_authors')
    .values(rows.map((r) => ({ proposal_id: r.id, user_id: staff.userId, is_lead: true })))
    .execute()
  await db
    .insertInto('proposal_assignments')
    .values(rows.map((r) => ({ proposal_id: r.id, reviewer_id: reviewerId })))
    .execute()
  // Every seventh one is already reviewed.
  const reviewed = rows.filter((_, k) => k % 7 === 3)
  for (const r of reviewed) reviewedIds.add(r.id)
  await db
    .insertInto('proposal_reviews')
    .values(
      reviewed.map((r) => ({
        proposal_id: r.id,
        reviewer_id: reviewerId,
        scores: JSON.stringify({ effect: 3, cost: 3 }),
      })),
    )
    .execute()
  listOrder = [...rows]
    .sort(
      (a, b) =>
        b.updated_at.getTime() - a.updated_at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((r) => ({ id: r.id, title: r.title }))
})
after(() => t.close())

const decode = (s: string) => s.replaceAll('&amp;', '&')
function pagerOf(html: string): { nav: string; current: string | null; hrefs: string[] } {
  const nav = /<nav aria-label="ページ送り"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  const current = /<a href="[^"]*" aria-current="page"[^>]*>(\d+)<\/a>/.exec(nav)?.[1] ?? null
  return { nav, current, hrefs: [...nav.matchAll(/href="([^"]+)"/g)].map((m) => decode(m[1]!)) }
}
const titlesIn = (html: string) => [...html.matchAll(/頁送り試験-\d{3}/g)].map((m) => m[0])

describe('paging helpers', () => {
  test('page numbers: anything but a whole number from 1 is page 1; huge ones are capped', () => {
    for (const raw of [undefined, '', '0', '-1', 'abc', '1.5', '2e3', ' 2']) {
      assert.equal(pageNumber(raw), 1, `page=${raw}`)
    }
    assert.equal(pageNumber('3'), 3)
    assert.equal(pageNumber('99999999999999999999'), 1_000_000_000)
  })
  test('the pager shows the first, the last and two either side, with gaps', () => {
    assert.deepEqual(pagerNumbers(1, 1), [1])
    assert.deepEqual(pagerNumbers(1, 3), [1, 2, 3])
    assert.deepEqual(pagerNumbers(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20])
    assert.deepEqual(pagerNumbers(2, 9), [1, 2, 3, 4, null, 9])
  })
})

describe('the proposal list', () => {
  test('windows follow one another in SQL order; past the end is empty; summaries only', async () => {
    const { db } = t.database
    const secretariat = await actorFor(db, 'hq_secretariat')
    const seen: string[] = []
    for (const offset of [0, 50, 100]) {
      const slice = await listProposals(
        db,
        secretariat,
        { campaign: campaign.id },
        { limit: 50, offset },
      )
      assert.equal(slice.total, N)
      assert.equal(slice.items.length, offset === 100 ? 10 : 50)
      seen.push(...slice.items.map((p) => p.id))
      for (const p of slice.items) assert.deepEqual(Object.keys(p).sort(), SUMMARY_KEYS)
    }
    assert.deepEqual(
      seen,
      listOrder.map((p) => p.id),
    )
    const past = await listProposals(
      db,
      secretariat,
      { campaign: campaign.id },
      { limit: 50, offset: 500 },
    )
    assert.deepEqual({ items: past.items, total: past.total }, { items: [], total: N })
    const shortlisted = await listProposals(db, secretariat, {
      campaign: campaign.id,
      status: 'shortlisted',
    })
    assert.equal(shortlisted.total, 10)
    assert.ok(shortlisted.items.every((p) => p.status === 'shortlisted'))
  })

  test('the campaign page: page 2 holds the next 50, the pager marks it and keeps the filters', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const path = `/proposals/campaigns/${campaign.id}`
    const res = await secretariat.get(`${path}?page=2`)
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.deepEqual(
      titlesIn(html),
      listOrder.slice(50, 100).map((p) => p.title),
    )
    assert.ok(html.includes('110件中 51〜100件目'), 'the range of the page')
    const pager = pagerOf(html)
    assert.equal(pager.current, '2')
    assert.ok(pager.hrefs.includes(`${path}?page=3`), 'a link to the next page')
    assert.ok(pager.hrefs.includes(path), 'page 1 is the plain address')

    // Filters stay in every pager link; the filtered total decides the pages.
    const q = encodeURIComponent('頁送り')
    const filtered = await (await secretariat.get(`${path}?status=under_review&q=${q}`)).text()
    assert.ok(filtered.includes('100件中 1〜50件目'))
    const links = pagerOf(filtered).hrefs
    assert.ok(links.length >= 2)
    for (const href of links) {
      const params = new URL(href, 'http://x').searchParams
      assert.equal(params.get('status'), 'under_review', href)
      assert.equal(params.get('q'), '頁送り', href)
    }
    assert.ok(
      filtered.includes('<option value="under_review" selected'),
      'the form shows the filter',
    )
  })

  test('bad page values are clamped, never an error; a bad status is 400', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const path = `/proposals/campaigns/${campaign.id}`
    for (const [page, expected] of [
      ['0', '1'],
      ['-1', '1'],
      ['abc', '1'],
      ['1.5', '1'],
      ['4', '3'],
      ['99999999999999999999999', '3'],
    ] as const) {
      const res = await secretariat.get(`${path}?page=${page}`)
      assert.equal(res.status, 200, `page=${page}`)
      assert.equal(pagerOf(await res.text()).current, expected, `page=${page}`)
    }
    const last = await (await secretariat.get(`${path}?page=3`)).text()
    assert.deepEqual(
      titlesIn(last),
      listOrder.slice(100).map((p) => p.title),
    )
    assert.equal((await secretariat.get(`${path}?status=bogus`)).status, 400)
  })

  test('my proposals on the home page are paged too', async () => {
    const staff = await t.signIn('staff')
    const html = await (await staff.get('/proposals?page=3')).text()
    const pager = pagerOf(html)
    assert.ok(pager.current !== null, 'a pager')
    assert.ok(
      titlesIn(html).every((x) => listOrder.some((p) => p.title === x)),
      'only our proposals on the page',
    )
  })
})

describe('the reviewer queue', () => {
  async function wholeQueue() {
    const reviewer = await actorFor(t.database.db, 'reviewer')
    const first = await reviewQueue(t.database.db, reviewer, { limit: 50, offset: 0 })
    const items = [...first.items]
    for (let offset = 50; offset < first.total; offset += 50)
      items.push(...(await reviewQueue(t.database.db, reviewer, { limit: 50, offset })).items)
    return { first, items }
  }

  test('unreviewed first, then by submission and id, over every page; the counts', async () => {
    const { db } = t.database
    const { first, items } = await wholeQueue()
    const assigned = await db
      .selectFrom('proposal_assignments')
      .select('proposal_id')
      .where('reviewer_id', '=', reviewerId)
      .execute()
    assert.equal(first.total, assigned.length)
    assert.ok(first.total > 100, 'more than two pages')
    assert.equal(items.length, first.total)
    assert.equal(new Set(items.map((i) => i.proposal.id)).size, items.length, 'no item twice')
    assert.equal(first.unreviewed, items.filter((i) => !i.reviewed).length)
    for (const id of reviewedIds)
      assert.equal(items.find((i) => i.proposal.id === id)?.reviewed, true)
    const key = (i: (typeof items)[number]) => [
      Number(i.reviewed),
      i.proposal.submittedAt?.getTime() ?? Number.POSITIVE_INFINITY,
      i.proposal.id,
    ]
    for (let k = 1; k < items.length; k++) {
      const [a, b] = [key(items[k - 1]!), key(items[k]!)]
      const cmp =
        (a[0] as number) - (b[0] as number) ||
        (a[1] as number) - (b[1] as number) ||
        (a[2]! < b[2]! ? -1 : 1)
      assert.ok(cmp < 0, `queue order at ${k}`)
    }
    for (const item of items) assert.deepEqual(Object.keys(item.proposal).sort(), SUMMARY_KEYS)
  })

  test('the queue page: the counts, page 2 and a clamped page', async () => {
    const reviewer = await t.signIn('reviewer')
    const { first, items } = await wholeQueue()
    const html = await (await reviewer.get('/proposals/review?page=2')).text()
    assert.ok(html.includes(`未評価 ${first.unreviewed}件（全${first.total}件）`), 'the counts')
    assert.equal(pagerOf(html).current, '2')
    const onPage = [...html.matchAll(/href="\/proposals\/([0-9a-f-]{36})\/review"/g)].map(
      (m) => m[1],
    )
    assert.deepEqual(
      onPage,
      items.slice(50, 100).map((i) => i.proposal.id),
    )
    const pages = String(Math.ceil(first.total / 50))
    const huge = await reviewer.get('/proposals/review?page=1000000')
    assert.equal(huge.status, 200)
    assert.equal(pagerOf(await huge.text()).current, pages)
  })
})

describe('the JSON API', () => {
  let secretariat: TestClient
  before(async () => {
    secretariat = await t.signIn('hq_secretariat')
  })

  test('limit and offset: a window, the total, and summaries without text', async () => {
    const res = await secretariat.get(
      `/api/v1/proposals?campaign=${campaign.id}&limit=20&offset=45`,
    )
    assert.equal(res.status, 200)
    const body = (await res.json()) as {
      proposals: Record<string, unknown>[]
      total: number
      limit: number
      offset: number
    }
    assert.deepEqual(
      { total: body.total, limit: body.limit, offset: body.offset },
      { total: N, limit: 20, offset: 45 },
    )
    assert.deepEqual(
      body.proposals.map((p) => p.id),
      listOrder.slice(45, 65).map((p) => p.id),
    )
    for (const p of body.proposals) assert.deepEqual(Object.keys(p).sort(), SUMMARY_KEYS)
    const fallback = (await (
      await secretariat.get(`/api/v1/proposals?campaign=${campaign.id}`)
    ).json()) as { proposals: unknown[]; limit: number }
    assert.deepEqual([fallback.proposals.length, fallback.limit], [50, 50])
    const past = (await (
      await secretariat.get(`/api/v1/proposals?campaign=${campaign.id}&offset=1000`)
    ).json()) as { proposals: unknown[]; total: number }
    assert.deepEqual([past.proposals.length, past.total], [0, N])
  })

  test('bad limit and offset are 400 with a message on the field', async () => {
    const reviewer = await t.signIn('reviewer')
    for (const base of ['/api/v1/proposals', '/api/v1/reviews/queue']) {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['limit=-5', 'limit'],
        ['limit=abc', 'limit'],
        ['limit=2.5', 'limit'],
        ['limit=', 'limit'],
        ['offset=-1', 'offset'],
        ['offset=abc', 'offset'],
        ['offset=1e99', 'offset'],
      ] as const) {
        const res = await reviewer.get(`${base}?${query}`)
        assert.equal(res.status, 400, `${base}?${query}`)
        const body = (await res.json()) as { error: { fields: Record<string, string[]> } }
        assert.deepEqual(Object.keys(body.error.fields), [field], `${base}?${query}`)
        assert.ok(body.error.fields[field]![0]!.length > 0)
      }
      assert.equal((await reviewer.get(`${base}?limit=200&offset=0`)).status, 200)
    }
  })

  test('the queue endpoint: window, total and unreviewed, in queue order', async () => {
    const reviewer = await t.signIn('reviewer')
    const whole = await reviewQueue(t.database.db, await actorFor(t.database.db, 'reviewer'), {
      limit: 200,
      offset: 0,
    })
    const body = (await (
      await reviewer.get('/api/v1/reviews/queue?limit=10&offset=50')
    ).json()) as {
      queue: { proposal: { id: string }; reviewed: boolean }[]
      total: number
      unreviewed: number
      limit: number
      offset: number
    }
    assert.deepEqual(
      { total: body.total, unreviewed: body.unreviewed, limit: body.limit, offset: body.offset },
      { total: whole.total, unreviewed: whole.unreviewed, limit: 10, offset: 50 },
    )
    assert.deepEqual(
      body.queue.map((i) => i.proposal.id),
      whole.items.slice(50, 60).map((i) => i.proposal.id),
    )
    const past = (await (await reviewer.get('/api/v1/reviews/queue?offset=100000')).json()) as {
      queue: unknown[]
      total: number
      unreviewed: number
    }
    assert.deepEqual(
      [past.queue.length, past.total, past.unreviewed],
      [0, whole.total, whole.unreviewed],
      'past the end: no items, the same counts',
    )
    assert.equal((await secretariat.get('/api/v1/reviews/queue?limit=10')).status, 403)
  })

  test('the OpenAPI document describes limit, offset and the summary', async () => {
    const doc = (await (await t.client().get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>
      components: { schemas: Record<string, { properties: Record<string, unknown> }> }
    }
    for (const path of ['/proposals', '/reviews/queue']) {
      const names = doc.paths[path]!.get.parameters.map((p) => p.name)
      assert.ok(names.includes('limit') && names.includes('offset'), path)
    }
    assert.deepEqual(
      Object.keys(doc.components.schemas.ProposalSummary!.properties).sort(),
      SUMMARY_KEYS,
    )
  })
})
