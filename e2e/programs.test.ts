/**
 * Programme review in Chromium: the secretariat imports the demo bureau's FY2016 workbook (a
 * job with a progress bar), sees the flags on the dashboard; the 商工部 subcommittee drafts a
 * review sheet and sends it to HQ; the Director General records the verdict; the export
 * carries it. axe checks every page visited.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-programs-password'
const ja = translator('ja')
const journey = useJourney({ demoPassword: PASSWORD })
const { url, signedIn } = journey

const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').trim()

test('import the demo workbook, see the flags, draft a review, HQ decides, export carries the verdict', async () => {
  const axe = new AxeLog()

  // The secretariat imports the workbook.
  const hq = await signedIn('hq_secretariat')
  let page = hq.page
  await Promise.all([
    page.waitForURL(url('/programs')),
    page
      .getByRole('navigation', { name: ja('nav.main') })
      .getByRole('link', { name: ja('programs.nav') })
      .click(),
  ])
  assert.equal(await h1(page), ja('programs.title'))
  await axe.check(page, 'registry')
  await Promise.all([
    page.waitForURL(url('/programs/import')),
    page.getByRole('link', { name: ja('programs.import.link') }).click(),
  ])
  await axe.check(page, 'import form')
  await page.locator('#field-file').setInputFiles(path.resolve('docs/samples/programs-demo.xlsx'))
  await Promise.all([
    page.waitForURL(/\/programs\/imports\/[0-9a-f-]+$/),
    page.getByRole('button', { name: ja('programs.import.submit') }).click(),
  ])
  assert.ok(await page.locator('progress').count(), 'a progress bar while the job runs')
  await page.getByRole('status').filter({ hasText: '新規事業 2件' }).waitFor({ timeout: 30_000 })
  await axe.check(page, 'import result')

  // The dashboard of FY2016 flags low execution and crisis-era programmes.
  await page.goto(url('/programs/analysis?fiscalYear=2016&threshold=60'))
  assert.equal(await h1(page), ja('programs.analysis.title'))
  assert.equal(await page.locator('svg[role="img"]').count(), 2)
  const low = page.locator('section', { has: page.locator('#low-title') })
  assert.ok(await low.getByRole('link', { name: '被災地企業取引拡大支援事業' }).isVisible())
  const crisis = page.locator('section', { has: page.locator('#crisis-title') })
  assert.ok(await crisis.getByRole('link', { name: '緊急雇用創出事業', exact: true }).isVisible())
  await page.getByText(ja('programs.analysis.table')).first().click()
  await axe.check(page, 'analysis')

  // The 商工部 subcommittee drafts the review sheet and sends it to HQ.
  const lead = await signedIn('dept_lead')
  page = lead.page
  await page.goto(url('/programs?fiscalYear=2016&q=緊急経営相談'))
  await Promise.all([
    page.waitForURL(/\/programs\/[0-9a-f-]+$/),
    page.getByRole('link', { name: '中小企業緊急経営相談事業' }).click(),
  ])
  await axe.check(page, 'programme')
  await Promise.all([
    page.waitForURL(/\/reviews\/2016$/),
    page
      .getByRole('link', { name: ja('programs.review.status.none') })
      .last()
      .click(),
  ])
  await axe.check(page, 'blank review sheet')
  await page
    .locator('#field-outlived')
    .fill('リーマンショック後の緊急対策。景気回復で役割は縮小した。')
  await page.locator('#field-publicPrivate').fill('民間の経営相談と重複している。')
  await page.locator('#field-proposal').fill('創業支援拠点へ統合し、規模を縮小する。')
  await Promise.all([
    page.waitForURL(/notice=common\.saved/),
    page.getByRole('button', { name: ja('programs.review.save') }).click(),
  ])
  await axe.check(page, 'review sheet draft')
  await Promise.all([
    page.waitForURL(/notice=programs\.review\.submitted/),
    page.getByRole('button', { name: ja('programs.review.submit') }).click(),
  ])
  assert.equal(
    await page.getByRole('button', { name: ja('programs.review.save') }).count(),
    0,
    'sent: no longer editable',
  )

  // HQ decides.
  const chief = await signedIn('hq_chief')
  page = chief.page
  await page.goto(url('/programs/reviews?status=submitted'))
  await axe.check(page, 'reviews awaiting HQ')
  await Promise.all([
    page.waitForURL(/\/reviews\/2016$/),
    page.getByRole('link', { name: '中小企業緊急経営相談事業' }).click(),
  ])
  await Promise.all([
    page.waitForURL(/\/reviews\/2016$/),
    page.getByRole('button', { name: ja('programs.review.decide') }).click(),
  ])
  assert.ok(await page.getByRole('alert').isVisible(), 'a verdict is required')
  await axe.check(page, 'decision with errors')
  await page.locator('#field-verdict').selectOption({ label: '見直し・再構築' })
  await page.locator('#field-reflectedAmount').fill('-120000000')
  await page.locator('#field-verdictNote').fill('創業支援拠点に統合する。')
  await Promise.all([
    page.waitForURL(/notice=programs\.review\.decided/),
    page.getByRole('button', { name: ja('programs.review.decide') }).click(),
  ])
  assert.ok((await page.locator('main').textContent())?.includes('見直し・再構築'))
  await axe.check(page, 'decided review sheet')

  // The export carries the verdict.
  await page.goto(url('/programs?fiscalYear=2016'))
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: ja('programs.export.csv') }).click(),
  ])
  const file = await download.path()
  const { readFileSync } = await import('node:fs')
  const csv = readFileSync(file, 'utf8')
  const line = csv.split('\r\n').find((l) => l.startsWith('SR-SHOKO-001,2016'))
  assert.match(line ?? '', /見直し・再構築/)

  for (const s of [hq, lead, chief]) {
    await s.context.close()
    assert.deepEqual(s.problems, [])
  }
  axe.assertClean()
})
