import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import pino from 'pino'
import { JobWorker } from '../../jobs/worker.ts'
import { createTestApp, type TestApp, type TestClient } from '../../testing/app.ts'
import { clusterSubjects } from './candidates.service.ts'
import { addDays, todayInTokyo } from './dates.ts'
import { REDACT_DOCUMENT_JOB, redactDocumentJob } from './index.ts'

// biome-ignore lint/suspicious/noExplicitAny: CKAN's JSON, checked field by field below
type Json = any

let t: TestApp
let officer: TestClient
let units: Map<string, string>
const today = todayInTokyo()

before(async () => {
  t = await createTestApp()
  officer = await t.signIn('disclosure_officer')
  units = new Map(
    (await t.database.db.selectFrom('units').select(['code', 'id']).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  )
})
after(() => t.close())

const idFrom = (res: Response, pattern: RegExp) => {
  const m = pattern.exec(res.headers.get('location') ?? '')
  assert.ok(m, `redirect ${res.status} ${res.headers.get('location')}`)
  return m[1]!
}

async function logRequest(subject: string, daysAgo = 1, client = officer) {
  const res = await client.postForm('/disclosure/requests', {
    subject,
    unitId: units.get('koyo')!,
    requesterType: 'individual',
    receivedOn: addDays(today, -daysAgo),
  })
  assert.equal(res.status, 303)
  return idFrom(res, /\/disclosure\/requests\/([0-9a-f-]{36})/)
}

const requestRow = (id: string) =>
  t.database.db
    .selectFrom('disclosure_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()

describe('disclosure-request log', () => {
  test('only the disclosure officer (and admin) may use it: 401 anonymous, 403 others', async () => {
    assert.equal((await t.client().get('/disclosure/requests')).status, 401)
    for (const role of ['staff', 'hq_chief', 'council_secretary', 'office_manager'] as const) {
      const client = await t.signIn(role)
      assert.equal((await client.get('/disclosure/requests')).status, 403, role)
      const res = await client.postForm('/disclosure/requests', { subject: 'x' })
      assert.equal(res.status, 403, role)
    }
    assert.equal((await (await t.signIn('admin')).get('/disclosure/requests')).status, 200)
  })

  test('bad input: 400 with a message per field, nothing stored', async () => {
    const before = await t.database.db.selectFrom('disclosure_requests').select('id').execute()
    const res = await officer.postForm('/disclosure/requests', {
      subject: '',
      unitId: 'nope',
      requesterType: 'alien',
      receivedOn: '2026-02-30',
    })
    assert.equal(res.status, 400)
    const html = await res.text()
    assert.match(html, /error-summary/)
    for (const field of ['subject', 'unitId', 'requesterType', 'receivedOn'])
      assert.match(html, new RegExp(`id="error-${field}"`), field)
    const future = await officer.postForm('/disclosure/requests', {
      subject: '件名',
      unitId: units.get('koyo')!,
      requesterType: 'press',
      receivedOn: addDays(today, 3),
    })
    assert.equal(future.status, 400)
    const after = await t.database.db.selectFrom('disclosure_requests').select('id').execute()
    assert.equal(after.length, before.length)
  })

  test('deadline 14 days; overdue flagged; extension at most 60 days; stale edits refused; history kept', async () => {
    const id = await logRequest('職業訓練の委託先選定に関する決裁文書', 30)
    const row = await requestRow(id)
    assert.equal(row.status, 'received')
    const page = await (await officer.get('/disclosure/requests?status=overdue')).text()
    assert.match(page, /職業訓練の委託先選定に関する決裁文書/)
    assert.match(page, /期限超過/)
    const tooLate = await officer.postForm(`/disclosure/requests/${id}/extend`, {
      extendedTo: addDays(today, 31),
      extensionReason: '第三者照会',
      version: '1',
    })
    assert.equal(tooLate.status, 400)
    const ok = await officer.postForm(`/disclosure/requests/${id}/extend`, {
      extendedTo: addDays(today, 20),
      extensionReason: '第三者照会のため',
      version: '1',
    })
    assert.equal(ok.status, 303)
    const stale = await officer.postForm(`/disclosure/requests/${id}/decide`, {
      decision: 'disclosed',
      decidedOn: today,
      version: '1',
    })
    assert.equal(stale.status, 409)
    assert.match(await stale.text(), /第三者照会のため|error-summary/)
    const decided = await officer.postForm(`/disclosure/requests/${id}/decide`, {
      decision: 'partially_disclosed',
      decidedOn: today,
      note: '個人情報を除く',
      version: '2',
    })
    assert.equal(decided.status, 303)
    const again = await officer.postForm(`/disclosure/requests/${id}/decide`, {
      decision: 'disclosed',
      decidedOn: today,
      version: '3',
    })
    assert.equal(again.status, 409)
    const events = await t.database.db
      .selectFrom('disclosure_request_events')
      .select('status')
      .where('request_id', '=', id)
      .orderBy('created_at')
      .execute()
    assert.deepEqual(
      events.map((e) => e.status),
      ['received', 'extended', 'partially_disclosed'],
    )
    const detail = await (await officer.get(`/disclosure/requests/${id}`)).text()
    assert.doesNotMatch(detail, /期限超過/)
  })
})

describe('released documents go through the redaction engine', () => {
  let requestId: string
  let documentId: string
  test('a text document is redacted as a job, reviewed, and released with markers only', async () => {
    requestId = await logRequest('労働相談センターの相談対応記録（令和7年度）')
    const res = await officer.postForm(`/disclosure/requests/${requestId}/documents`, {
      documentTitle: '相談対応記録',
      documentText:
        '相談者 山田太郎様（電話 03-1234-5678）から、株式会社東都製作所での残業について相談があった。',
    })
    assert.equal(res.status, 303)
    documentId = idFrom(res, /\/disclosure\/documents\/([0-9a-f-]{36})/)
    const worker = new JobWorker(t.database.db, pino({ level: 'silent' })).register(
      REDACT_DOCUMENT_JOB,
      redactDocumentJob,
    )
    await worker.drain()
    const spans = await t.database.db
      .selectFrom('disclosure_document_spans')
      .selectAll()
      .where('document_id', '=', documentId)
      .execute()
    const types = spans.map((s) => s.type)
    assert.ok(types.includes('person') && types.includes('phone'), types.join())
    const doc = await t.database.db
      .selectFrom('disclosure_documents')
      .selectAll()
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow()
    const proposed = spans.filter((s) => s.decision === 'proposed')
    if (proposed.length) {
      const early = await officer.postForm(`/disclosure/documents/${documentId}/release`, {
        version: String(doc.version),
      })
      assert.equal(early.status, 409)
    }
    let version = doc.version
    for (const s of proposed) {
      const r = await officer.postForm(`/disclosure/documents/${documentId}/spans/${s.id}`, {
        decision: 'rejected',
        version: String(version),
      })
      assert.equal(r.status, 303)
      version++
    }
    const missing = await officer.postForm(`/disclosure/documents/${documentId}/withhold`, {
      spanText: '東都製作所',
      spanType: 'organization',
      version: String(version),
    })
    assert.equal(missing.status, 303)
    version++
    const released = await officer.postForm(`/disclosure/documents/${documentId}/release`, {
      version: String(version),
    })
    assert.equal(released.status, 303)
    const after = await t.database.db
      .selectFrom('disclosure_documents')
      .selectAll()
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow()
    assert.equal(after.status, 'released')
    assert.ok(!after.redacted_text!.includes('山田'))
    assert.ok(!after.redacted_text!.includes('1234-5678'))
    assert.ok(!after.redacted_text!.includes('東都製作所'))
    assert.ok(after.redacted_text!.includes('残業について'))
    assert.match(after.redacted_text!, /■■■（条例第7条第2号）/)
    assert.match(after.redacted_text!, /■■■（条例第7条第3号）/)
  })
})

describe('proactive publication', () => {
  test('similar subjects cluster; different ones do not', () => {
    const groups = clusterSubjects([
      { id: 'a', text: '観光振興補助金の交付決定一覧（令和6年度）', receivedOn: '2026-01-01' },
      { id: 'b', text: '公用車の運行記録', receivedOn: '2026-01-02' },
      { id: 'c', text: '令和6年度 観光振興補助金の交付決定一覧', receivedOn: '2026-01-03' },
      { id: 'd', text: '観光振興補助金 交付決定の一覧（令和6年度分）', receivedOn: '2026-01-04' },
      // Shares 補助金・交付 with the first topic (similarity 0.30) but is another topic.
      { id: 'e', text: '中小企業振興公社 補助金の交付要綱・交付実績', receivedOn: '2026-01-05' },
    ])
    assert.deepEqual(
      groups.map((g) => g.map((s) => s.id)),
      [['a', 'c', 'd'], ['b'], ['e']],
    )
  })

  test('the seeded topic asked three times is a candidate; the officer was notified', async () => {
    const candidates = await t.database.db.selectFrom('disclosure_candidates').selectAll().execute()
    assert.equal(candidates.length, 1)
    assert.equal(candidates[0]!.request_ids.length, 3)
    assert.match(candidates[0]!.title, /観光振興補助金/)
    const officerId = await t.userId('disclosure-officer@demo.kaikaku.example')
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', officerId)
      .execute()
    assert.ok(notes.some((n) => n.title === '開示請求の多い話題があります'))
  })

  test('a topic requested repeatedly becomes a candidate, published with its released documents and closed', async () => {
    const subject = '労働相談センターの相談対応記録（令和7年度）'
    // One request of this topic (with a released document) exists; two more make three.
    await logRequest('労働相談センター 相談対応記録 令和7年度分')
    let candidate = await t.database.db
      .selectFrom('disclosure_candidates')
      .selectAll()
      .where('title', '=', subject)
      .executeTakeFirst()
    assert.equal(candidate, undefined, 'two requests are not yet a topic')
    await logRequest('令和7年度 労働相談センターの相談対応記録')
    candidate = await t.database.db
      .selectFrom('disclosure_candidates')
      .selectAll()
      .where('title', '=', subject)
      .executeTakeFirstOrThrow()
    assert.equal(candidate.request_ids.length, 3)
    const page = await (await officer.get('/disclosure/candidates')).text()
    assert.match(page, /労働相談センターの相談対応記録（令和7年度）（3件）/)
    for (const link of ['//evil.example/x', 'javascript:alert(1)'])
      assert.equal(
        (
          await officer.postForm(`/disclosure/candidates/${candidate.id}/close`, {
            link,
            version: '1',
          })
        ).status,
        400,
        link,
      )
    const bad = await officer.postForm(`/disclosure/candidates/${candidate.id}/publish`, {
      title: '',
      name: 'BAD NAME',
      unitId: units.get('koyo')!,
      licenseId: 'cc-by-4.0',
      frequency: 'irregular',
      version: '1',
    })
    assert.equal(bad.status, 400)
    const published = await officer.postForm(`/disclosure/candidates/${candidate.id}/publish`, {
      title: '労働相談の対応記録（開示済み文書）',
      name: 'rodo-sodan-records',
      unitId: units.get('koyo')!,
      licenseId: 'jp-pdl-1.0',
      frequency: 'irregular',
      version: '1',
    })
    assert.equal(published.status, 303)
    const closed = await t.database.db
      .selectFrom('disclosure_candidates')
      .selectAll()
      .where('id', '=', candidate.id)
      .executeTakeFirstOrThrow()
    assert.equal(closed.status, 'closed')
    assert.equal(closed.link, '/portal/data/rodo-sodan-records')
    const search = (await (
      await t.app.request('/api/3/action/package_search?q=rodo-sodan')
    ).json()) as Json
    assert.equal(search.result.count, 1)
    const resource = search.result.results[0].resources[0]
    assert.equal(resource.format, 'TXT')
    const text = await (await t.app.request(new URL(resource.url).pathname)).text()
    assert.ok(!text.includes('山田') && text.includes('■■■'))
    // A closed topic does not come back with the next similar request alone.
    await logRequest('労働相談センターの相談対応記録 令和7年度')
    const open = await t.database.db
      .selectFrom('disclosure_candidates')
      .select('id')
      .where('status', '=', 'open')
      .where('title', 'like', '%労働相談%')
      .execute()
    assert.equal(open.length, 0)
  })

  test('settings: validated, versioned', async () => {
    assert.equal(
      (
        await officer.postForm('/disclosure/settings', {
          repeatCount: '1',
          periodDays: '30',
          version: '1',
        })
      ).status,
      400,
    )
    assert.equal(
      (
        await officer.postForm('/disclosure/settings', {
          repeatCount: '4',
          periodDays: '180',
          version: '1',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await officer.postForm('/disclosure/settings', {
          repeatCount: '5',
          periodDays: '180',
          version: '1',
        })
      ).status,
      409,
    )
  })
})

describe('open-data catalogue (staff side)', () => {
  test('private until published; publishing needs a resource; generated CSV has a BOM', async () => {
    const fields = {
      title: '予算事業（テスト）',
      name: 'test-programs',
      notes: '',
      unitId: units.get('somu')!,
      licenseId: 'cc-by-4.0',
      tags: '予算、テスト',
      frequency: 'annual',
    }
    const created = await officer.postForm('/disclosure/datasets', fields)
    assert.equal(created.status, 303)
    const id = idFrom(created, /\/disclosure\/datasets\/([0-9a-f-]{36})/)
    assert.equal((await officer.postForm('/disclosure/datasets', fields)).status, 400, 'name taken')
    const inApi = async () =>
      ((await (await t.app.request('/api/3/action/package_search?q=test-programs')).json()) as Json)
        .result.count
    assert.equal(await inApi(), 0)
    assert.equal((await t.app.request('/portal/data/test-programs')).status, 404)
    const early = await officer.postForm(`/disclosure/datasets/${id}/visibility`, {
      visibility: 'public',
      version: '1',
    })
    assert.equal(early.status, 409)
    assert.equal(
      (
        await officer.postForm(`/disclosure/datasets/${id}/generated`, {
          generator: 'nothing',
          format: 'CSV',
        })
      ).status,
      400,
    )
    assert.equal(
      (
        await officer.postForm(`/disclosure/datasets/${id}/generated`, {
          generator: 'programs',
          format: 'CSV',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await officer.postForm(`/disclosure/datasets/${id}/generated`, {
          generator: 'meetings',
          format: 'XLSX',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await officer.postForm(`/disclosure/datasets/${id}/visibility`, {
          visibility: 'public',
          version: '1',
        })
      ).status,
      409,
    )
    assert.equal(
      (
        await officer.postForm(`/disclosure/datasets/${id}/visibility`, {
          visibility: 'public',
          version: '3',
        })
      ).status,
      303,
    )
    assert.equal(await inApi(), 1)
    const portal = await (await t.app.request('/portal/data/test-programs')).text()
    assert.match(portal, /予算事業一覧（CSV）/)
    const pkg = (
      (await (await t.app.request('/api/3/action/package_show?id=test-programs')).json()) as Json
    ).result
    const csv = pkg.resources.find((r: Json) => r.format === 'CSV')
    const bytes = new Uint8Array(
      await (await t.app.request(new URL(csv.url).pathname)).arrayBuffer(),
    )
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    assert.match(text.split('\r\n')[0]!, /^予算事業ID,事業年度,事業名/)
    assert.ok(text.split('\r\n').length > 3)
    const xlsx = pkg.resources.find((r: Json) => r.format === 'XLSX')
    assert.equal(xlsx.mimetype, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    // Staff-only pages stay staff-only.
    assert.equal((await (await t.signIn('staff')).get(`/disclosure/datasets/${id}`)).status, 403)
    assert.equal((await t.client().get(`/disclosure/resources/${csv.id}/download`)).status, 401)
  })

  test('uploads: csv/xlsx/json only; the portal lists what is public', async () => {
    const datasets = await t.database.db
      .selectFrom('opendata_datasets')
      .select(['id', 'name'])
      .execute()
    const survey = datasets.find((d) => d.name === 'kanko-visitor-survey')!
    const form = new FormData()
    form.set('_csrf', officer.csrf)
    form.set('resourceName', 'バイナリ')
    form.set('resourceFile', new File([new Uint8Array([0, 1, 2, 0])], 'evil.csv'))
    const res = await officer.request(`/disclosure/datasets/${survey.id}/resources`, {
      method: 'POST',
      body: form,
    })
    assert.equal(res.status, 400)
    const home = await (await t.app.request('/portal')).text()
    assert.match(home, /href="\/portal\/data"/)
    const list = await (await t.app.request('/portal/data')).text()
    assert.match(list, /観光客数等実態調査/)
    assert.match(list, /予算事業一覧/)
  })
})

describe('register of data holdings', () => {
  test('an office manager sees and keeps only their office’s holdings; flags shown', async () => {
    const manager = await t.signIn('office_manager')
    const page = await (await manager.get('/disclosure/holdings')).text()
    assert.match(page, /労働相談記録/)
    assert.doesNotMatch(page, /制度融資 利用企業一覧/)
    assert.match(page, /必要性の記載なし/)
    assert.match(page, /保存期限超過/)
    assert.match(page, /共有サーバ外/)
    const elsewhere = await manager.postForm('/disclosure/holdings', {
      unitId: units.get('kinyu')!,
      holdingTitle: '他部署のデータ',
      dataKind: 'personal',
      subjects: '誰か',
      storage: 'shared_server',
      owner: '所長',
    })
    assert.equal(elsewhere.status, 403)
    const bad = await manager.postForm('/disclosure/holdings', {
      unitId: units.get('off-ikebukuro')!,
      holdingTitle: '',
      storage: 'usb',
    })
    assert.equal(bad.status, 400)
    const ok = await manager.postForm('/disclosure/holdings', {
      unitId: units.get('off-ikebukuro')!,
      holdingTitle: '求職者アンケート',
      dataKind: 'personal',
      subjects: '来所した求職者',
      purpose: '',
      storage: 'local_pc',
      retentionUntil: '',
      owner: '所長',
    })
    assert.equal(ok.status, 303)
    assert.equal((await (await t.signIn('staff')).get('/disclosure/holdings')).status, 403)
    assert.equal((await t.client().get('/disclosure/holdings')).status, 401)
  })

  test('annual review: units are asked, answer confirm/delete/move, HQ sees the totals', async () => {
    const manager = await t.signIn('office_manager')
    const holding = await t.database.db
      .selectFrom('data_holdings')
      .select('id')
      .where('title', '=', 'セミナー参加者名簿（過年度分）')
      .executeTakeFirstOrThrow()
    const noCampaign = await manager.postForm(`/disclosure/holdings/${holding.id}/review`, {
      action: 'delete',
    })
    assert.equal(noCampaign.status, 409)
    assert.equal(
      (
        await manager.postForm('/disclosure/campaigns', {
          fiscalYear: '2026',
          dueOn: addDays(today, 30),
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await officer.postForm('/disclosure/campaigns', {
          fiscalYear: '2026',
          dueOn: addDays(today, 30),
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await officer.postForm('/disclosure/campaigns', {
          fiscalYear: '2026',
          dueOn: addDays(today, 30),
        })
      ).status,
      400,
    )
    const managerId = await t.userId('office-manager@demo.kaikaku.example')
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['title', 'link'])
      .where('user_id', '=', managerId)
      .execute()
    assert.ok(notes.some((n) => n.link === '/disclosure/holdings' && n.title.includes('2026')))
    const consult = await t.database.db
      .selectFrom('data_holdings')
      .select('id')
      .where('title', '=', 'あっせん事案の企業担当者連絡先')
      .executeTakeFirstOrThrow()
    const survey = await t.database.db
      .selectFrom('data_holdings')
      .select('id')
      .where('title', '=', '求職者アンケート')
      .executeTakeFirstOrThrow()
    assert.equal(
      (await manager.postForm(`/disclosure/holdings/${holding.id}/review`, { action: 'delete' }))
        .status,
      303,
    )
    assert.equal(
      (await manager.postForm(`/disclosure/holdings/${consult.id}/review`, { action: 'move' }))
        .status,
      303,
    )
    assert.equal(
      (await manager.postForm(`/disclosure/holdings/${survey.id}/review`, { action: 'confirm' }))
        .status,
      400,
      'no stated need',
    )
    assert.equal(
      (
        await manager.postForm(`/disclosure/holdings/${survey.id}/review`, {
          action: 'confirm',
          note: '職業紹介の改善のため',
        })
      ).status,
      303,
    )
    const other = await t.database.db
      .selectFrom('data_holdings')
      .select('id')
      .where('title', '=', '制度融資 利用企業一覧')
      .executeTakeFirstOrThrow()
    assert.equal(
      (await manager.postForm(`/disclosure/holdings/${other.id}/review`, { action: 'confirm' }))
        .status,
      403,
    )
    const moved = await t.database.db
      .selectFrom('data_holdings')
      .selectAll()
      .where('id', '=', consult.id)
      .executeTakeFirstOrThrow()
    assert.equal(moved.storage, 'shared_server')
    const deleted = await t.database.db
      .selectFrom('data_holdings')
      .selectAll()
      .where('id', '=', holding.id)
      .executeTakeFirstOrThrow()
    assert.equal(deleted.status, 'deleted')

    assert.equal((await manager.get('/disclosure/holdings/totals')).status, 403)
    const chief = await t.signIn('hq_chief')
    const totals = await (await chief.get('/disclosure/holdings/totals')).text()
    const row = (name: string) => {
      const m = new RegExp(`<th scope="row">${name}</th>((?:<td>\\d+</td>)+)`).exec(totals)
      assert.ok(m, name)
      return [...m[1]!.matchAll(/<td>(\d+)<\/td>/g)].map((x) => Number(x[1]))
    }
    // 雇用就業部 (池袋事務所): 労働相談記録, あっせん (moved), 求職者アンケート (confirmed); セミナー名簿 deleted.
    // holdings, flagged, outsideShared, confirmed, moved, deleted, pending
    assert.deepEqual(row('雇用就業部'), [3, 1, 1, 1, 1, 1, 1])
    assert.deepEqual(row('金融部'), [1, 1, 1, 0, 0, 0, 1])
    assert.deepEqual(row('合計'), [5, 2, 2, 1, 1, 1, 3])
  })
})
