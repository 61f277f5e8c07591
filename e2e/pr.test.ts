/**
 * The PR inventory in Chromium: 池袋事務所 answers the survey by form and 商工部 by xlsx (a job
 * with a progress bar); the secretariat reminds the rest, opens the coverage matrix, sees the
 * seeded overlaps and gaps, and turns an overlap into an action that appears on the schedule.
 * axe checks every page visited.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { demoFiscalYear } from '../src/modules/schedule/index.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-pr-password'
const ja = translator('ja')
const journey = useJourney({ demoPassword: PASSWORD })
const { url } = journey
const signedIn = (role: string) => journey.signedIn(role, { acceptDownloads: true })

const h1 = async (page: Page) => ((await page.locator('h1').textContent()) ?? '').trim()

async function answerWorkbook(): Promise<string> {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  const sheet = wb.addWorksheet('広報媒体')
  sheet.addRow(['媒体名', '種別', '対象者', '対象事業', '年間経費（円）', '到達指標', '到達数'])
  sheet.addRow([
    '商店街にぎわいガイド',
    'パンフレット・冊子',
    '中小企業、観光客・来訪者',
    'SR-SHOKO-006',
    800000,
    '配布部数',
    4000,
  ])
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kaikaku-pr-')), '商工部.xlsx')
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))
  return file
}

test('units answer the survey, the secretariat finds overlaps and gaps and turns one into an action', async () => {
  const axe = new AxeLog()

  // 池袋事務所 answers by form.
  const office = await signedIn('office_manager')
  let page = office.page
  await Promise.all([
    page.waitForURL(url('/pr')),
    page
      .getByRole('navigation', { name: ja('nav.main') })
      .getByRole('link', { name: ja('pr.nav') })
      .click(),
  ])
  assert.equal(await h1(page), ja('pr.title'))
  await axe.check(page, 'inventory')
  await page
    .getByRole('navigation', { name: ja('pr.links') })
    .getByRole('link', { name: ja('pr.survey') })
    .click()
  await page.getByRole('link', { name: /広報媒体の局内現状調査/ }).click()
  await axe.check(page, 'survey as a unit')
  await page.getByRole('link', { name: '池袋事務所' }).first().click()
  assert.equal(await h1(page), ja('pr.survey.answerTitle', { unit: '池袋事務所' }))
  await axe.check(page, 'unit answer page')
  await page.getByRole('link', { name: ja('pr.addMedium') }).click()
  await page.getByRole('button', { name: ja('common.save') }).click()
  assert.ok(await page.getByRole('alert').isVisible(), 'a name is required')
  await axe.check(page, 'medium form with errors')
  await page.locator('#field-name').fill('池袋事務所 労働セミナー')
  await page.locator('#field-channel').selectOption({ label: ja('pr.channel.event') })
  await page.getByLabel('中小企業', { exact: true }).check()
  await page.getByLabel('都民一般', { exact: true }).check()
  await page.getByLabel('SR-KOYO-006 労働相談事業').check()
  await page.locator('#field-reachMetric').selectOption({ label: ja('pr.metric.attendees') })
  await page.locator('#field-reachValue').fill('800')
  await Promise.all([
    page.waitForURL(/\/units\/[0-9a-f-]+\?notice=common\.created$/),
    page.getByRole('button', { name: ja('common.save') }).click(),
  ])
  assert.ok(await page.getByRole('cell', { name: '中小企業、都民一般' }).isVisible())
  await page.locator('#field-note').fill('セミナー1件のみです。')
  await Promise.all([
    page.waitForURL(/notice=pr\.survey\.submitted/),
    page.getByRole('button', { name: ja('pr.survey.submit') }).click(),
  ])
  await axe.check(page, 'answered')

  // 商工部 answers with an xlsx, imported with a progress bar.
  const dept = await signedIn('dept_lead')
  page = dept.page
  await page.goto(url('/pr/surveys'))
  await page.getByRole('link', { name: /広報媒体の局内現状調査/ }).click()
  await page.getByRole('link', { name: '商工部' }).first().click()
  await page.locator('#field-file').setInputFiles(await answerWorkbook())
  await Promise.all([
    page.waitForURL(/\/pr\/imports\/[0-9a-f-]+$/),
    page.getByRole('button', { name: ja('pr.import.submit') }).click(),
  ])
  assert.ok(await page.locator('progress').count(), 'a progress bar while the job runs')
  await page.getByRole('status').filter({ hasText: '新規 1件' }).waitFor({ timeout: 30_000 })
  await axe.check(page, 'import result')

  // The secretariat follows the answers, reminds, and opens the matrix.
  const hq = await signedIn('hq_secretariat')
  page = hq.page
  await page.goto(url('/pr/surveys'))
  await page.getByRole('link', { name: /広報媒体の局内現状調査/ }).click()
  assert.ok(await page.getByText('回答 12 / 29').first().isVisible())
  await Promise.all([
    page.waitForURL(/notice=pr\.survey\.remindedNotice/),
    page.getByRole('button', { name: ja('pr.survey.remind') }).click(),
  ])
  await axe.check(page, 'survey as the secretariat')
  await page
    .getByRole('navigation', { name: ja('pr.links') })
    .getByRole('link', { name: ja('pr.matrix') })
    .click()
  assert.equal(await h1(page), ja('pr.matrix.title'))
  assert.equal(await page.locator('svg[role="img"]').count(), 1)
  const summary = (await page.locator('.pr-summary').textContent()) ?? ''
  assert.match(summary, /重複 \d+件、漏れ \d+件/)
  const findingsTable = page.getByRole('table', { name: ja('pr.matrix.findings') })
  const overlap = findingsTable
    .getByRole('row')
    .filter({ hasText: '離職者等再就職訓練事業' })
    .filter({ hasText: '求職者' })
  assert.ok((await overlap.textContent())?.includes(ja('pr.matrix.overlap')))
  const gap = findingsTable
    .getByRole('row')
    .filter({ hasText: '若年者就業支援（しごとセンター）事業' })
  assert.ok((await gap.textContent())?.includes(ja('pr.matrix.gap')))
  await axe.check(page, 'coverage matrix')
  await page.locator('#field-area').selectOption({ label: '世界に冠たる観光都市東京の実現' })
  await Promise.all([
    page.waitForURL(/area=tourism/),
    page.getByRole('button', { name: ja('pr.filter') }).click(),
  ])
  assert.equal(
    await findingsTable.getByRole('row').filter({ hasText: '離職者等再就職訓練事業' }).count(),
    0,
  )
  await page.goto(url('/pr/matrix'))

  // The overlap becomes an action, which appears on the schedule.
  await overlap.getByRole('link', { name: /改善策にする/ }).click()
  assert.equal(await page.locator('#field-kind').inputValue(), 'merge')
  await page.locator('#field-title').fill('職業訓練の募集広報を一本化する')
  await page.locator('#field-ownerUnitId').selectOption({ label: '能力開発課' })
  await page.locator('#field-dueOn').fill(`${demoFiscalYear() + 1}-03-20`)
  await axe.check(page, 'action form')
  await Promise.all([
    page.waitForURL(/\/pr\/actions\/[0-9a-f-]+\?notice=common\.created$/),
    page.getByRole('button', { name: ja('common.save') }).click(),
  ])
  await axe.check(page, 'action')
  await page.goto(url('/pr/actions'))
  assert.ok(await page.getByRole('link', { name: '職業訓練の募集広報を一本化する' }).isVisible())
  await axe.check(page, 'actions')
  await page.goto(url('/schedule'))
  assert.ok(
    (await page.locator('main').textContent())?.includes('統合: 職業訓練の募集広報を一本化する'),
  )
  for (const p of ['/pr/team', '/pr/audiences']) {
    await page.goto(url(p))
    await axe.check(page, p)
  }

  for (const s of [office, dept, hq]) {
    await s.context.close()
    assert.deepEqual(s.problems, [])
  }
  axe.assertClean()
})
