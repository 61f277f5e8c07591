import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import pino from 'pino'
import { verifyAuditChain } from '../../audit/audit.ts'
import { JobWorker } from '../../jobs/worker.ts'
import {
  createTestApp,
  DEMO_ROLES,
  type DemoRole,
  type TestApp,
  type TestClient,
} from '../../testing/app.ts'
import { REDACT_MINUTES_JOB, redactMinutesJob } from './index.ts'
import { docx } from './zip.test-support.ts'

let t: TestApp
let secretary: TestClient
let approver: TestClient
const clients = new Map<DemoRole, TestClient>()

before(async () => {
  t = await createTestApp()
  for (const role of DEMO_ROLES) clients.set(role, await t.signIn(role))
  secretary = clients.get('council_secretary')!
  approver = clients.get('disclosure_officer')!
})
after(() => t.close())

/** Runs queued redaction jobs in this process (the test app starts no worker). */
async function runJobs() {
  const worker = new JobWorker(t.database.db, pino({ level: 'silent' })).register(
    REDACT_MINUTES_JOB,
    redactMinutesJob,
  )
  await worker.drain()
}

const idFrom = (res: Response, pattern: RegExp) => {
  const m = pattern.exec(res.headers.get('location') ?? '')
  assert.ok(m, `redirect ${res.status} ${res.headers.get('location')}`)
  return m[1]!
}

function localIn(days: number) {
  return new Date(Date.now() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 16)
}

async function newCouncil(name = '東京都テスト審議会') {
  const res = await secretary.postForm('/councils', {
    name,
    councilDescription: '',
    noticeDays: '7',
  })
  assert.equal(res.status, 303)
  return idFrom(res, /\/councils\/([0-9a-f-]{36})/)
}

async function newMeeting(councilId: string, fields: Record<string, string> = {}) {
  const res = await secretary.postForm(`/councils/${councilId}/meetings`, {
    meetingTitle: '第1回',
    startsAt: localIn(14),
    place: '第一本庁舎 33階',
    isPublic: 'on',
    galleryCapacity: '1',
    ...fields,
  })
  assert.equal(res.status, 303, await res.clone().text())
  return idFrom(res, /\/councils\/meetings\/([0-9a-f-]{36})/)
}

const multipart = (client: TestClient, path: string, fields: Record<string, string | File>) =>
  client.postMultipart(path, fields)

async function minutesVersion(id: string) {
  const row = await t.database.db
    .selectFrom('council_minutes')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return String(row.version)
}

describe('who may see the staff pages', () => {
  test('anonymous 401, roles without councils 403, council roles 200', async () => {
    assert.equal((await t.client().get('/councils')).status, 401)
    const allowed: DemoRole[] = [
      'council_secretary',
      'disclosure_officer',
      'hq_secretariat',
      'hq_chief',
      'admin',
    ]
    for (const role of DEMO_ROLES) {
      const res = await clients.get(role)!.get('/councils')
      assert.equal(res.status, allowed.includes(role) ? 200 : 403, role)
    }
    assert.equal((await clients.get('staff')!.postForm('/councils', { name: 'x' })).status, 403)
    assert.equal((await approver.postForm('/councils', { name: 'x' })).status, 403)
    assert.equal((await approver.get('/councils/new')).status, 403)
  })
  test('the seeded demo councils are listed', async () => {
    const html = await (await secretary.get('/councils')).text()
    assert.match(html, /東京都観光事業審議会/)
  })
})

