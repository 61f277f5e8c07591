/** Paging of the proposal list: the service, the campaign page and "my proposals". */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { N, pagerOf, SUMMARY_KEYS, seedPagedCampaign, titlesIn } from './paging.testing.ts'
import { pagerNumbers } from './paging.ts'
import { listProposals } from './proposals.read.ts'
import { pageNumber } from './proposals.schemas.ts'
import { actorFor } from './proposals.testing.ts'

let t: TestApp
let fx: Awaited<ReturnType<typeof seedPagedCampaign>>

before(async () => {
  t = await createTestApp()
  fx = await seedPagedCampaign(t.database.db)
})
after(() => t.close())

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
        { campaign: fx.campaign.id },
        { limit: 50, offset },
      )
      assert.equal(slice.total, N)
      assert.equal(slice.items.length, offset === 100 ? 10 : 50)
      seen.push(...slice.items.map((p) => p.id))
      for (const p of slice.items) assert.deepEqual(Object.keys(p).sort(), SUMMARY_KEYS)
    }
    assert.deepEqual(
      seen,
      fx.listOrder.map((p) => p.id),
    )
    const past = await listProposals(
      db,
      secretariat,
      { campaign: fx.campaign.id },
      { limit: 50, offset: 500 },
    )
    assert.deepEqual({ items: past.items, total: past.total }, { items: [], total: N })
    const shortlisted = await listProposals(db, secretariat, {
      campaign: fx.campaign.id,
      status: 'shortlisted',
    })
    assert.equal(shortlisted.total, 10)
    assert.ok(shortlisted.items.every((p) => p.status === 'shortlisted'))
  })

  test('the campaign page: page 2 holds the next 50, the pager marks it and keeps the filters', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const path = `/proposals/campaigns/${fx.campaign.id}`
    const res = await secretariat.get(`${path}?page=2`)
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.deepEqual(
      titlesIn(html),
      fx.listOrder.slice(50, 100).map((p) => p.title),
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
    const path = `/proposals/campaigns/${fx.campaign.id}`
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
      fx.listOrder.slice(100).map((p) => p.title),
    )
    assert.equal((await secretariat.get(`${path}?status=bogus`)).status, 400)
  })

  test('my proposals on the home page are paged too', async () => {
    const staff = await t.signIn('staff')
    const html = await (await staff.get('/proposals?page=3')).text()
    const pager = pagerOf(html)
    assert.ok(pager.current !== null, 'a pager')
    assert.ok(
      titlesIn(html).every((x) => fx.listOrder.some((p) => p.title === x)),
      'only our proposals on the page',
    )
  })
})
