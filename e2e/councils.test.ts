/**
 * The councils journey in Chromium against the real server: the council secretary announces a
 * meeting (it appears in the iCalendar feed), uploads minutes as .docx, reviews the proposed
 * redactions with the keyboard, the disclosure officer signs off, the secretary publishes, and
 * a resident finds the minutes through the portal's search with every personal item masked.
 * axe checks each page on the way.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { docx } from '../src/modules/councils/zip.test-support.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-councils-password'
const ja = translator('ja')
const journey = useJourney({ demoPassword: PASSWORD })
const { url, signIn } = journey
const newPage = () => journey.newProfile()

/** Submits with the keyboard: focus the button, press Enter, wait for the next page. */
async function press(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true })
  await button.focus()
  await Promise.all([
    page.waitForLoadState('load'),
    page.waitForURL(/notice=/),
    button.press('Enter'),
  ])
}

const MINUTES = [
  '東京都観光事業審議会 第14回 議事録',
  '○山本会長　ただいまから開会します。本日の議題は観光振興についてです。',
  '○小池委員　相談者の佐藤花子さん（東京都新宿区西新宿二丁目8番1号、電話０３－１２３４－５６７８、hanako@example.jp）から、多言語案内について意見がありました。',
  '○事務局　協力事業者は株式会社ミナト精工、代表取締役港川誠氏です。予算は1,234,567千円です。',
]
const SECRETS = /佐藤|花子|西新宿|１２３４|hanako@example\.jp|港川/

test('secretary → approver → resident: meeting, minutes, redaction review, sign-off, search', async () => {
  const axe = new AxeLog()
  const start = new Date(Date.now() + 30 * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10)

  // The secretary announces a meeting of a seeded council.
  const secretary = await newPage()
  let page = secretary.page
  await signIn(page, 'council_secretary')
  await page
    .getByRole('navigation', { name: ja('nav.main') })
    .getByRole('link', { name: ja('councils.nav') })
    .click()
  await page.waitForURL(url('/councils'))
  await axe.check(page, 'councils')
  await page.getByRole('link', { name: '東京都観光事業審議会' }).click()
  await axe.check(page, 'council')
  await page.getByRole('link', { name: ja('councils.scheduleMeeting') }).click()
  await axe.check(page, 'meeting form')
  await page.getByLabel(ja('field.meetingTitle')).fill('第14回')
  await page.getByLabel(ja('field.startsAt')).fill(`${start}T14:00`)
  await page.getByLabel(ja('field.place')).fill('都庁第一本庁舎 33階 特別会議室')
  await page.getByLabel(ja('field.agenda')).fill('(1) 観光振興について')
  await page.getByLabel(ja('field.galleryCapacity')).fill('10')
  await Promise.all([
    page.waitForURL(/\/councils\/meetings\/[0-9a-f-]{36}\?notice=/),
    page.getByRole('button', { name: ja('common.save') }).click(),
  ])
  const meetingId = /meetings\/([0-9a-f-]{36})/.exec(page.url())![1]!
  await axe.check(page, 'meeting')
  const ics = await (await page.request.get(url('/portal/calendar.ics'))).text()
  assert.match(ics, new RegExp(`UID:${meetingId}@kaikaku`))

  // Minutes as .docx; the engine proposes redactions in a background job.
  await page.getByLabel(ja('field.minutesFile')).setInputFiles({
    name: '第14回議事録.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: Buffer.from(docx(MINUTES)),
  })
  await Promise.all([
    page.waitForURL(/\/councils\/minutes\/[0-9a-f-]{36}/),
    page.getByRole('button', { name: ja('councils.draftMinutes') }).click(),
  ])
  const minutesUrl = page.url().replace(/\?.*$/, '')
  // The page reloads itself (meta refresh) while the job runs; wait until it shows the review.
  await page.locator('[data-minutes-status="in_review"]').waitFor({ timeout: 180_000 })
  await page.waitForLoadState('load')
  assert.equal(
    await page.locator('[data-minutes-status]').getAttribute('data-minutes-status'),
    'in_review',
  )
  await axe.check(page, 'minutes review')
  const preview = (await page.locator('[data-preview]').textContent()) ?? ''
  assert.doesNotMatch(preview, /佐藤|西新宿|１２３４|hanako/)

  // Corporate information awaits a decision: keep the company's name, withhold the representative.
  await press(page, `${ja('councils.review.reject')}: 株式会社ミナト精工`)
  await press(page, `${ja('councils.review.accept')}: 港川誠`)
  await press(page, ja('councils.review.submit'))
  assert.equal(
    await page.locator('[data-minutes-status]').getAttribute('data-minutes-status'),
    'submitted',
  )
  await secretary.context.close()

  // The disclosure officer signs off.
  const approver = await newPage()
  page = approver.page
  await signIn(page, 'disclosure_officer')
  await page.goto(minutesUrl)
  await axe.check(page, 'minutes sign-off')
  await press(page, ja('councils.review.approve'))
  assert.equal(
    await page.locator('[data-minutes-status]').getAttribute('data-minutes-status'),
    'approved',
  )
  await approver.context.close()

  // The secretary publishes.
  const again = await newPage()
  page = again.page
  await signIn(page, 'council_secretary')
  await page.goto(minutesUrl)
  await press(page, ja('councils.review.publish'))
  assert.equal(
    await page.locator('[data-minutes-status]').getAttribute('data-minutes-status'),
    'published',
  )
  await again.context.close()

  // A resident, not signed in, searches with a two-character query and reads the minutes.
  const resident = await newPage()
  page = resident.page
  await page.goto(url('/portal'))
  await axe.check(page, 'portal')
  await page.getByLabel(ja('councils.portal.searchLabel')).fill('観光')
  await Promise.all([
    page.waitForURL(/\/portal\/search\?q=/),
    page.getByRole('button', { name: ja('councils.portal.searchButton') }).click(),
  ])
  await axe.check(page, 'portal search')
  const result = page.getByRole('link', { name: '東京都観光事業審議会 第14回' })
  assert.equal(await page.locator('.councils-results mark').first().textContent(), '観光')
  await result.click()
  await page.waitForURL(new RegExp(`/portal/meetings/${meetingId}`))
  await axe.check(page, 'portal meeting')
  const published = (await page.locator('[data-published-minutes]').textContent()) ?? ''
  assert.match(published, /■■■（条例第7条第2号）/)
  assert.match(published, /株式会社ミナト精工/)
  assert.doesNotMatch(await page.content(), SECRETS)
  await resident.context.close()

  for (const p of [secretary, approver, again, resident]) assert.deepEqual(p.problems, [])
  axe.assertClean()
})
