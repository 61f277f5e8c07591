/**
 * Blind review: a reviewer never learns who proposed. This walks EVERY GET route of the
 * proposals module (pages, JSON API, exports, search, the similar-proposal endpoint,
 * attachment downloads) plus the inbox and home page as the demo reviewer, for every
 * proposal in the database, and asserts that no proposer's (or advisor's) name, kana, e-mail,
 * user id, person id, unit id or unit name appears in any status line, header or body. A
 * route added later without being walked here fails the coverage check at the end.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'
import { SUMMARY_KEYS } from './paging.testing.ts'
import { actorFor, enc, FOUR_FIELDS, openCampaign, postMultipart } from './proposals.testing.ts'
import { assignReviewers } from './review.service.ts'

let t: TestApp
let reviewer: TestClient
const visited: string[] = []
const forbidden = new Map<string, string>()

const pdf = enc(
  '%PDF-1.4\n1 0 obj\n<< /Title (Plan) /Author (Sato Hanako) >>\nendobj\n' +
    '2 0 obj\n<< /Type /Metadata >>\nstream\n<x:xmpmeta><dc:creator>佐藤 花子</dc:creator><pdf:Author>佐藤 花子</pdf:Author></x:xmpmeta>\nendstream\nendobj\ntrailer\n<< /Info 1 0 R >>\n%%EOF\n',
)
function pngWithAuthor(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length)
    new DataView(out.buffer).setUint32(0, data.length)
    out.set(enc(type), 4)
    out.set(data, 8)
    return out
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', new Uint8Array(13)),
      chunk('tEXt', enc('Author\u0000佐藤 花子')),
      chunk('IEND', new Uint8Array()),
    ]),
  )
}
const docx = new Uint8Array(
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04]),
    Buffer.from('docProps/core.xml<dc:creator>佐藤 花子</dc:creator>'),
  ]),
)

before(async () => {
  t = await createTestApp()
  const { db } = t.database
  // A campaign every reviewer reviews, so the demo reviewer sees the new proposal.
  const campaign = await openCampaign(db, {
    title: 'ブラインド確認用の募集',
    reviewersPerProposal: 4,
  })
  const staff = await t.signIn('staff')
  const res = await postMultipart(
    staff,
    `/proposals/campaigns/${campaign.id}/proposals`,
    {
      title: '申請書の記入例の公開',
      ...FOUR_FIELDS,
      coAuthors: 'pr-team@demo.kaikaku.example',
      action: 'submit',
    },
    [
      { name: 'attachments', filename: '佐藤花子_提案資料.pdf', bytes: pdf },
      { name: 'attachments', filename: '佐藤花子_写真.png', bytes: pngWithAuthor() },
      { name: 'attachments', filename: '佐藤花子_詳細.docx', bytes: docx },
    ],
  )
  assert.equal(res.status, 303, await res.text())
  await assignReviewers(db, await actorFor(db, 'hq_secretariat'), campaign.id)
  forbidden.set('Sato Hanako', 'PDF author metadata')

  // Everyone who proposed anything, co-authors included, and any advisor.
  const identities = await db
    .selectFrom('proposal_authors as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('units', 'units.id', 'a.unit_id')
    .select([
      'u.id as userId',
      'u.email',
      'u.display_name',
      'p.id as personId',
      'p.name',
      'p.name_kana',
      'p.title',
      'units.id as unitId',
      'units.name as unitName',
    ])
    .union(
      db
        .selectFrom('proposal_advisors as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .leftJoin('people as p', 'p.id', 'u.person_id')
        .leftJoin('units', 'units.id', 'p.unit_id')
        .select([
          'u.id as userId',
          'u.email',
          'u.display_name',
          'p.id as personId',
          'p.name',
          'p.name_kana',
          'p.title',
          'units.id as unitId',
          'units.name as unitName',
        ]),
    )
    .execute()
  assert.ok(identities.length >= 6, 'the demo has several proposers')
  for (const i of identities) {
    const who = i.display_name
    for (const [value, what] of [
      [i.userId, 'user id'],
      [i.email, 'e-mail'],
      [i.display_name, 'name'],
      [i.display_name.replace(/\s/g, ''), 'name'],
      [i.personId, 'person id'],
      [i.name, 'name'],
      [i.name_kana, 'kana'],
      [i.title, 'job title'],
      [i.unitId, 'unit id'],
      [i.unitName, 'unit name'],
    ] as const) {
      if (value) forbidden.set(value, `${what} of ${who}`)
    }
  }
  reviewer = await t.signIn('reviewer')
})
after(() => t.close())

/** Fetches as the reviewer and checks status line, headers and body for any identity. */
async function look(path: string, init: RequestInit = {}): Promise<Response> {
  visited.push(path.split('?')[0]!)
  const res = await reviewer.request(path, init)
  assert.ok(res.status < 500, `${path} answered ${res.status}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  const headers = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
  // The area picker of the proposal form lists every unit of the organisation, the same for
  // every viewer: it says nothing about any proposal, so it is left out of the check.
  const directory = /<select id="field-areaUnitId"[\s\S]*?<\/select>/g
  const texts = [
    headers,
    bytes.toString('utf8').replace(directory, ''),
    bytes.toString('latin1').replace(directory, ''),
  ]
  let decoded = ''
  try {
    decoded = decodeURIComponent(headers)
  } catch {}
  texts.push(decoded)
  for (const [value, what] of forbidden) {
    for (const text of texts) {
      assert.ok(!text.includes(value), `${path} (${res.status}) reveals the ${what}: "${value}"`)
    }
  }
  return new Response(bytes, { status: res.status, headers: res.headers })
}

describe('blind review: nothing a reviewer can reach names a proposer', () => {
  test('every page, API response, export, search and download', async () => {
    const { db } = t.database
    const campaigns = await db.selectFrom('proposal_campaigns').select('id').execute()
    const proposals = await db.selectFrom('proposals').select(['id', 'title']).execute()
    const attachments = await db
      .selectFrom('proposal_attachments')
      .select(['proposal_id', 'position'])
      .execute()

    for (const path of [
      '/',
      '/inbox',
      '/proposals',
      '/proposals/review',
      '/proposals/adopted',
      '/proposals/awaiting',
      '/proposals/dashboard',
      '/proposals/campaigns/new',
      '/api/v1/campaigns',
      '/api/v1/proposals',
      '/api/v1/reviews/queue',
    ]) {
      await look(path)
    }
    const queue = (await (await look('/api/v1/reviews/queue?limit=200')).json()) as {
      queue: { proposal: { id: string; status: string }; reviewed: boolean }[]
      total: number
    }
    assert.ok(queue.queue.length >= 2, 'the reviewer has proposals to review')
    assert.equal(queue.queue.length, queue.total, 'the whole queue fits in one window here')
    const mine = queue.queue.map((q) => q.proposal.id)
    // The list shapes: summaries, with no author, no text fields and no advice at all.
    const list = (await (await look('/api/v1/proposals?limit=200')).json()) as {
      proposals: Record<string, unknown>[]
    }
    assert.ok(list.proposals.length > 0)
    for (const item of [...list.proposals, ...queue.queue.map((q) => q.proposal)]) {
      assert.deepEqual(Object.keys(item).sort(), SUMMARY_KEYS, 'a summary and nothing more')
    }
    for (const page of ['/proposals/review?page=2', '/proposals?page=2']) await look(page)

    // Search: by text, and by every proposer's name, which must find nothing.
    const names = [...forbidden].filter(([, what]) => /^(name|e-mail)/.test(what)).map(([v]) => v)
    for (const q of ['申請', '観光', ...names]) {
      const res = await look(`/api/v1/proposals?q=${encodeURIComponent(q)}`)
      const body = (await res.json()) as { proposals: unknown[] }
      if (forbidden.has(q)) assert.equal(body.proposals.length, 0, `searching "${q}" finds nothing`)
    }
    await look(`/proposals/similar?text=${encodeURIComponent('申請書の記入例を公開する')}`)
    await look(`/proposals/similar?text=${encodeURIComponent('補助金の電子申請')}`, {
      headers: { accept: 'application/json' },
    })

    for (const { id } of campaigns) {
      for (const suffix of ['', '/new', '/ranking', '/report', '/report.xlsx']) {
        await look(`/proposals/campaigns/${id}${suffix}`)
      }
      await look(`/api/v1/campaigns/${id}/ranking`)
      await look(`/api/v1/proposals?campaign=${id}`)
    }
    for (const { id } of proposals) {
      // Edit and review forms: the reviewer's own proposals, and a few others (refused or redirected).
      const suffixes =
        mine.includes(id) || proposals.indexOf(proposals.find((p) => p.id === id)!) < 3
          ? ['', '/edit', '/review']
          : ['']
      for (const suffix of suffixes) await look(`/proposals/${id}${suffix}`)
      const api = await look(`/api/v1/proposals/${id}`)
      if (api.status === 200) {
        const body = (await api.json()) as Record<string, unknown>
        assert.equal(body.authors, undefined, 'no authors key for a blind viewer')
      }
    }
    // Saving a review answers with nothing about the proposer either.
    // One still under review: the demo's HQ has already decided some of the seeded ones.
    const first = queue.queue.find((q) => q.proposal.status === 'under_review')?.proposal.id
    assert.ok(first, 'the reviewer has a proposal under review')
    const review = await look(`/api/v1/proposals/${first}/review`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': reviewer.csrf },
      body: JSON.stringify({ scores: { effect: 4, cost: 3, c1: 4, c2: 4, c3: 3, c4: 2 } }),
    })
    assert.ok([200, 400, 409].includes(review.status), `saving a review answered ${review.status}`)

    // Attachments: neutral names; author metadata stripped; Office files refused.
    let served = 0
    for (const a of attachments) {
      const res = await look(`/proposals/${a.proposal_id}/attachments/${a.position}`)
      if (res.status !== 200) continue
      served++
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /filename\*=UTF-8''%E6%B7%BB%E4%BB%98\d\./,
      )
    }
    const ours = attachments.filter((a) => mine.includes(a.proposal_id))
    assert.equal(ours.length, 3)
    const office = await look(`/proposals/${ours[0]!.proposal_id}/attachments/3`)
    assert.equal(office.status, 403, 'a docx is not served to a reviewer')
    assert.equal(served, 2, 'the PDF and the PNG are served, scrubbed')
    await look('/inbox')

    // Every GET route of the module was walked.
    const patterns = t.app.routes
      .filter((r) => r.method === 'GET')
      .map((r) => r.path)
      .filter((p) => /^\/(proposals|api\/v1\/(campaigns|proposals|reviews))(\/|$)/.test(p))
    const unvisited = [...new Set(patterns)].filter((p) => {
      const re = new RegExp(`^${p.replace(/:[^/]+/g, '[^/]+').replace(/\./g, '\\.')}$`)
      return !visited.some((v) => re.test(v))
    })
    assert.deepEqual(unvisited, [], 'routes a reviewer could reach that the walk missed')
  })

  test('the author and the secretariat do see who proposed', async () => {
    const { db } = t.database
    const row = await db
      .selectFrom('proposals')
      .select('id')
      .where('title', '=', '申請書の記入例の公開')
      .executeTakeFirstOrThrow()
    for (const role of ['staff', 'hq_secretariat'] as const) {
      const client = await t.signIn(role)
      const body = (await (await client.get(`/api/v1/proposals/${row.id}`)).json()) as {
        authors: { name: string }[]
      }
      assert.deepEqual(body.authors.map((a) => a.name).sort(), ['佐藤 花子', '池田 萌'].sort())
      const file = await client.get(`/proposals/${row.id}/attachments/1`)
      assert.match(
        file.headers.get('content-disposition') ?? '',
        /filename\*=UTF-8''.*%E4%BD%90%E8%97%A4/,
      )
    }
  })
})
