import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'
import { ifMatchVersion } from './proposals.api.ts'
import { FOUR_FIELDS, openCampaign } from './proposals.testing.ts'
import type { Campaign } from './proposals.types.ts'

let t: TestApp
let campaign: Campaign
let staff: TestClient
before(async () => {
  t = await createTestApp()
  campaign = await openCampaign(t.database.db)
  staff = await t.signIn('staff')
})
after(() => t.close())

describe('JSON API', () => {
  test('If-Match parsing', () => {
    assert.equal(ifMatchVersion(undefined), undefined)
    assert.equal(ifMatchVersion('"3"'), 3)
    assert.equal(ifMatchVersion('W/"12"'), 12)
    assert.ok(Number.isNaN(ifMatchVersion('*')))
  })

  test('create (201 with id and version), read with ETag, patch with If-Match; 412 and 409 on stale versions', async () => {
    const url = `/api/v1/campaigns/${campaign.id}/proposals`
    assert.equal((await t.client().sendJson('POST', url, { title: 'x' })).status, 401)
    const bad = await staff.sendJson('POST', url, { title: '', problem: 'x'.repeat(4001) })
    assert.equal(bad.status, 400)
    const badBody = (await bad.json()) as { error: { fields: Record<string, string[]> } }
    assert.deepEqual(Object.keys(badBody.error.fields).sort(), ['problem', 'title'])
    assert.equal((await staff.sendJson('POST', url, '{not json')).status, 400)
    assert.equal(
      (await staff.sendJson('POST', url, { title: 'a', submit: true })).status,
      400,
      'submitting needs the four fields',
    )

    const created = await staff.sendJson('POST', url, {
      title: 'API からの提案',
      problem: FOUR_FIELDS.problem,
    })
    assert.equal(created.status, 201)
    const { id, version } = (await created.json()) as { id: string; version: number }
    assert.equal(version, 1)
    const read = await staff.get(`/api/v1/proposals/${id}`)
    assert.equal(read.headers.get('etag'), '"1"')

    const patch = (body: unknown, headers: Record<string, string> = {}) =>
      staff.sendJson('PATCH', `/api/v1/proposals/${id}`, body, headers)
    assert.equal((await patch({ solution: 'x' })).status, 428)
    const ok = await patch({ solution: FOUR_FIELDS.solution }, { 'if-match': '"1"' })
    assert.equal(ok.status, 200)
    assert.equal(ok.headers.get('etag'), '"2"')
    const stale = await patch({ solution: '上書き' }, { 'if-match': '"1"' })
    assert.equal(stale.status, 412)
    const staleBody = await patch({ solution: '上書き', version: 1 })
    assert.equal(staleBody.status, 409)
    const after = (await (await staff.get(`/api/v1/proposals/${id}`)).json()) as {
      proposal: { solution: string; problem: string }
    }
    assert.equal(after.proposal.solution, FOUR_FIELDS.solution, 'no lost update')
    assert.equal(
      after.proposal.problem,
      FOUR_FIELDS.problem,
      'a patch keeps the fields it does not name',
    )
    assert.equal((await patch({ nonsense: 1 }, { 'if-match': '"2"' })).status, 400)
    const other = await t.signIn('pr_team')
    assert.equal(
      (
        await other.sendJson(
          'PATCH',
          `/api/v1/proposals/${id}`,
          { title: 'y' },
          { 'if-match': '"2"' },
        )
      ).status,
      404,
    )
    const submitted = await patch(
      { method: FOUR_FIELDS.method, caveats: FOUR_FIELDS.caveats, submit: true },
      { 'if-match': '"2"' },
    )
    assert.equal(submitted.status, 200)
    assert.equal(
      ((await submitted.json()) as { proposal: { status: string } }).proposal.status,
      'submitted',
    )
    assert.equal(
      (await patch({ title: 'z' }, { 'if-match': '"3"' })).status,
      409,
      'a submitted proposal is not edited',
    )
  })

  test('list with campaign, status and q; reviews and decisions by their roles only', async () => {
    const list = await staff.get(
      `/api/v1/proposals?campaign=${campaign.id}&status=submitted&q=${encodeURIComponent('API')}`,
    )
    const { proposals } = (await list.json()) as { proposals: { title: string }[] }
    assert.deepEqual(
      proposals.map((p) => p.title),
      ['API からの提案'],
    )
    assert.equal((await staff.get('/api/v1/proposals?status=bogus')).status, 400)
    const id = (
      await t.database.db
        .selectFrom('proposals')
        .select('id')
        .where('title', '=', 'API からの提案')
        .executeTakeFirstOrThrow()
    ).id
    assert.equal(
      (
        await staff.sendJson('PUT', `/api/v1/proposals/${id}/review`, {
          scores: { effect: 3, cost: 3 },
        })
      ).status,
      403,
    )
    const reviewer = await t.signIn('reviewer')
    assert.equal(
      (
        await reviewer.sendJson('PUT', `/api/v1/proposals/${id}/review`, {
          scores: { effect: 3, cost: 3 },
        })
      ).status,
      403,
      'not assigned',
    )
    assert.equal(
      (await staff.sendJson('POST', `/api/v1/proposals/${id}/decision`, { decision: 'adopt' }))
        .status,
      403,
    )
    const chief = await t.signIn('hq_chief')
    assert.equal(
      (
        await chief.sendJson('POST', `/api/v1/proposals/${id}/decision`, {
          decision: 'defer',
          reason: '時期尚早',
        })
      ).status,
      409,
      'not shortlisted',
    )
  })

  test('the OpenAPI document describes the proposal endpoints', async () => {
    const doc = (await (await t.client().get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    for (const path of [
      '/campaigns/{id}/proposals',
      '/proposals',
      '/proposals/{id}',
      '/proposals/{id}/review',
      '/proposals/{id}/decision',
    ])
      assert.ok(doc.paths[path], path)
    assert.ok(doc.paths['/proposals/{id}']!.patch!.responses['412'])
  })
})
