/**
 * The reform journey in Chromium against the real server (with its job worker and a local SMTP
 * server): an office enters its monthly figures and files its mid-term check; the secretariat
 * sees the schedule's Gantt chart and reports to HQ; HQ meets and decides with feedback that
 * the office then sees; the secretariat publishes a newsletter that reaches the SMTP server and
 * the Atom feed. axe checks every page on the way.
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Page } from 'playwright-core'
import { SMTPServer } from 'smtp-server'
import { translator } from '../src/i18n/index.ts'
import { demoEmail } from '../src/modules/org/index.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-reform-password'
const ja = translator('ja')
let smtp: SMTPServer
let smtpPort = 0
const mails: { to: string[]; raw: string }[] = []

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
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
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

// Registered after the SMTP server's hook, so that the server is started with its port.
const journey = useJourney({
  demoPassword: PASSWORD,
  env: () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}?ignoreTLS=true` }),
})
const { url } = journey
const signedIn = async (role: string): Promise<Page> => (await journey.signedIn(role)).page

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
}

const lastMonth = () => {
  const now = new Date(Date.now() + 9 * 3600_000)
  now.setUTCDate(1)
  now.setUTCMonth(now.getUTCMonth() - 1)
  return now.toISOString().slice(0, 7)
}

test('an office reports, the secretariat and HQ act on it, and the newsletter goes out', {
  timeout: 180_000,
}, async () => {
  const axe = new AxeLog()

  // 1. The office (池袋事務所) enters last month's figures and files its mid-term check.
  const office = await signedIn('office_manager')
  await office
    .getByRole('navigation', { name: ja('nav.main') })
    .getByRole('link', { name: ja('initiatives.nav') })
    .click()
  await office.waitForURL(url('/initiatives'))
  await axe.check(office, 'initiatives list')
  await office.getByRole('link', { name: ja('initiatives.wlbOf', { unit: '池袋事務所' }) }).click()
  await axe.check(office, 'work–life balance')
  await office.locator('#field-month').fill(lastMonth())
  await office.getByLabel(ja('initiatives.overtimeHours')).fill('10.5')
  await office.getByLabel(ja('initiatives.leaveDays')).fill('1.5')
  await submit(office, ja('common.save'))
  assert.equal(await office.getByRole('status').textContent(), ja('common.saved'))
  const row = office.locator('tbody tr', { has: office.locator('th', { hasText: lastMonth() }) })
  assert.equal(await row.locator('td').first().textContent(), '10.5')
  // The same month again is refused, with the message by the field.
  await office.locator('#field-month').fill(lastMonth())
  await office.getByLabel(ja('initiatives.overtimeHours')).fill('9')
  await office.getByLabel(ja('initiatives.leaveDays')).fill('1')
  await submit(office, ja('common.save'))
  assert.ok(await office.getByRole('alert').isVisible())
  assert.ok(
    (await office.locator('#error-month').textContent())?.includes(
      ja('initiatives.errors.duplicateMonth'),
    ),
  )
  await axe.check(office, 'work–life balance with an error')

  await office.goto(url('/initiatives'))
  await office
    .getByRole('link', { name: '少人数職場でもできる！～実効性のある防火・防災対策の実現～' })
    .click()
  await axe.check(office, 'initiative')
  await office.getByLabel(ja('initiatives.checkStatus')).selectOption('on_track')
  await office
    .getByLabel(ja('initiatives.progressNote'))
    .fill('少人数でも回せる防災訓練を2回実施した。')
  await office
    .getByLabel(ja('initiatives.youngStaffViews'))
    .fill('訓練の役割分担表を若手が作成した。')
  await submit(office, ja('initiatives.fileCheck'))
  assert.equal(await office.getByRole('status').textContent(), ja('initiatives.checkFiled'))
  await axe.check(office, 'initiative with its check filed')
  const initiativeUrl = office.url().split('?')[0]!

  // 2. The secretariat sees the Gantt chart (today's line, the mid-term report meeting) and reports to HQ.
  const secretariat = await signedIn('hq_secretariat')
  await secretariat.goto(url('/schedule'))
  assert.ok(await secretariat.getByRole('img', { name: ja('schedule.chartTitle') }).isVisible())
  assert.ok(
    await secretariat.getByRole('rowheader', { name: /事業所業務改善 中間報告会/ }).isVisible(),
  )
  await axe.check(secretariat, 'schedule')
  await secretariat.getByLabel(ja('schedule.workstream')).selectOption('④')
  await submit(secretariat, ja('schedule.filter'))
  assert.equal(await secretariat.getByRole('rowheader', { name: /部会による検討/ }).count(), 0)
  await axe.check(secretariat, 'schedule filtered')
  // The secretariat plans a task in 旬; one ending before it starts is refused.
  await secretariat.goto(url('/schedule/tasks/new'))
  await axe.check(secretariat, 'new task')
  await secretariat.locator('#field-workstreamCode').selectOption('④')
  await secretariat.locator('#field-title').fill('事業所ヒアリング')
  await secretariat.locator('#field-startsOn').selectOption({ index: 20 })
  await secretariat.locator('#field-endsOn').selectOption({ index: 10 })
  await submit(secretariat, ja('common.save'))
  assert.ok(
    (await secretariat.locator('#error-endsOn').textContent())?.includes(
      ja('schedule.errors.endsBeforeStart'),
    ),
  )
  await axe.check(secretariat, 'new task with an error')
  await secretariat.locator('#field-endsOn').selectOption({ index: 22 })
  await submit(secretariat, ja('common.save'))
  assert.equal(await secretariat.locator('h1').textContent(), '事業所ヒアリング')
  await axe.check(secretariat, 'task')
  await secretariat.goto(url('/initiatives/report-meetings'))
  await axe.check(secretariat, 'report meetings')

  await secretariat.goto(url('/initiatives/reports'))
  await axe.check(secretariat, 'reports to HQ')
  await secretariat.getByLabel(ja('initiatives.reportSummary')).fill('中間点検の結果を報告します。')
  await submit(secretariat, ja('initiatives.submit'))
  await axe.check(secretariat, 'report to HQ')

  // 3. HQ meets: the secretariat puts the report on the agenda, the chief decides with feedback.
  await secretariat.goto(url('/hq'))
  await axe.check(secretariat, 'hq meetings')
  await secretariat.getByLabel(ja('hq.meetingTitle')).fill('第3回 産業労働局業務改革推進本部')
  await secretariat.getByLabel(ja('hq.heldOn')).fill('2026-12-02')
  await submit(secretariat, ja('common.create'))
  // The office's report, among whatever else awaits HQ (review sheets, shortlisted proposals).
  await secretariat.getByRole('button', { name: /事業所業務改善の中間報告」を議題に追加/ }).click()
  await secretariat.waitForLoadState()
  await axe.check(secretariat, 'hq meeting with agenda')
  const meetingUrl = secretariat.url().split('?')[0]!
  const chief = await signedIn('hq_chief')
  await chief.goto(meetingUrl)
  await chief.getByLabel(ja('hq.outcome')).selectOption('approved')
  await chief.getByLabel(ja('hq.note')).fill('防災訓練の工夫を他の事業所にも広げてください。')
  await submit(chief, ja('hq.decide'))
  assert.ok((await chief.locator('.hq-outcome').textContent())?.includes(ja('hq.outcome.approved')))
  await axe.check(chief, 'hq meeting decided')

  // The office sees HQ's feedback on its initiative.
  await office.goto(initiativeUrl)
  assert.ok(
    (await office.locator('.initiatives-feedback').textContent())?.includes(
      '防災訓練の工夫を他の事業所にも広げてください。',
    ),
  )

  // 4. The newsletter: proposed from what happened, published, e-mailed and in the feed.
  await secretariat.goto(url('/news'))
  await axe.check(secretariat, 'news')
  await submit(secretariat, ja('newsletter.start'))
  assert.ok(
    await secretariat
      .getByRole('textbox', { name: ja('newsletter.itemHeading', { n: 1 }) })
      .isVisible(),
  )
  await axe.check(secretariat, 'news draft')
  await secretariat
    .getByLabel(ja('newsletter.issueLead'))
    .fill('事業所の中間点検を本部に報告しました。')
  // The issue's own form comes first; each item has its own save button below.
  await Promise.all([
    secretariat.waitForNavigation(),
    secretariat
      .getByRole('button', { name: ja('common.save'), exact: true })
      .first()
      .click(),
  ])
  await submit(secretariat, ja('newsletter.publish'))
  assert.equal(await secretariat.getByRole('status').textContent(), ja('newsletter.published'))
  await axe.check(secretariat, 'news published')

  const deadline = Date.now() + 30_000
  while (!mails.some((m) => m.to.includes(demoEmail('staff'))) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200))
  assert.ok(
    mails.some((m) => m.to.includes(demoEmail('staff'))),
    'the newsletter reached the SMTP server',
  )

  const staff = await signedIn('staff')
  const feed = await staff.request.get(url('/news/feed.atom'))
  assert.equal(feed.status(), 200)
  assert.ok((await feed.text()).includes('業務改革推進本部NEWS 第1号'))
  await staff.goto(url('/news'))
  await staff.getByRole('link', { name: '業務改革推進本部NEWS 第1号' }).click()
  assert.ok(
    (await staff.locator('main').textContent())?.includes('事業所の中間点検を本部に報告しました。'),
  )
  await axe.check(staff, 'news issue')
  await staff.getByRole('link', { name: ja('newsletter.print') }).click()
  await axe.check(staff, 'news print')

  for (const page of [office, secretariat, chief, staff]) await page.context().close()
  axe.assertClean()
})
