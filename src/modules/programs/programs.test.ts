import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { loadActor } from '../accounts/index.ts'
import { getAnalysis } from './programs.analysis.ts'
import { recordReviewDecision } from './programs.decisions.ts'
import { importProgramFile } from './programs.import.ts'
import { programImportJobHandler } from './programs.jobs.ts'
import { listReviewsAwaitingDecision } from './programs.reviews.ts'
import { csv, HEADER } from './programs.test-support.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

async function programByCode(code: string) {
  return t.database.db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
}

const draft = (version: number, extra: Record<string, string> = {}) => ({
  outlived: 'リーマンショック後の緊急対策として創設。景気回復により役割は縮小。',
  needs: '相談件数は半減',
  publicPrivate: '民間コンサルと重複',
  effect: '経営改善率41%',
  efficiency: '1件あたり費用が増加',
  future: '創業支援へ再構築',
  proposal: '事業を縮小し、創業支援拠点に統合する',
  version: String(version),
  ...extra,
})

describe('registry pages and API', () => {
  test('every page and API call needs a sign-in', async () => {
    const anon = t.client()
    const { id } = await programByCode('SR-SHOKO-001')
    for (const path of ['/api/v1/programs', `/api/v1/programs/${id}`, '/api/v1/programs/reviews']) {
      assert.equal((await anon.get(path)).status, 401, path)
    }
    for (const path of [
      '/programs',
      `/programs/${id}`,
      '/programs/analysis',
      '/programs/export/all.csv',
      '/programs/import',
    ]) {
      assert.equal((await anon.get(path)).status, 401, path)
    }
  })

  test('staff browse the registry, filter it and read a programme with its years', async () => {
    const staff = await t.signIn('staff')
    const html = await (await staff.get('/programs?fiscalYear=2015')).text()
    assert.match(html, /中小企業緊急経営相談事業/)
    assert.match(html, /44\.0%/)
    const { id } = await programByCode('SR-SHOKO-001')
    const res = await staff.get(`/api/v1/programs?fiscalYear=2015&q=${encodeURIComponent('緊急')}`)
    const body = (await res.json()) as {
      programs: { code: string; year: { executionRate: number } }[]
      total: number
    }
    assert.ok(body.programs.some((p) => p.code === 'SR-SHOKO-001'))
    assert.ok(body.programs.every((p) => p.code !== 'SR-KANKO-001'))
    const detail = (await (await staff.get(`/api/v1/programs/${id}`)).json()) as {
      years: { fiscalYear: number }[]
    }
    assert.deepEqual(
      detail.years.map((y) => y.fiscalYear),
      [2013, 2014, 2015],
    )
    assert.equal((await staff.get('/api/v1/programs?fiscalYear=abc')).status, 400)
    const openapi = (await (await staff.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    for (const p of ['/programs', '/programs/{id}', '/programs/reviews', '/programs/reviews/{id}'])
      assert.ok(openapi.paths[p], p)
    assert.equal(
      (await staff.get('/api/v1/programs/00000000-0000-0000-0000-000000000000')).status,
      404,
    )
    const page = await (await staff.get(`/programs/${id}`)).text()
    assert.match(page, /role="img"/)
    assert.match(page, /<caption>/)
  })

  test('the dashboard flags low execution, crisis-era programmes and those without an end year', async () => {
    const staff = await t.signIn('staff')
    const html = await (await staff.get('/programs/analysis?fiscalYear=2015&threshold=50')).text()
    assert.match(html, /<svg[^>]*role="img"/)
    const section = (id: string) =>
      html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)))
    assert.match(section('low-title'), /震災復興緊急融資事業/)
    assert.doesNotMatch(section('low-title'), /制度融資（預託）事業/)
    assert.match(section('crisis-title'), /緊急雇用創出事業/)
    assert.doesNotMatch(section('crisis-title'), /労働相談事業/)
    assert.match(section('noend-title'), /労働相談事業/)
    const low = await staff.get('/programs/analysis/low.csv?fiscalYear=2015&threshold=50')
    assert.equal(low.status, 200)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await low.arrayBuffer())
    assert.ok(text.startsWith('\uFEFF予算事業ID'))
    assert.match(text, /SR-KINYU-003/)
    assert.doesNotMatch(text, /SR-KINYU-002/)
    assert.equal((await staff.get('/programs/analysis/trend.csv')).status, 200)
    assert.equal((await staff.get('/programs/analysis/other.csv')).status, 404)
    assert.equal((await staff.get('/programs/analysis?threshold=500')).status, 400)
  })
})

