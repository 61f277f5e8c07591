/** Paging of the reviewer queue, and limit/offset of the JSON API's two lists. */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'
import { N, pagerOf, SUMMARY_KEYS, seedPagedCampaign } from './paging.testing.ts'
import { actorFor } from './proposals.testing.ts'
import { reviewQueue } from './review.service.ts'

let t: TestApp
let fx: Awaited<ReturnType<typeof seedPagedCampaign>>

before(async () => {
  t = await createTestApp()
  fx = await seedPagedCampaign(t.database.db)
})
after(() => t.close())

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
      .where('reviewer_id', '=', fx.reviewerId)
      .execute()
    assert.equal(first.total, assigned.length)
    assert.ok(first.total > 100, 'more than two pages')
    assert.equal(items.length, first.total)
    assert.equal(new Set(items.map((i) => i.proposal.id)).size, items.length, 'no item twice')
    assert.equal(first.unreviewed, items.filter((i) => !i.reviewed).length)
    for (const id of fx.reviewedIds)
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
      `/api/v1/proposals?campaign=${fx.campaign.id}&limit=20&offset=45`,
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
      fx.listOrder.slice(45, 65).map((p) => p.id),
    )
    for (const p of body.proposals) assert.deepEqual(Object.keys(p).sort(), SUMMARY_KEYS)
    const fallback = (await (
      await secretariat.get(`/api/v1/proposals?campaign=${fx.campaign.id}`)
    ).json()) as { proposals: unknown[]; limit: number }
    assert.deepEqual([fallback.proposals.length, fallback.limit], [50, 50])
    const past = (await (
      await secretariat.get(`/api/v1/proposals?campaign=${fx.campaign.id}&offset=1000`)
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
