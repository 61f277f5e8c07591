import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import pino from 'pino'
import { SMTPServer } from 'smtp-server'
import { recordAudit } from '../../audit/audit.ts'
import { JobWorker } from '../../jobs/worker.ts'
import { createSmtpMailer, type Mailer } from '../../notifications/mailer.ts'
import { EMAIL_JOB, emailJobHandler } from '../../notifications/notify.ts'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { deliverIssueJob, NEWSLETTER_DELIVERY_JOB } from './index.ts'

let t: TestApp
let smtp: SMTPServer
let mailer: Mailer
const received: { to: string[]; raw: string }[] = []

before(async () => {
  t = await createTestApp()
  smtp = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const { port } = smtp.server.address() as { port: number }
  mailer = createSmtpMailer(
    `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    'Kaikaku <news@kaikaku.example>',
  )
})

after(async () => {
  mailer.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await t.close()
})

interface Issue {
  id: string
  title: string
  status: string
  version: number
  items: { id: string; heading: string; body: string; sourceAction: string | null }[]
}

async function issue(id: string): Promise<Issue> {
  const secretariat = await t.signIn('hq_secretariat')
  return ((await (await secretariat.get(`/api/v1/news/issues/${id}`)).json()) as { issue: Issue })
    .issue
}

const decodeBody = (raw: string) => {
  const [head, ...rest] = raw.split('\r\n\r\n')
  const body = rest.join('\r\n\r\n')
  return /base64/i.test(head!)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body
}

describe('newsletter', () => {
  test('an issue proposes items from the audit log, without the people behind them', async () => {
    const { db } = t.database
    await recordAudit(db, {
      actorId: null,
      action: 'proposal.adopted',
      entity: 'proposal',
      entityId: null,
      data: { title: '窓口予約のオンライン化', proposerName: '山田太郎', href: '/proposals/1' },
    })
    await recordAudit(db, {
      actorId: null,
      action: 'council.minutes.published',
      entity: 'council',
      entityId: null,
      data: { title: '東京都中小企業振興対策審議会（第3回）' },
    })
    await recordAudit(db, {
      actorId: null,
      action: 'proposal.submitted',
      entity: 'proposal',
      entityId: null,
      data: { title: '未採択の提案' },
    })
    const staff = await t.signIn('staff')
    assert.equal((await staff.postForm('/news', {})).status, 403)
    assert.equal((await t.client().get('/news')).status, 401)
    const secretariat = await t.signIn('hq_secretariat')
    const res = await secretariat.postForm('/news', {})
    assert.equal(res.status, 303)
    const id = res.headers.get('location')!.split('/')[2]!.split('?')[0]!
    const draft = await issue(id)
    assert.equal(draft.title, '業務改革推進本部NEWS 第1号')
    // The demo bureau's own seeded events (an adopted proposal, say) come first; ours follow.
    const headings = draft.items.map((i) => i.heading)
    assert.deepEqual(headings.slice(-2), [
      '窓口予約のオンライン化',
      '東京都中小企業振興対策審議会（第3回）',
    ])
    assert.ok(!headings.includes('未採択の提案'))
    assert.equal(
      draft.items.find((i) => i.heading === '窓口予約のオンライン化')!.body,
      '職員からの改善提案「窓口予約のオンライン化」が採択されました。',
    )
    assert.ok(!JSON.stringify(draft).includes('山田太郎'))
    // The draft is the secretariat's until published.
    assert.equal((await staff.get(`/news/${id}`)).status, 404)
  })

  test('editing a draft: bad input 400, stale version 409; publishing reaches every account by e-mail and the feed', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const { issues } = (await (await secretariat.get('/api/v1/news/issues')).json()) as {
      issues: Issue[]
    }
    const draft = issues[0]!
    const councilItem = draft.items.find((i) =>
      i.heading.startsWith('東京都中小企業振興対策審議会'),
    )!
    assert.equal(
      (await secretariat.postForm(`/news/${draft.id}/items`, { heading: ' ' })).status,
      400,
    )
    assert.equal(
      (
        await secretariat.postForm(`/news/${draft.id}/items`, {
          heading: '局長メッセージ',
          body: '改革は全員で。',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretariat.postForm(`/news/items/${councilItem.id}`, {
          heading: '審議会の議事録を公開',
          body: '議事録を公開しました。',
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretariat.postForm(`/news/${draft.id}`, {
          title: '業務改革推進本部NEWS 創刊号',
          lead: '創刊にあたって',
          version: String(draft.version),
        })
      ).status,
      303,
    )
    assert.equal(
      (
        await secretariat.postForm(`/news/${draft.id}`, {
          title: 'x',
          version: String(draft.version),
        })
      ).status,
      409,
    )
    assert.equal(
      (await secretariat.postForm(`/news/${draft.id}/publish`, { version: String(draft.version) }))
        .status,
      409,
    )

    const current = await issue(draft.id)
    const users = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('active', '=', true)
      .execute()
    const res = await secretariat.sendJson('POST', `/api/v1/news/issues/${draft.id}/publish`, {
      version: current.version,
    })
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as { recipients: number }).recipients, users.length)
    assert.equal(
      (await secretariat.postForm(`/news/${draft.id}/items`, { heading: '追加' })).status,
      409,
    )

    const worker = new JobWorker(t.database.db, pino({ level: 'silent' }))
      .register(NEWSLETTER_DELIVERY_JOB, deliverIssueJob)
      .register(EMAIL_JOB, emailJobHandler(mailer, 'https://kaikaku.example.jp'))
    assert.equal(await worker.drain(), 1 + users.length, 'the delivery job, then one mail each')
    const inboxes = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('link', '=', `/news/${draft.id}`)
      .execute()
    assert.equal(new Set(inboxes.map((n) => n.user_id)).size, users.length, 'every inbox once')
    assert.equal(inboxes.length, users.length, 'and no inbox twice')
    assert.deepEqual(received.map((m) => m.to[0]).sort(), users.map((u) => u.email).sort())
    const mail = decodeBody(received.find((m) => m.to[0] === 'staff@demo.kaikaku.example')!.raw)
    assert.ok(mail.includes('■ 窓口予約のオンライン化'), mail)
    assert.ok(mail.includes('■ 局長メッセージ'))
    assert.ok(mail.includes(`https://kaikaku.example.jp/news/${draft.id}`))

    const staff = await t.signIn('staff')
    const feed = await staff.get('/news/feed.atom')
    assert.match(feed.headers.get('content-type') ?? '', /atom\+xml/)
    const xml = await feed.text()
    assert.ok(
      xml.includes('<title type="html"><![CDATA[業務改革推進本部NEWS 創刊号]]></title>') ||
        xml.includes('業務改革推進本部NEWS 創刊号'),
    )
    assert.equal((await t.client().get('/news/feed.atom')).status, 401)
    const page = await (await staff.get(`/news/${draft.id}`)).text()
    assert.ok(page.includes('審議会の議事録を公開'))
    const print = await (await staff.get(`/news/${draft.id}/print`)).text()
    assert.ok(print.includes('窓口予約のオンライン化') && !print.includes('site-nav'))
    const found = await (await staff.get(`/news?q=${encodeURIComponent('議事録')}`)).text()
    assert.ok(found.includes(`/news/${draft.id}`))
    const none = await (await staff.get(`/news?q=${encodeURIComponent('存在しない語%')}`)).text()
    assert.ok(!none.includes(`/news/${draft.id}`))
  })

  test('the next issue proposes only what happened after the last one, milestones included', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const created = (await (
      await secretariat.sendJson('POST', '/api/v1/schedule/tasks', {
        workstreamCode: '③',
        title: 'サーバ稼働',
        startsOn: '2027-03-01',
        endsOn: '2027-03-10',
        milestone: true,
      })
    ).json()) as { task: { id: string } }
    await secretariat.sendJson('PATCH', `/api/v1/schedule/tasks/${created.task.id}/progress`, {
      progress: 100,
      version: 1,
    })
    const res = await secretariat.sendJson('POST', '/api/v1/news/issues', {})
    const { id } = (await res.json()) as { id: string }
    const next = await issue(id)
    assert.equal(next.title, '業務改革推進本部NEWS 第2号')
    assert.deepEqual(
      next.items.map((i) => [i.heading, i.sourceAction]),
      [['サーバ稼働', 'schedule.milestone.reached']],
    )
  })

  test('a delivery resumed from its checkpoint reaches only the accounts after it', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const { id } = (await (
      await secretariat.sendJson('POST', '/api/v1/news/issues', {})
    ).json()) as { id: string }
    const { version } = await issue(id)
    const res = await secretariat.sendJson('POST', `/api/v1/news/issues/${id}/publish`, { version })
    assert.equal(res.status, 200, 'published')
    const ids = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('active', '=', true)
        .orderBy('id')
        .execute()
    ).map((u) => u.id)
    const job = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', NEWSLETTER_DELIVERY_JOB)
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow()
    // As if a crash came after the first three accounts' batch committed.
    const result = await deliverIssueJob({
      db: t.database.db,
      job: {
        id: job.id,
        kind: job.kind,
        payload: job.payload,
        status: 'running',
        progress: 3,
        total: ids.length,
        checkpoint: { after: ids[2] },
        result: null,
        error: null,
        attempts: 2,
        createdBy: null,
        createdAt: job.created_at,
        updatedAt: job.updated_at,
      },
      progress: async () => {},
    })
    assert.deepEqual(result, { recipients: ids.length }, 'the count includes the earlier batch')
    const reached = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('link', '=', `/news/${id}`)
      .orderBy('user_id')
      .execute()
    assert.deepEqual(
      reached.map((n) => n.user_id),
      ids.slice(3),
      'exactly the accounts after the checkpoint',
    )
  })
})
