import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, describe, test } from 'node:test'
import pino from 'pino'
import { SMTPServer } from 'smtp-server'
import { findJob, MAX_ATTEMPTS } from '../jobs/queue.ts'
import { JobWorker } from '../jobs/worker.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { countUnread } from './inbox.ts'
import { createSmtpMailer, type Mailer } from './mailer.ts'
import { EMAIL_JOB, emailJobHandler, notify } from './notify.ts'

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
const PUBLIC_URL = 'https://kaikaku.example.jp'
const FROM = 'Kaikaku <no-reply@kaikaku.example.jp>'
const STAFF = 'staff@demo.kaikaku.example'

interface Received {
  mailFrom: string
  rcptTo: string[]
  raw: string
}

let t: TestApp
let smtp: SMTPServer
let smtpPort: number
const inbox: Received[] = []
const mailers: Mailer[] = []

before(async () => {
  t = await createTestApp()
  // A real SMTP server as a local relay would be: no authentication, STARTTLS offered with a
  // self-signed certificate (which the mailer is told to ignore through SMTP_URL).
  smtp = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  smtpPort = (smtp.server.address() as { port: number }).port
})

after(async () => {
  for (const m of mailers) m.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  await t.close()
})

function mailer(url = `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true`) {
  const m = createSmtpMailer(url, FROM)
  mailers.push(m)
  return m
}

/** A port on which nothing listens: an SMTP server that is down. */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const { port } = s.address() as { port: number }
  await new Promise((resolve) => s.close(resolve))
  return port
}

/** Just enough MIME for nodemailer's output: unfolded headers, encoded words, one text part. */
function parseMail(raw: string) {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
  }
  const decodeWords = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
      )
  const body = raw.slice(split + 4)
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body.replace(/=\r\n/g, ''))
        : body
  return {
    subject: decodeWords(headers.get('subject') ?? ''),
    to: headers.get('to') ?? '',
    from: headers.get('from') ?? '',
    contentType: headers.get('content-type') ?? '',
    text: text.replace(/\r\n/g, '\n'),
  }
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(value.charCodeAt(i))
  }
  return Buffer.from(bytes).toString('utf8')
}

async function emailJobFor(notificationId: string) {
  const rows = await t.database.db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', EMAIL_JOB)
    .execute()
  for (const row of rows) {
    const job = await findJob(t.database.db, row.id)
    if (job && (job.payload as { notificationId?: string }).notificationId === notificationId)
      return job
  }
  throw new Error(`no e-mail job for ${notificationId}`)
}

