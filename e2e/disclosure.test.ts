/**
 * The disclosure journey in Chromium against the real server: the disclosure officer logs
 * requests, sees the topic asked for repeatedly proposed for publication, publishes a dataset
 * generated from the programme registry, closes the candidate with it; a resident finds the
 * dataset on the portal and a harvester through package_search; the officer starts the annual
 * review of data holdings, an office manager answers for the office, and HQ sees the totals.
 * axe checks each page on the way.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-disclosure-password'
const ja = translator('ja')
const journey = useJourney({ demoPassword: PASSWORD })
const { url, signIn } = journey
const newPage = () => journey.newProfile()

/** Submits with the keyboard: focus the button, press Enter, wait for the page with a notice. */
async function press(page: Page, name: string, scope: Pick<Page, 'getByRole'> = page) {
  const button = scope.getByRole('button', { name, exact: true })
  await button.focus()
  await Promise.all([page.waitForURL(/notice=/), button.press('Enter')])
}

const jst = (days = 0) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

const TOPIC = [
  '中小企業振興公社への補助金交付要綱と交付実績',
  '中小企業振興公社 補助金の交付要綱・交付実績',
  '中小企業振興公社に対する補助金の交付実績と交付要綱',
]

test('officer → resident → harvester → office manager → HQ: requests, candidate, dataset, holdings', async () => {
  const axe = new AxeLog()

  // The disclosure officer logs three requests on one topic.
  const officer = await newPage()
  let page = officer.page
  await signIn(page, 'disclosure_officer')
  await page
    .getByRole('navigation', { name: ja('nav.main') })
    .getByRole('link', { name: ja('disclosure.nav') })
    .click()
  await page.waitForURL(url('/disclosure/requests'))
  await axe.check(page, 'requests')
  for (const [i, subject] of TOPIC.entries()) {
    await page.getByLabel(ja('disclosure.field.subject')).fill(subject)
    await page.getByLabel(ja('disclosure.field.unit')).selectOption({ label: '商工部' })
    await page
      .getByLabel(ja('disclosure.field.requesterType'))
      .selectOption(i === 1 ? 'press' : 'company')
    await page.getByLabel(ja('disclosure.field.receivedOn')).fill(jst(-i))
    await press(page, ja('disclosure.requests.create'))
    assert.match(page.url(), /\/disclosure\/requests\/[0-9a-f-]{36}\?notice=/)
    if (i === 0) await axe.check(page, 'request')
    await page.goto(url('/disclosure/requests'))
  }
  const log = await page.locator('table').first().textContent()
  for (const subject of TOPIC) assert.ok(log?.includes(subject), subject)

  // The topic is proposed for proactive publication.
  await page.getByRole('link', { name: ja('disclosure.candidates.title') }).click()
  await page.waitForURL(url('/disclosure/candidates'))
  await axe.check(page, 'candidates')
  // Titled by the earliest request of the topic.
  const candidate = page.getByRole('article', { name: `${TOPIC[2]}（3件）` })
  await candidate.waitFor()

  // A dataset from the app's own data, published on the portal.
  await page
    .getByRole('link', { name: ja('disclosure.datasets.title'), exact: true })
    .first()
    .click()
  await page.waitForURL(url('/disclosure/datasets'))
  await axe.check(page, 'datasets')
  await page.getByLabel(ja('disclosure.field.datasetTitle')).fill('中小企業振興公社 補助金交付実績')
  await page.getByLabel(ja('disclosure.field.datasetName')).fill('kosha-subsidies')
  await page
    .getByLabel(ja('disclosure.field.notes'))
    .fill('開示請求の多い補助金の交付実績をあらかじめ公開します。')
  await page.getByLabel(ja('disclosure.field.publisher')).selectOption({ label: '商工部' })
  await page.getByLabel(ja('disclosure.field.license')).selectOption('jp-pdl-1.0')
  await page.getByLabel(ja('disclosure.field.tags')).fill('補助金、中小企業')
  await press(page, ja('disclosure.datasets.create'))
  await axe.check(page, 'dataset')
  await page.getByLabel(ja('disclosure.field.generator')).selectOption('programs')
  await page
    .getByLabel(ja('disclosure.resources.format'), { exact: false })
    .first()
    .selectOption('CSV')
  await press(page, ja('disclosure.resources.generateSubmit'))
  await press(page, ja('disclosure.publish'))
  assert.match(
    (await page.locator('main').textContent()) ?? '',
    new RegExp(ja('disclosure.public')),
  )
  await axe.check(page, 'dataset published')

  // The candidate is closed with a link to the dataset.
  await page.goto(url('/disclosure/candidates'))
  const open = page.getByRole('article', { name: `${TOPIC[2]}（3件）` })
  await open
    .getByLabel(ja('disclosure.field.dataset'))
    .selectOption({ label: '中小企業振興公社 補助金交付実績' })
  await press(page, ja('disclosure.candidates.closeSubmit'), open)
  const closed = page.getByRole('article', { name: `${TOPIC[2]}（3件）` })
  assert.equal(
    await closed
      .getByRole('link', { name: ja('disclosure.candidates.published') })
      .getAttribute('href'),
    '/portal/data/kosha-subsidies',
  )
  await axe.check(page, 'candidate closed')

  // The officer starts this year's review of data holdings.
  await page.goto(url('/disclosure/holdings'))
  await axe.check(page, 'holdings (officer)')
  await page.getByLabel(ja('disclosure.field.fiscalYear')).fill('2026')
  await page.getByLabel(ja('disclosure.field.campaignDueOn')).fill(jst(30))
  await press(page, ja('disclosure.campaign.start'))
  await officer.context.close()

  // A resident finds the dataset on the portal, without signing in.
  const resident = await newPage()
  page = resident.page
  await page.goto(url('/portal'))
  await page.getByRole('link', { name: ja('disclosure.portal.title') }).click()
  await page.waitForURL(url('/portal/data'))
  await axe.check(page, 'portal data')
  await page.getByLabel(ja('disclosure.portal.searchLabel')).fill('補助金')
  await page.getByRole('button', { name: ja('disclosure.portal.searchButton') }).click()
  await page.getByRole('link', { name: '中小企業振興公社 補助金交付実績' }).click()
  await page.waitForURL(url('/portal/data/kosha-subsidies'))
  await axe.check(page, 'portal dataset')
  const download = await page.request.get(
    url((await page.getByRole('link', { name: '予算事業一覧（CSV）' }).getAttribute('href'))!),
  )
  const bytes = await download.body()
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])

  // A harvester sees it through the CKAN API.
  const search = (await (
    await page.request.get(
      url('/api/3/action/package_search?q=kosha&rows=100&start=0&sort=id%20asc'),
    )
  ).json()) as {
    success: boolean
    result: { count: number; results: { name: string; license_id: string }[] }
  }
  assert.equal(search.success, true)
  assert.deepEqual(
    search.result.results.map((p) => [p.name, p.license_id]),
    [['kosha-subsidies', 'jp-pdl-1.0']],
  )
  await resident.context.close()

  // The office manager answers the review for the office's holdings.
  const manager = await newPage()
  page = manager.page
  await signIn(page, 'office_manager')
  await page
    .getByRole('navigation', { name: ja('nav.main') })
    .getByRole('link', { name: ja('disclosure.holdings.title') })
    .click()
  await page.waitForURL(url('/disclosure/holdings'))
  await axe.check(page, 'holdings (office)')
  const seminar = page.getByRole('group', { name: /セミナー参加者名簿/ })
  await seminar.getByLabel(ja('disclosure.review.delete'), { exact: true }).check()
  await press(page, ja('disclosure.review.submit'), seminar)
  const contacts = page.getByRole('group', { name: /あっせん事案/ })
  await contacts.getByLabel(ja('disclosure.review.move'), { exact: true }).check()
  await press(page, ja('disclosure.review.submit'), contacts)
  const records = page.getByRole('group', { name: /労働相談記録/ })
  await records.getByLabel(ja('disclosure.review.confirm'), { exact: true }).check()
  await press(page, ja('disclosure.review.submit'), records)
  const table = (await page.locator('table').first().textContent()) ?? ''
  assert.ok(!table.includes('セミナー参加者名簿'), 'deleted holdings leave the register')
  await axe.check(page, 'holdings answered')
  await manager.context.close()

  // HQ sees the totals.
  const hq = await newPage()
  page = hq.page
  await signIn(page, 'hq_chief')
  await page.goto(url('/disclosure/holdings/totals'))
  await axe.check(page, 'totals')
  const koyo = page.getByRole('row', { name: /雇用就業部/ })
  assert.deepEqual(
    (await koyo.locator('td').allTextContents()).map(Number),
    // holdings, flagged, off the server, kept, moved, deleted, not answered
    [2, 0, 0, 1, 1, 1, 0],
  )
  await hq.context.close()

  axe.assertClean()
})