describe('review sheets', () => {
  test('a subcommittee drafts, HQ decides, the export carries the verdict', async () => {
    const { id, name } = await programByCode('SR-SHOKO-001')
    const lead = await t.signIn('dept_lead')
    const path = `/programs/${id}/reviews/2015`
    const created = await lead.postForm(path, draft(0))
    assert.equal(created.status, 303)
    // A second tab still on version 0 (or 1 after a first save) is refused, and keeps its text.
    const stale = await lead.postForm(path, draft(0, { proposal: '別の案' }))
    assert.equal(stale.status, 409)
    assert.match(await stale.text(), /別の案/)
    assert.equal((await lead.postForm(path, draft(1, { effect: '' }))).status, 303)
    assert.equal((await lead.postForm(path, draft(1))).status, 409)
    const submitted = await lead.postForm(`${path}/submit`, { version: '2' })
    assert.equal(submitted.status, 303)
    // Sent to HQ: the subcommittee can no longer change it.
    assert.equal((await lead.postForm(path, draft(3))).status, 409)

    const secretariat = await loadActor(
      t.database.db,
      await t.userId('hq-secretariat@demo.kaikaku.example'),
    )
    const awaiting = await listReviewsAwaitingDecision(t.database.db, secretariat)
    assert.ok(awaiting.some((r) => r.programId === id))

    const chief = await t.signIn('hq_chief')
    assert.equal(
      (await chief.postForm(`${path}/decide`, { verdict: 'nonsense', version: '3' })).status,
      400,
    )
    assert.equal(
      (await chief.postForm(`${path}/decide`, { verdict: 'rebuild', version: '2' })).status,
      409,
    )
    assert.equal(
      (await lead.postForm(`${path}/decide`, { verdict: 'rebuild', version: '3' })).status,
      403,
    )
    const decided = await chief.postForm(`${path}/decide`, {
      verdict: 'rebuild',
      verdictNote: '創業支援に統合',
      reflectedAmount: '-200000000',
      version: '3',
    })
    assert.equal(decided.status, 303)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'program.review.decided')
      .executeTakeFirstOrThrow()
    assert.equal(audit.data.title, name)
    assert.equal(audit.data.verdict, '見直し・再構築')

    const sheet = await (await lead.get(path)).text()
    assert.match(sheet, /見直し・再構築/)
    assert.match(sheet, /判定/)
    const exported = new TextDecoder().decode(
      await (await lead.get('/programs/export/all.csv?fiscalYear=2015')).arrayBuffer(),
    )
    assert.match(exported, /\r\n/)
    const line = exported.split('\r\n').find((l) => l.startsWith('SR-SHOKO-001'))
    assert.match(line ?? '', /見直し・再構築/)
    assert.match(line ?? '', /創業支援に統合/)
    const xlsx = await lead.get('/programs/export/all.xlsx?fiscalYear=2015')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await xlsx.arrayBuffer())
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String)
    assert.ok(values.includes('見直し・再構築'))
    const zip = Buffer.from(await (await lead.get('/programs/export/rs.zip')).arrayBuffer())
    assert.equal(zip.readUInt32LE(0), 0x04034b50)
    assert.ok(zip.includes(Buffer.from('4-1_点検・評価.csv')))

    const api = (await (await lead.get('/api/v1/programs/reviews?status=decided')).json()) as {
      reviews: { id: string; verdictName: string }[]
    }
    const review = api.reviews.find((r) => r.verdictName === '見直し・再構築')
    assert.ok(review)
    const one = (await (await lead.get(`/api/v1/programs/reviews/${review.id}`)).json()) as {
      history: { action: string }[]
    }
    assert.deepEqual(
      one.history.map((h) => h.action),
      ['decide', 'submit', 'update', 'create'],
    )
  })

  test('only the own department subcommittee or the secretariat drafts', async () => {
    const kanko = await programByCode('SR-KANKO-003')
    const lead = await t.signIn('dept_lead')
    assert.equal((await lead.postForm(`/programs/${kanko.id}/reviews/2015`, draft(0))).status, 403)
    const staff = await t.signIn('staff')
    assert.equal((await staff.postForm(`/programs/${kanko.id}/reviews/2015`, draft(0))).status, 403)
    const secretariat = await t.signIn('hq_secretariat')
    assert.equal(
      (await secretariat.postForm(`/programs/${kanko.id}/reviews/2015`, draft(0))).status,
      303,
    )
    assert.equal(
      (
        await secretariat.postForm(`/programs/${kanko.id}/reviews/2015`, {
          ...draft(1),
          outlived: 'x'.repeat(5000),
        })
      ).status,
      400,
    )
    assert.equal((await secretariat.get(`/programs/${kanko.id}/reviews/1999`)).status, 404)
    assert.equal(
      (
        await secretariat.postForm(`/programs/${kanko.id}/reviews/2015/decide`, {
          verdict: 'abolish',
          version: '1',
        })
      ).status,
      409,
    )
  })

  test('recordReviewDecision for the HQ agenda; the review calendar', async () => {
    const { id } = await programByCode('SR-KOYO-005')
    const secretariat = await loadActor(
      t.database.db,
      await t.userId('hq-secretariat@demo.kaikaku.example'),
    )
    const lead = await t.signIn('hq_secretariat')
    await lead.postForm(`/programs/${id}/reviews/2015`, draft(0))
    await lead.postForm(`/programs/${id}/reviews/2015/submit`, { version: '1' })
    const sheet = (await listReviewsAwaitingDecision(t.database.db, secretariat)).find(
      (r) => r.programId === id,
    )!
    const staff = await loadActor(t.database.db, await t.userId('staff@demo.kaikaku.example'))
    await assert.rejects(
      t.database.db
        .transaction()
        .execute((trx) => recordReviewDecision(trx, staff, sheet.id, 'abolish', null)),
      { status: 403 },
    )
    const decided = await t.database.db
      .transaction()
      .execute((trx) => recordReviewDecision(trx, secretariat, sheet.id, 'abolish', '終期到来'))
    assert.equal(decided.verdictName, '廃止')
    // The imported years' review periods are on the overall schedule.
    const period = await t.database.db
      .selectFrom('schedule_tasks')
      .select([sql<string>`ends_on::text`.as('ends'), 'workstream_code', 'href'])
      .where('source', '=', 'programs.review')
      .where('source_id', '=', '2015-priority')
      .executeTakeFirstOrThrow()
    assert.deepEqual(period, {
      ends: '2015-10-10',
      workstream_code: '①',
      href: '/programs/reviews',
    })
  })
})

