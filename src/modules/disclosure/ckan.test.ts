import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

// biome-ignore lint/suspicious/noExplicitAny: CKAN's JSON, checked field by field below
type Json = any

let t: TestApp
let somuId: string
const BULK = 137

async function api(path: string, init?: RequestInit) {
  const res = await t.app.request(path, init)
  return {
    status: res.status,
    body: (await res.json()) as Json,
    type: res.headers.get('content-type'),
  }
}

before(async () => {
  t = await createTestApp()
  const db = t.database.db
  somuId = (
    await db.selectFrom('units').select('id').where('code', '=', 'somu').executeTakeFirstOrThrow()
  ).id
  // Bulk datasets for paging (the demo already has three public ones); every fifth is private.
  const file = await db.selectFrom('stored_files').select('id').limit(1).executeTakeFirstOrThrow()
  for (let i = 0; i < BULK; i++) {
    const row = await db
      .insertInto('opendata_datasets')
      .values({
        name: `bulk-${String(i).padStart(3, '0')}`,
        title: i % 5 === 0 ? `非公開の統計 ${i}` : `景況調査 ${i}`,
        notes: '中小企業の景況',
        unit_id: somuId,
        license_id: i % 2 ? 'cc-by-4.0' : 'jp-pdl-1.0',
        tags: JSON.stringify(i % 3 ? ['景況'] : ['景況', '四半期']),
        is_private: i % 5 === 0,
        metadata_modified: new Date(Date.UTC(2026, 0, 1 + (i % 40))),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('opendata_resources')
      .values({ dataset_id: row.id, name: 'データ', format: 'CSV', file_id: file.id })
      .execute()
  }
})
after(() => t.close())

const publicCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('opendata_datasets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('is_private', '=', false)
        .where('state', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('CKAN v3 Action API as a harvester uses it', () => {
  test('paging package_search by id sees every public dataset exactly once, no private one', async () => {
    const expected = await publicCount()
    assert.ok(expected > 100, `needs more than one page of 100 (has ${expected})`)
    const seen: string[] = []
    let count = -1
    for (let start = 0; ; start += 100) {
      const { status, body } = await api(
        `/api/3/action/package_search?rows=100&start=${start}&sort=id%20asc`,
      )
      assert.equal(status, 200)
      assert.equal(body.success, true)
      assert.match(body.help, /\/api\/3\/action\/help_show\?name=package_search$/)
      count = body.result.count
      if (body.result.results.length === 0) break
      seen.push(...body.result.results.map((p: Json) => p.id))
      assert.ok(body.result.results.every((p: Json) => p.private === false))
    }
    assert.equal(count, expected)
    assert.equal(seen.length, expected)
    assert.equal(new Set(seen).size, expected)
    assert.deepEqual(seen, [...seen].sort())
    assert.ok(!seen.some((id) => id === undefined))
  })

  test('an unchanged answer is a 304 for a harvester that sends its ETag', async () => {
    const path = '/api/3/action/package_search?rows=5&sort=id%20asc'
    const first = await t.app.request(path)
    const etag = first.headers.get('etag')
    assert.ok(etag, 'package_search has an ETag')
    await first.body?.cancel()
    const again = await t.app.request(path, { headers: { 'if-none-match': etag } })
    assert.equal(again.status, 304, 'same ETag: not modified')
    assert.equal(await again.text(), '', 'no body with a 304')
    const other = await t.app.request(path, { headers: { 'if-none-match': '"stale"' } })
    assert.equal(other.status, 200, 'another ETag: the answer')
    await other.body?.cancel()
  })

  test('a package has CKAN’s field names', async () => {
    const { body } = await api('/api/3/action/package_show?id=sanro-programs')
    const p = body.result
    for (const key of [
      'id',
      'name',
      'title',
      'notes',
      'owner_org',
      'organization',
      'license_id',
      'tags',
      'metadata_modified',
      'state',
      'resources',
    ])
      assert.ok(key in p, key)
    assert.equal(p.organization.name, 'somu')
    assert.equal(p.license_id, 'cc-by-4.0')
    assert.deepEqual(
      p.tags.map((x: Json) => x.name),
      ['予算', '事業評価'],
    )
    const csv = p.resources.find((r: Json) => r.format === 'CSV')
    assert.equal(csv.mimetype, 'text/csv')
    assert.match(csv.hash, /^sha256:[0-9a-f]{64}$/)
    assert.ok(csv.size > 0)
    assert.ok(csv.last_modified)
    // The download is the resource: UTF-8 with a BOM, and its size and hash are right.
    const res = await t.app.request(new URL(csv.url).pathname)
    assert.equal(res.status, 200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf])
    assert.equal(bytes.length, csv.size)
    const { createHash } = await import('node:crypto')
    assert.equal(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, csv.hash)
    // By id as well as by name.
    assert.equal(
      (await api(`/api/3/action/package_show?id=${p.id}`)).body.result.name,
      'sanro-programs',
    )
  })

  test('fq filters: metadata_modified range, organization, tags, res_format; q searches', async () => {
    const since = await api(
      `/api/3/action/package_search?rows=1000&fq=${encodeURIComponent('metadata_modified:[2026-01-30T00:00:00Z TO *]')}`,
    )
    assert.equal(since.status, 200)
    const all = (await api('/api/3/action/package_search?rows=1000')).body.result.results
    const expected = all.filter((p: Json) => p.metadata_modified >= '2026-01-30T00:00:00').length
    assert.ok(expected > 0 && expected < all.length)
    assert.equal(since.body.result.count, expected)
    const org = await api(
      `/api/3/action/package_search?fq=${encodeURIComponent('organization:kanko-kikaku')}`,
    )
    assert.deepEqual(
      org.body.result.results.map((p: Json) => p.name),
      ['kanko-visitor-survey'],
    )
    const tagged = await api(
      `/api/3/action/package_search?rows=0&fq=${encodeURIComponent('tags:四半期 +organization:somu')}`,
    )
    assert.equal(
      tagged.body.result.count,
      Array.from({ length: BULK }, (_, i) => i).filter((i) => i % 3 === 0 && i % 5 !== 0).length,
    )
    assert.deepEqual(tagged.body.result.results, [])
    const xlsx = await api('/api/3/action/package_search?fq=res_format:XLSX')
    assert.deepEqual(
      xlsx.body.result.results.map((p: Json) => p.name),
      ['sanro-programs'],
    )
    const q = await api(`/api/3/action/package_search?q=${encodeURIComponent('観光客')}`)
    assert.deepEqual(
      q.body.result.results.map((p: Json) => p.name),
      ['kanko-visitor-survey'],
    )
    assert.equal(
      (await api(`/api/3/action/package_search?q=${encodeURIComponent('非公開の統計')}`)).body
        .result.count,
      0,
    )
    // POST with a JSON body, as ckanapi does.
    const posted = await api('/api/3/action/package_search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q: '観光客', rows: 5 }),
    })
    assert.equal(posted.body.result.count, 1)
  })

  test('lists: package_list, organization_list/show, license_list, group_list', async () => {
    const list = (await api('/api/3/action/package_list')).body.result as string[]
    assert.equal(list.length, await publicCount())
    assert.ok(!list.includes('bulk-000') && list.includes('bulk-001'))
    assert.deepEqual(
      (await api('/api/3/action/package_list?limit=2&offset=1')).body.result,
      list.slice(1, 3),
    )
    const orgs = (await api('/api/3/action/organization_list')).body.result
    assert.deepEqual(orgs, ['kanko-kikaku', 'somu'])
    const full = (await api('/api/3/action/organization_list?all_fields=true')).body.result
    assert.equal(full[0].title, '企画課')
    const somu = (await api('/api/3/action/organization_show?id=somu&include_datasets=true')).body
      .result
    assert.equal(somu.package_count, somu.packages.length)
    assert.ok(somu.packages.every((p: Json) => !p.private))
    const licenses = (await api('/api/3/action/license_list')).body.result
    assert.deepEqual(
      licenses.map((l: Json) => l.id),
      ['cc-by-4.0', 'jp-pdl-1.0'],
    )
    assert.deepEqual((await api('/api/3/action/group_list')).body.result, [])
  })

  test('private datasets: not shown, not listed, not downloadable, not in DCAT', async () => {
    const shown = await api('/api/3/action/package_show?id=bulk-000')
    assert.equal(shown.status, 404)
    assert.deepEqual(shown.body.error, { __type: 'Not Found Error', message: 'Not found' })
    assert.equal(shown.body.success, false)
    const resource = await t.database.db
      .selectFrom('opendata_resources as r')
      .innerJoin('opendata_datasets as d', 'd.id', 'r.dataset_id')
      .select('r.id')
      .where('d.name', '=', 'bulk-000')
      .executeTakeFirstOrThrow()
    assert.equal(
      (await t.app.request(`/portal/data/resources/${resource.id}/download`)).status,
      404,
    )
    assert.equal((await t.app.request('/portal/data/bulk-000')).status, 404)
    const ttl = await (await t.app.request('/catalog.ttl')).text()
    assert.ok(!ttl.includes('bulk-000') && ttl.includes('bulk-001'))
    const portal = await (
      await t.app.request(`/portal/data?q=${encodeURIComponent('非公開')}`)
    ).text()
    assert.ok(!portal.includes('非公開の統計'))
    // Signed in as the officer changes nothing in the public API.
    const officer = await t.signIn('disclosure_officer')
    assert.equal((await officer.get('/api/3/action/package_show?id=bulk-000')).status, 404)
  })

  test('bad input answers as CKAN does, never 500', async () => {
    const rows = await api('/api/3/action/package_search?rows=abc')
    assert.equal(rows.status, 409)
    assert.deepEqual(rows.body.error, { __type: 'Validation Error', rows: ['Invalid integer'] })
    const start = await api('/api/3/action/package_search?start=-1')
    assert.equal(start.status, 409)
    assert.deepEqual(start.body.error.start, ['Must be a natural number'])
    const negative = await api('/api/3/action/package_search?rows=-5')
    assert.deepEqual(negative.body.error.rows, ['Must be a positive integer'])
    const huge = await api('/api/3/action/package_search?rows=999999')
    assert.equal(huge.status, 200)
    assert.ok(huge.body.result.results.length <= 1000)
    const unknown = await api('/api/3/action/package_search?foo=1')
    assert.equal(unknown.status, 400)
    assert.equal(unknown.body.error.__type, 'Search Query Error')
    assert.match(unknown.body.error.message, /Invalid search parameters: \['foo'\]/)
    const sort = await api('/api/3/action/package_search?sort=nonsense%20asc')
    assert.equal(sort.status, 409)
    assert.equal(sort.body.error.__type, 'Search Error')
    const fq = await api(
      `/api/3/action/package_search?fq=${encodeURIComponent('metadata_modified:[yesterday TO *]')}`,
    )
    assert.equal(fq.status, 409)
    const missing = await api('/api/3/action/package_show')
    assert.equal(missing.status, 409)
    assert.deepEqual(missing.body.error, {
      __type: 'Validation Error',
      name_or_id: ['Missing value'],
    })
    const action = await api('/api/3/action/package_create')
    assert.equal(action.status, 400)
    assert.equal(action.body, 'Bad request - Action name not known: package_create')
    const json = await api('/api/3/action/package_search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    })
    assert.equal(json.status, 400)
    assert.match(json.body, /^Bad request - JSON Error/)
    const list = await api('/api/3/action/package_search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1]',
    })
    assert.equal(list.status, 400)
    const limit = await api('/api/3/action/package_list?limit=x')
    assert.equal(limit.status, 409)
    assert.equal((await api('/api/3/action/organization_show?id=nowhere')).status, 404)
  })

  test('DCAT: Turtle and JSON-LD with the right content types', async () => {
    const ttl = await t.app.request('/catalog.ttl')
    assert.equal(ttl.headers.get('content-type'), 'text/turtle; charset=utf-8')
    const text = await ttl.text()
    assert.match(text, /a dcat:Catalog/)
    assert.match(text, /dct:license <https:\/\/creativecommons.org\/licenses\/by\/4.0\/>/)
    assert.match(text, /dcat:downloadURL </)
    const jsonld = await t.app.request('/catalog.jsonld')
    assert.equal(jsonld.headers.get('content-type'), 'application/ld+json; charset=utf-8')
    const doc = (await jsonld.json()) as Json
    const datasets = doc['@graph'].filter((n: Json) => n['@type'] === 'dcat:Dataset')
    assert.equal(datasets.length, await publicCount())
    const catalog = doc['@graph'].find((n: Json) => n['@type'] === 'dcat:Catalog')
    assert.equal(catalog['dcat:dataset'].length, datasets.length)
  })
})