describe('councils and meetings', () => {
  test('bad input is a 400 per field; an edit on a stale version is a 409', async () => {
    const bad = await secretary.postForm('/councils', { name: '', noticeDays: '-1' })
    assert.equal(bad.status, 400)
    const html = await bad.text()
    assert.match(html, /error-summary/)
    const id = await newCouncil('版の審議会')
    const ok = await secretary.postForm(`/councils/${id}`, {
      name: '改名',
      noticeDays: '10',
      version: '1',
    })
    assert.equal(ok.status, 303)
    const stale = await secretary.postForm(`/councils/${id}`, {
      name: '古い版',
      noticeDays: '10',
      version: '1',
    })
    assert.equal(stale.status, 409)
    assert.match(await stale.text(), /古い版/)
  })
  test('members are added and removed; a bad role is refused', async () => {
    const id = await newCouncil('委員の審議会')
    assert.equal(
      (
        await secretary.postForm(`/councils/${id}/members`, {
          name: '山田 太郎',
          memberRole: '会長',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretary.postForm(`/councils/${id}/members`, {
          name: '山田 太郎',
          memberRole: '王様',
        })
      ).status,
      400,
    )
    const html = await (await secretary.get(`/councils/${id}`)).text()
    assert.match(html, /山田 太郎/)
  })
  test('the advance-notice rule: short notice needs a reason; closed needs a reason', async () => {
    const id = await newCouncil('周知の審議会')
    const late = await secretary.postForm(`/councils/${id}/meetings`, {
      meetingTitle: '臨時会',
      startsAt: localIn(3),
      place: '会議室',
      isPublic: 'on',
    })
    assert.equal(late.status, 400)
    assert.match(await late.text(), /7日前まで/)
    await newMeeting(id, { startsAt: localIn(3), lateNoticeReason: '緊急の案件のため' })
    const closed = await secretary.postForm(`/councils/${id}/meetings`, {
      meetingTitle: '非公開会',
      startsAt: localIn(20),
      place: '会議室',
    })
    assert.equal(closed.status, 400)
    const past = await secretary.postForm(`/councils/${id}/meetings`, {
      meetingTitle: '過去',
      startsAt: localIn(-2),
      place: '会議室',
      isPublic: 'on',
    })
    assert.equal(past.status, 400)
    const badDate = await secretary.postForm(`/councils/${id}/meetings`, {
      meetingTitle: 'x',
      startsAt: 'tomorrow',
      place: 'x',
      isPublic: 'on',
    })
    assert.equal(badDate.status, 400)
  })
  test('a scheduled meeting is on the portal and in the iCalendar feed at once', async () => {
    const id = await newCouncil('暦の審議会')
    const meetingId = await newMeeting(id, { meetingTitle: '第7回暦会議' })
    const ics = await t.client().get('/portal/calendar.ics')
    assert.equal(ics.status, 200)
    assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/)
    const body = await ics.text()
    assert.match(body, /^BEGIN:VCALENDAR/)
    assert.match(body, new RegExp(`UID:${meetingId}@kaikaku`))
    assert.match(body, /SUMMARY:暦の審議会 第7回暦会議/)
    const portal = await (await t.client().get('/portal')).text()
    assert.match(portal, /第7回暦会議/)
  })
  test('the public gallery takes registrations up to its capacity, and none for closed meetings', async () => {
    const id = await newCouncil('傍聴の審議会')
    const meetingId = await newMeeting(id, { galleryCapacity: '1' })
    const resident = t.client()
    await resident.get(`/portal/meetings/${meetingId}`)
    assert.equal(
      (await resident.postForm(`/portal/meetings/${meetingId}/register`, { name: '' })).status,
      400,
    )
    assert.equal(
      (await resident.postForm(`/portal/meetings/${meetingId}/register`, { name: '都民 一' }))
        .status,
      303,
    )
    assert.equal(
      (await resident.postForm(`/portal/meetings/${meetingId}/register`, { name: '都民 二' }))
        .status,
      409,
    )
    const staffView = await (await secretary.get(`/councils/meetings/${meetingId}`)).text()
    assert.match(staffView, /都民 一/)
    // The registrant's name is for the secretariat only.
    assert.doesNotMatch(
      await (await t.client().get(`/portal/meetings/${meetingId}`)).text(),
      /都民 一/,
    )
    const closed = await newMeeting(id, { isPublic: '', closedReason: '個人情報を扱うため' })
    assert.equal(
      (await resident.postForm(`/portal/meetings/${closed}/register`, { name: '都民 三' })).status,
      400,
    )
  })
  test('materials are uploaded to the file store and downloaded from the portal', async () => {
    const id = await newCouncil('資料の審議会')
    const meetingId = await newMeeting(id)
    const pdf = new File([new TextEncoder().encode('%PDF-1.7\n資料')], '資料1.pdf')
    const res = await multipart(secretary, `/councils/meetings/${meetingId}/materials`, {
      materialTitle: '資料1',
      materialFile: pdf,
    })
    assert.equal(res.status, 303)
    const bad = await multipart(secretary, `/councils/meetings/${meetingId}/materials`, {
      materialTitle: '偽装',
      materialFile: new File([new Uint8Array([0x4d, 0x5a])], 'virus.pdf'),
    })
    assert.equal(bad.status, 400)
    const page = await (await t.client().get(`/portal/meetings/${meetingId}`)).text()
    const link = /\/portal\/materials\/([0-9a-f-]{36})/.exec(page)
    assert.ok(link)
    const download = await t.client().get(link[0])
    assert.equal(download.status, 200)
    assert.equal(download.headers.get('content-type'), 'application/pdf')
  })
})

const MINUTES = `東京都公開審議会 第1回 議事録
○山本会長　ただいまから開会します。本日の議題は観光振興と農業の担い手についてです。
○小池委員　相談者の佐藤花子さん（東京都新宿区西新宿二丁目8番1号、電話03-1234-5678）から意見がありました。佐藤さんは農業を営んでいます。
○事務局　事業者は株式会社ミナト精工で、代表取締役港川誠氏から説明を受けました。予算は1,234,567千円です。`

describe('minutes: draft, review, sign-off, publication', () => {
  let meetingId: string
  let minutesId: string
  before(async () => {
    const councilId = await newCouncil('東京都公開審議会')
    for (const [name, memberRole] of [
      ['山本 直樹', '会長'],
      ['小池 健一', '委員'],
    ] as const)
      await secretary.postForm(`/councils/${councilId}/members`, { name, memberRole })
    meetingId = await newMeeting(councilId)
  })

  test('empty, huge and broken minutes are refused and nothing is stored', async () => {
    const empty = await multipart(secretary, `/councils/meetings/${meetingId}/minutes`, {
      minutesText: '   ',
    })
    assert.equal(empty.status, 400)
    const huge = await multipart(secretary, `/councils/meetings/${meetingId}/minutes`, {
      minutesText: 'あ'.repeat(500_001),
    })
    assert.equal(huge.status, 400)
    const garbage = await multipart(secretary, `/councils/meetings/${meetingId}/minutes`, {
      minutesFile: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9])], '議事録.docx'),
    })
    assert.equal(garbage.status, 400)
    const rows = await t.database.db
      .selectFrom('council_minutes')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .execute()
    assert.equal(rows.length, 0)
    assert.equal((await clients.get('staff')!.get(`/councils/meetings/${meetingId}`)).status, 403)
  })

  test('a .docx is drafted, the engine proposes spans in a job, the secretary reviews them', async () => {
    const file = new File([docx(MINUTES.split('\n'))], '第1回議事録.docx')
    const res = await multipart(secretary, `/councils/meetings/${meetingId}/minutes`, {
      minutesFile: file,
    })
    assert.equal(res.status, 303)
    minutesId = idFrom(res, /\/councils\/minutes\/([0-9a-f-]{36})/)
    const waiting = await (await secretary.get(`/councils/minutes/${minutesId}`)).text()
    assert.match(waiting, /data-minutes-status="redacting"/)
    await runJobs()
    const review = await (await secretary.get(`/councils/minutes/${minutesId}`)).text()
    assert.match(review, /data-minutes-status="in_review"/)
    // Members stay (allowlist); the resident, her address and phone, and the corporation are proposed.
    const spans = await t.database.db
      .selectFrom('council_minute_spans')
      .selectAll()
      .where('minutes_id', '=', minutesId)
      .orderBy('start_at')
      .execute()
    const text = MINUTES
    const shown = spans.map((s) => `${s.type}:${text.slice(s.start_at, s.end_at)}:${s.decision}`)
    assert.deepEqual(shown, [
      'person:佐藤花子:accepted',
      'address:東京都新宿区西新宿二丁目8番1号:accepted',
      'phone:03-1234-5678:accepted',
      'person:佐藤:accepted',
      'organization:株式会社ミナト精工:proposed',
      'organization:港川誠:proposed',
    ])
    // Undecided corporate information blocks the submission.
    const early = await secretary.postForm(`/councils/minutes/${minutesId}/submit`, {
      version: await minutesVersion(minutesId),
    })
    assert.equal(early.status, 400)
    const [company, representative] = spans.filter((s) => s.type === 'organization')
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/spans/${company!.id}`, {
          decision: 'rejected',
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/spans/${representative!.id}`, {
          decision: 'accepted',
          version: '1',
        })
      ).status,
      409,
    )
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/spans/${representative!.id}`, {
          decision: 'accepted',
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    // A missed item is added by its text; text that is not there is a 400.
    const added = await secretary.postForm(`/councils/minutes/${minutesId}/spans`, {
      spanText: '農業を営んでいます',
      spanType: 'person',
      version: await minutesVersion(minutesId),
    })
    assert.equal(added.status, 303)
    const missing = await secretary.postForm(`/councils/minutes/${minutesId}/spans`, {
      spanText: '存在しない語',
      spanType: 'person',
      version: await minutesVersion(minutesId),
    })
    assert.equal(missing.status, 400)
  })

  test('API: overlapping and out-of-range spans are 400; the original is for the roles that may read it', async () => {
    const version = Number(await minutesVersion(minutesId))
    const add = (body: unknown) =>
      secretary.sendJson('POST', `/api/v1/councils/minutes/${minutesId}/spans`, body)
    const at = MINUTES.indexOf('佐藤花子')
    assert.equal(
      (await add({ spanStart: at + 1, spanEnd: at + 6, spanType: 'person', version })).status,
      400,
    )
    assert.equal(
      (await add({ spanStart: 0, spanEnd: 100_000, spanType: 'person', version })).status,
      400,
    )
    assert.equal((await add({ spanStart: 5, spanEnd: 3, spanType: 'person', version })).status, 400)
    assert.equal(
      (await add({ spanStart: 0, spanEnd: 2, spanType: 'nonsense', version })).status,
      400,
    )
    assert.equal((await t.client().get(`/api/v1/councils/minutes/${minutesId}`)).status, 401)
    for (const role of ['staff', 'hq_secretariat', 'reviewer'] as DemoRole[]) {
      const res = await clients.get(role)!.get(`/api/v1/councils/minutes/${minutesId}`)
      assert.equal(res.status, 403, role)
      assert.doesNotMatch(await res.text(), /佐藤花子/)
      assert.equal(
        (await clients.get(role)!.get(`/councils/minutes/${minutesId}`)).status,
        403,
        role,
      )
    }
    const own = (await (await secretary.get(`/api/v1/councils/minutes/${minutesId}`)).json()) as {
      minutes: { originalText: string }
    }
    assert.match(own.minutes.originalText, /佐藤花子/)
  })

  test('publishing needs sign-off by someone else; then only the redacted text is public', async () => {
    const publishEarly = await secretary.postForm(`/councils/minutes/${minutesId}/publish`, {
      version: await minutesVersion(minutesId),
    })
    assert.equal(publishEarly.status, 409)
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/submit`, {
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    // The secretary cannot sign off; the disclosure officer can.
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/approve`, {
          version: await minutesVersion(minutesId),
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await approver.postForm(`/councils/minutes/${minutesId}/approve`, {
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/publish`, {
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    const again = await secretary.postForm(`/councils/minutes/${minutesId}/publish`, {
      version: await minutesVersion(minutesId),
    })
    assert.equal(again.status, 409)

    const secrets = /佐藤|花子|西新宿|03-1234-5678|港川|農業を営んでいます/
    const resident = t.client()
    const page = await (await resident.get(`/portal/meetings/${meetingId}`)).text()
    assert.match(page, /■■■（条例第7条第2号）さん/)
    assert.match(page, /株式会社ミナト精工/)
    assert.match(page, /山本会長/)
    assert.doesNotMatch(page, secrets)
    for (const q of ['観光', '農業', '佐藤', '花子', '西新宿', 'ミナト', '港川', '営んで']) {
      // The page repeats the query itself; nothing else secret may appear.
      const html = await (await resident.get(`/portal/search?q=${encodeURIComponent(q)}`)).text()
      assert.doesNotMatch(html.replaceAll(q, ''), secrets, q)
      const api = await (
        await resident.get(`/api/v1/portal/search?q=${encodeURIComponent(q)}`)
      ).text()
      assert.doesNotMatch(api, secrets, q)
    }
    const total = async (q: string) =>
      (
        (await (await resident.get(`/api/v1/portal/search?q=${encodeURIComponent(q)}`)).json()) as {
          total: number
        }
      ).total
    const found = { total: await total('観光') }
    assert.equal(found.total, 1)
    assert.equal(await total('佐藤'), 0)
    const feed = await (await resident.get('/portal/feed.atom')).text()
    assert.match(feed, /<feed/)
    assert.match(feed, /東京都公開審議会 第1回/)
    assert.doesNotMatch(feed, secrets)
    const index = await t.database.db
      .selectFrom('council_search_documents')
      .select(['body', 'search_text'])
      .execute()
    for (const row of index) assert.doesNotMatch(`${row.body}${row.search_text}`, secrets)
    const grams = await t.database.db
      .selectFrom('council_search_bigrams')
      .select('gram')
      .where('gram', 'in', ['佐藤', '花子', '港川'])
      .execute()
    assert.deepEqual(grams, [])
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('action', '=', 'council.minutes.published')
      .execute()
    assert.equal(audit.length, 1)
    assert.equal((audit[0]!.data as { title: string }).title, '東京都公開審議会 第1回')
    assert.doesNotMatch(JSON.stringify(audit), secrets)
    // Every change above was audited, and the chain still verifies.
    assert.equal((await verifyAuditChain(t.database.db)).ok, true)
  })

  test('the portal front page shows a meeting scheduled after the page was last served', async () => {
    assert.equal((await t.client().get('/portal')).status, 200, 'front page served (and kept)')
    const councilId = await newCouncil('東京都キャッシュ確認審議会')
    await newMeeting(councilId, { meetingTitle: '第9回キャッシュ確認' })
    const html = await (await t.client().get('/portal')).text()
    assert.match(html, /第9回キャッシュ確認/, 'the new meeting is on the front page at once')
  })

  test('portal pages are cacheable; a withdrawal removes the minutes from page, feed and index', async () => {
    const first = await t.client().get('/portal')
    const etag = first.headers.get('etag')
    assert.ok(etag)
    assert.ok(first.headers.get('last-modified'))
    assert.match(first.headers.get('cache-control') ?? '', /public/)
    const cached = await t.client().get('/portal', { 'if-none-match': etag })
    assert.equal(cached.status, 304)
    assert.match((await secretary.get('/portal')).headers.get('cache-control') ?? '', /private/)

    assert.equal(
      (
        await secretary.postForm(`/councils/minutes/${minutesId}/withdraw`, {
          version: await minutesVersion(minutesId),
        })
      ).status,
      303,
    )
    const search = (await (
      await t.client().get(`/api/v1/portal/search?q=${encodeURIComponent('観光')}`)
    ).json()) as { total: number }
    assert.equal(search.total, 0)
    assert.doesNotMatch(await (await t.client().get(`/portal/meetings/${meetingId}`)).text(), /■■■/)
    assert.doesNotMatch(
      await (await t.client().get('/portal/feed.atom')).text(),
      /東京都公開審議会 第1回/,
    )
  })
})