describe('notifications', () => {
  test('a notice reaches the inbox and, through the job queue, the SMTP server', async () => {
    const { db } = t.database
    const staffId = await t.userId(STAFF)
    const before = inbox.length
    const id = await notify(
      db,
      {
        userId: staffId,
        title: '改革提案が承認されました',
        body: '「窓口業務の予約制」が本部会議で承認されました。',
        link: '/org',
      },
      { email: true },
    )
    // Nothing is sent until a worker runs the queued job.
    assert.equal(inbox.length, before)
    assert.equal((await emailJobFor(id)).status, 'queued')

    const worker = new JobWorker(db, logger).register(
      EMAIL_JOB,
      emailJobHandler(mailer(), PUBLIC_URL),
    )
    assert.equal(await worker.drain(), 1)
    assert.equal(inbox.length, before + 1)

    const received = inbox.at(-1)!
    assert.deepEqual(received.rcptTo, [STAFF])
    assert.equal(received.mailFrom, 'no-reply@kaikaku.example.jp')
    const mail = parseMail(received.raw)
    assert.equal(mail.to, STAFF)
    assert.equal(mail.subject, '[Kaikaku] 改革提案が承認されました')
    assert.match(mail.contentType, /text\/plain; charset=utf-8/i)
    assert.ok(mail.text.includes('「窓口業務の予約制」が本部会議で承認されました。'), mail.text)
    assert.ok(mail.text.includes(`詳細はこちら: ${PUBLIC_URL}/org`), mail.text)
    assert.ok(mail.text.includes('このメールはKaikakuから自動送信されています。'), mail.text)

    const job = await emailJobFor(id)
    assert.equal(job.status, 'done')
    assert.deepEqual(job.result, { sentTo: STAFF })
  })

  test('the mail is in the language the user chose', async () => {
    const { db } = t.database
    const email = 'reviewer@demo.kaikaku.example'
    await db.updateTable('users').set({ locale: 'en' }).where('email', '=', email).execute()
    await notify(
      db,
      { userId: await t.userId(email), title: 'Proposal approved', link: '/org' },
      { email: true },
    )
    const worker = new JobWorker(db, logger).register(
      EMAIL_JOB,
      emailJobHandler(mailer(), PUBLIC_URL),
    )
    assert.equal(await worker.drain(), 1)
    const mail = parseMail(inbox.at(-1)!.raw)
    assert.equal(mail.to, email)
    assert.equal(mail.subject, '[Kaikaku] Proposal approved')
    assert.ok(mail.text.includes(`Details: ${PUBLIC_URL}/org`), mail.text)
    assert.ok(mail.text.includes('This message was sent automatically by Kaikaku.'), mail.text)
    assert.ok(!mail.text.includes('詳細'), mail.text)
  })

  test('the inbox page shows unread notices and marks them read', async () => {
    const { db } = t.database
    const email = 'pr-team@demo.kaikaku.example'
    const uid = await t.userId(email)
    const first = await notify(
      db,
      {
        userId: uid,
        title: '広報チームへの依頼',
        body: '記事の確認をお願いします。',
        link: '/org',
      },
      { email: false },
    )
    await notify(db, { userId: uid, title: '二件目のお知らせ' }, { email: false })
    // Without e-mail no job is queued.
    const jobs = await db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', EMAIL_JOB)
      .execute()
    assert.ok(!jobs.some((j) => JSON.stringify(j.payload).includes(first)))

    const client = await t.signIn('pr_team')
    let html = await (await client.get('/inbox')).text()
    assert.ok(html.includes('広報チームへの依頼'))
    assert.ok(html.includes('記事の確認をお願いします。'))
    assert.ok(html.includes('href="/org"'))
    assert.equal(html.match(/<span class="badge">未読<\/span>/g)?.length, 2)
    // The navigation shows the unread count.
    assert.match(html, /<span class="badge">2<\/span>/)

    const res = await client.postForm(`/inbox/${first}/read`, {})
    assert.equal(res.status, 303)
    assert.equal(res.headers.get('location'), '/inbox')
    assert.equal(await countUnread(db, uid), 1)
    html = await (await client.get('/inbox')).text()
    assert.equal(html.match(/<span class="badge">未読<\/span>/g)?.length, 1)
    assert.match(html, /<li class="read">\s*<h2>\s*<a href="\/org">広報チームへの依頼/)

    // Another user cannot mark someone else's notice read.
    const other = await notify(
      db,
      { userId: await t.userId(STAFF), title: '他人宛' },
      { email: false },
    )
    await client.postForm(`/inbox/${other}/read`, {})
    assert.equal(
      (
        await db
          .selectFrom('notifications')
          .select('read_at')
          .where('id', '=', other)
          .executeTakeFirstOrThrow()
      ).read_at,
      null,
    )

    assert.equal((await client.postForm('/inbox/read', {})).status, 303)
    assert.equal(await countUnread(db, uid), 0)
    html = await (await client.get('/inbox')).text()
    assert.ok(!html.includes('<span class="badge">未読</span>'))
    assert.ok(html.includes('広報チームへの依頼'))
  })

  test('while the SMTP server is down the mail is retried, then failed; the inbox keeps it', async () => {
    const { db } = t.database
    const staffId = await t.userId(STAFF)
    const down = `smtp://127.0.0.1:${await closedPort()}?ignoreTLS=true`
    const id = await notify(db, { userId: staffId, title: '届かないメール' }, { email: true })

    let worker = new JobWorker(db, logger, { retryDelaySeconds: 0 }).register(
      EMAIL_JOB,
      emailJobHandler(mailer(down), PUBLIC_URL),
    )
    assert.equal(await worker.drain(), MAX_ATTEMPTS)
    const job = await emailJobFor(id)
    assert.equal(job.status, 'failed')
    assert.equal(job.attempts, MAX_ATTEMPTS)
    assert.match(job.error ?? '', /ECONNREFUSED|connect/i)
    assert.equal(await worker.drain(), 0)

    const kept = await db
      .selectFrom('notifications')
      .select(['title', 'read_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(kept, { title: '届かないメール', read_at: null })
    const html = await (await (await t.signIn('staff')).get('/inbox')).text()
    assert.ok(html.includes('届かないメール'))

    // An outage shorter than the retries: the second attempt, after the delay, gets through.
    // The delay is long enough that a slow first attempt on a loaded machine is not followed by
    // the retry within the same drain.
    const retryDelaySeconds = 3
    const before = inbox.length
    const later = await notify(db, { userId: staffId, title: '遅れて届くメール' }, { email: true })
    worker = new JobWorker(db, logger, { retryDelaySeconds }).register(
      EMAIL_JOB,
      emailJobHandler(mailer(down), PUBLIC_URL),
    )
    assert.equal(await worker.drain(), 1)
    assert.equal((await emailJobFor(later)).status, 'queued')
    await new Promise((r) => setTimeout(r, retryDelaySeconds * 1000 + 100))
    worker = new JobWorker(db, logger, { retryDelaySeconds }).register(
      EMAIL_JOB,
      emailJobHandler(mailer(), PUBLIC_URL),
    )
    assert.equal(await worker.drain(), 1)
    assert.equal((await emailJobFor(later)).status, 'done')
    assert.equal(inbox.length, before + 1)
    assert.equal(parseMail(inbox.at(-1)!.raw).subject, '[Kaikaku] 遅れて届くメール')
  })
})