describe('dashboard cache', () => {
  test('the dashboard is computed again after an import, and reused while nothing changed', async () => {
    const db = t.database.db
    const staff = await loadActor(db, await t.userId('staff@demo.kaikaku.example'))
    const filter = { fiscalYear: 2015, department: null, threshold: 50 }
    const before = await getAnalysis(db, staff, filter)
    assert.equal(await getAnalysis(db, staff, filter), before, 'unchanged data: the same dashboard')
    assert.ok(!before.low.rows.some((r) => r.code === 'CACHE-1'), 'not there before the import')
    const admin = await loadActor(db, await t.userId('admin@demo.kaikaku.example'))
    const row = [
      'CACHE-1',
      'キャッシュ確認事業',
      '2015',
      '観光部',
      '',
      '',
      '',
      '',
      '',
      '100',
      '',
      '100',
      '1',
      '',
      '',
    ]
    const result = await importProgramFile(db, admin, {
      bytes: csv([HEADER, row], 'utf-8'),
      filename: 'cache.csv',
    })
    assert.equal(result.yearsCreated, 1, 'imported')
    const after = await getAnalysis(db, staff, filter)
    assert.notEqual(after, before, 'recomputed after the import')
    assert.ok(after.low.total > before.low.total, 'the new low-execution programme is counted')
  })
})

describe('upload', () => {
  test('the secretariat uploads a workbook; the job imports it and the page shows the result', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const file = csv(
      [
        HEADER,
        [
          'U-1',
          'アップロード事業',
          '2016',
          '観光部',
          '',
          '',
          '',
          '',
          '',
          '10',
          '',
          '10',
          '1',
          '',
          '',
        ],
      ],
      'cp932',
    )
    const send = async (
      client: typeof secretariat,
      bytes: Buffer,
      fields: Record<string, string> = {},
    ) => {
      const form = new FormData()
      form.set('_csrf', client.csrf)
      for (const [k, v] of Object.entries(fields)) form.set(k, v)
      form.set('file', new File([new Uint8Array(bytes)], 'upload.csv', { type: 'text/csv' }))
      return client.request('/programs/import', { method: 'POST', body: form })
    }
    await secretariat.get('/programs/import')
    const res = await send(secretariat, file)
    assert.equal(res.status, 303)
    const location = res.headers.get('location')!
    const importId = location.split('/').pop()!
    const row = await t.database.db
      .selectFrom('program_imports')
      .select('job_id')
      .where('id', '=', importId)
      .executeTakeFirstOrThrow()
    const job = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', row.job_id!)
      .executeTakeFirstOrThrow()
    let progressed = 0
    await programImportJobHandler({
      db: t.database.db,
      job: { ...job, payload: job.payload, createdBy: job.created_by } as never,
      progress: async () => {
        progressed++
      },
    })
    assert.ok(progressed >= 2)
    const page = await (await secretariat.get(location)).text()
    assert.match(page, /新規事業 1件/)
    assert.equal((await send(secretariat, Buffer.alloc(0))).status, 400)
    assert.equal((await send(secretariat, file, { fiscalYear: 'abc' })).status, 400)
    const staff = await t.signIn('staff')
    assert.equal((await staff.get('/programs/import')).status, 403)
    assert.equal((await send(staff, file)).status, 403)
    assert.equal((await staff.get(location)).status, 403)
  })

  test('an export imports back without changes', async () => {
    const secretariat = await loadActor(
      t.database.db,
      await t.userId('hq-secretariat@demo.kaikaku.example'),
    )
    const client = await t.signIn('hq_secretariat')
    const bytes = new Uint8Array(
      await (await client.get('/programs/export/all.xlsx')).arrayBuffer(),
    )
    const result = await importProgramFile(t.database.db, secretariat, {
      bytes,
      filename: 'export.xlsx',
    })
    assert.deepEqual(result.errors, [])
    assert.equal(
      result.programsUpdated + result.yearsUpdated + result.yearsCreated + result.programsCreated,
      0,
    )
    assert.ok(result.unchanged > 90)
  })
})
