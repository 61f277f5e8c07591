/**
 * The proposals journey in Chromium, with the demo accounts against the real server: a staff
 * member writes a proposal (similar proposals appear while typing) and submits it; the
 * secretariat assigns reviewers; an assigned reviewer scores it blind; the secretariat
 * shortlists it and opens the report; HQ adopts it; the secretariat records progress; the
 * proposer sees the decision, the progress and the notices. Then the no-JavaScript fallback
 * of the similar-proposal check. axe checks every page.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-proposals-password'
const ja = translator('ja')
const TITLE = '申請書の記入例をホームページで公開する'
const PROPOSER = '佐藤 花子'

const axe = new AxeLog()
const problems: string[] = []

const journey = useJourney({ demoPassword: PASSWORD })
const { url } = journey

/** A signed-in profile whose page errors and console errors all land in `problems`. */
async function session(account: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await journey.browser.newContext({ locale: 'ja-JP', ...options })
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`))
  context.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${m.text()}`)
  })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  await journey.signIn(page, account)
  return { context, page }
}

async function check(page: Page, label: string) {
  assert.ok(page.url().startsWith(journey.server.url))
  await axe.check(page, label)
}

async function openStaffCampaign(page: Page) {
  await page.goto(url('/proposals'))
  await check(page, 'proposals home')
  await Promise.all([
    page.waitForURL(/\/proposals\/campaigns\//),
    page.getByRole('link', { name: '職員からの改善提案等の募集' }).click(),
  ])
  await check(page, 'campaign')
}

let proposalUrl = ''

describe('proposal journey', () => {
  test('a staff member writes and submits a proposal, seeing similar ones while typing', async () => {
    const { context, page } = await session('staff')
    await openStaffCampaign(page)
    await Promise.all([
      page.waitForURL(/\/new$/),
      page.getByRole('link', { name: ja('proposals.new') }).click(),
    ])
    await check(page, 'proposal form')
    await page.getByLabel(ja('proposals.field.title')).fill(TITLE)
    await page
      .getByLabel(ja('proposals.field.problem'))
      .fill('補助金の申請は紙の申請書を郵送または窓口に持参する必要があり、書き方も分かりにくい。')
    // The live hint: the seeded 補助金 proposal appears without submitting.
    await page
      .locator('[data-proposals-similar-list]')
      .getByRole('link', { name: '中小企業向け補助金の電子申請' })
      .waitFor({ timeout: 10_000 })
    await page
      .getByLabel(ja('proposals.field.solution'))
      .fill('よくある申請書について記入例をホームページで公開する。')
    await page
      .getByLabel(ja('proposals.field.method'))
      .fill('各課から申請書の様式を集め、記入例を作成する。')
    await page
      .getByLabel(ja('proposals.field.caveats'))
      .fill('様式の改正に合わせて記入例を更新する。')
    await page.getByLabel(ja('proposals.field.areaUnitId')).selectOption({ label: '経営支援課' })
    await check(page, 'proposal form filled')
    await Promise.all([
      page.waitForURL(/notice=proposals\.notice\.submitted/),
      page.getByRole('button', { name: ja('proposals.submit') }).click(),
    ])
    assert.equal(await page.locator('h1').textContent(), TITLE)
    assert.ok(await page.getByRole('status').isVisible())
    assert.ok(
      (await page.locator('main').textContent())?.includes(PROPOSER),
      'the author sees their own name',
    )
    await check(page, 'proposal submitted')
    proposalUrl = new URL(page.url()).pathname
    await context.close()
  })

  test('the secretariat assigns reviewers; an assigned reviewer scores blind', async () => {
    const { context, page } = await session('hq_secretariat')
    await openStaffCampaign(page)
    await Promise.all([
      page.waitForURL(/notice=proposals\.notice\.assigned/),
      page.getByRole('button', { name: /評価者を割り当てる/ }).click(),
    ])
    await check(page, 'campaign after assignment')
    await context.close()

    let scored = 0
    for (const account of ['reviewer', 'reviewer-2', 'reviewer-3', 'reviewer-4']) {
      const r = await session(account)
      await r.page.goto(url('/proposals/review'))
      await check(r.page, `review queue [${account}]`)
      const link = r.page.getByRole('link', { name: TITLE })
      if ((await link.count()) === 0) {
        await r.context.close()
        continue
      }
      await Promise.all([r.page.waitForURL(/\/review$/), link.click()])
      const main = (await r.page.locator('main').textContent()) ?? ''
      assert.ok(
        !main.includes(PROPOSER) && !main.includes('振興課'),
        'the reviewer sees no proposer',
      )
      await check(r.page, `review form [${account}]`)
      const inputs = r.page.locator('input[type="number"]')
      for (let i = 0; i < (await inputs.count()); i++)
        await inputs.nth(i).fill(String(5 - (i % 2) - scored))
      await r.page.getByLabel(ja('proposals.field.note')).fill('効果が高い。')
      await Promise.all([
        r.page.waitForURL(/notice=proposals\.notice\.reviewSaved/),
        r.page.getByRole('button', { name: ja('proposals.review.save') }).click(),
      ])
      await check(r.page, `review saved [${account}]`)
      scored++
      await r.context.close()
    }
    assert.ok(scored >= 2, `assigned reviewers scored it: ${scored}`)
  })

  test('the secretariat shortlists it and reports to HQ; HQ adopts; progress is recorded', async () => {
    const s = await session('hq_secretariat')
    await openStaffCampaign(s.page)
    await Promise.all([
      s.page.waitForURL(/\/ranking$/),
      s.page
        .getByRole('link', { name: ja('proposals.ranking.title') })
        .first()
        .click(),
    ])
    assert.ok(
      ((await s.page.locator('.proposals-alpha').textContent()) ?? '').includes(
        'クリッペンドルフのα',
      ),
    )
    await check(s.page, 'ranking')
    await s.page.getByLabel(ja('proposals.ranking.pick', { title: TITLE })).check()
    await Promise.all([
      s.page.waitForURL(/notice=proposals\.notice\.shortlisted/),
      s.page.getByRole('button', { name: ja('proposals.shortlist') }).click(),
    ])
    await Promise.all([
      s.page.waitForURL(/\/report$/),
      s.page.getByRole('link', { name: ja('proposals.report.title') }).click(),
    ])
    assert.ok(((await s.page.locator('main').textContent()) ?? '').includes(TITLE))
    await check(s.page, 'report')
    const download = await s.page.request.get(url(`${new URL(s.page.url()).pathname}.xlsx`))
    assert.equal(download.status(), 200)
    await s.context.close()

    const hq = await session('hq_chief')
    await hq.page.goto(url('/proposals/awaiting'))
    await check(hq.page, 'awaiting decision')
    await Promise.all([
      hq.page.waitForURL(url(proposalUrl)),
      hq.page.getByRole('link', { name: TITLE }).click(),
    ])
    await check(hq.page, 'proposal for HQ')
    await hq.page.getByLabel(ja('proposals.field.decision')).selectOption('adopt')
    await hq.page
      .getByLabel(ja('proposals.field.ownerUnitId'))
      .selectOption({ label: '経営支援課' })
    await hq.page.getByLabel(ja('proposals.field.dueOn')).fill('2027-03-31')
    await hq.page.getByLabel(ja('proposals.field.becomes')).selectOption('program_change')
    await Promise.all([
      hq.page.waitForURL(/notice=proposals\.notice\.decided/),
      hq.page.getByRole('button', { name: ja('proposals.decision.record') }).click(),
    ])
    await check(hq.page, 'decided')
    await hq.context.close()

    const s2 = await session('hq_secretariat')
    await s2.page.goto(url(proposalUrl))
    await s2.page.getByLabel(ja('proposals.field.percent')).fill('40')
    await s2.page.getByLabel(ja('proposals.field.onDate')).fill('2026-12-10')
    await s2.page.getByLabel(ja('proposals.field.note')).fill('記入例の作成に着手しました。')
    await Promise.all([
      s2.page.waitForURL(/notice=proposals\.notice\.progress/),
      s2.page.getByRole('button', { name: ja('proposals.progress.add') }).click(),
    ])
    await check(s2.page, 'progress recorded')
    await s2.page.goto(url('/proposals/dashboard'))
    assert.ok(await s2.page.locator('svg[role="img"]').first().isVisible())
    await check(s2.page, 'dashboard')
    await s2.context.close()
  })

  test('the proposer sees the decision, the progress and the notices', async () => {
    const { context, page } = await session('staff')
    await page.goto(url('/proposals'))
    await Promise.all([
      page.waitForURL(url(proposalUrl)),
      page.getByRole('link', { name: TITLE }).click(),
    ])
    const main = (await page.locator('main').textContent()) ?? ''
    for (const s of ['採用', '40%', '記入例の作成に着手しました。', '本部へ報告', '評価中'])
      assert.ok(main.includes(s), s)
    await check(page, 'proposer sees decision')
    await page.goto(url('/inbox'))
    assert.ok(((await page.locator('main').textContent()) ?? '').includes(`提案「${TITLE}」：採用`))
    await check(page, 'inbox')
    await page.goto(url('/proposals/adopted'))
    assert.ok(((await page.locator('main').textContent()) ?? '').includes(TITLE))
    await check(page, 'adopted list')
    await context.close()
  })

  test('without JavaScript, the similar-proposal check is a button', async () => {
    const { context, page } = await session('staff', { javaScriptEnabled: false })
    // axe needs scripts, so this journey is not checked by it (the pages are the same markup).
    await page.goto(url('/proposals'))
    await Promise.all([
      page.waitForURL(/\/proposals\/campaigns\//),
      page.getByRole('link', { name: '職員からの改善提案等の募集' }).click(),
    ])
    await Promise.all([
      page.waitForURL(/\/new$/),
      page.getByRole('link', { name: ja('proposals.new') }).click(),
    ])
    await page.getByLabel(ja('proposals.field.title')).fill('観光案内所の多言語対応')
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: ja('proposals.similar.check') }).click(),
    ])
    await page.waitForLoadState()
    assert.ok(
      await page
        .locator('[data-proposals-similar-list]')
        .getByRole('link', { name: '観光案内所の多言語対応の強化' })
        .isVisible(),
    )
    assert.equal(
      await page.getByLabel(ja('proposals.field.title')).inputValue(),
      '観光案内所の多言語対応',
    )
    await context.close()
  })

  test('a long list is paged: the pager, page 2 and a filter kept in its links', async () => {
    // 55 more proposals, submitted through the JSON API with the staff member's session.
    const staff = await session('staff')
    await openStaffCampaign(staff.page)
    const campaignPath = new URL(staff.page.url()).pathname
    const csrf = await staff.page.locator('input[name="_csrf"]').first().inputValue()
    for (let i = 1; i <= 55; i++) {
      const res = await staff.page.request.post(
        url(`/api/v1${campaignPath.replace('/proposals', '')}/proposals`),
        {
          headers: { 'x-csrf-token': csrf },
          data: {
            title: `窓口の待ち時間の短縮 その${i}`,
            problem: '待ち時間が長い。',
            solution: '予約制にする。',
            method: '予約システムを使う。',
            caveats: '予約しない来庁者にも対応する。',
            submit: true,
          },
        },
      )
      assert.equal(res.status(), 201, await res.text())
    }
    await staff.context.close()

    const { context, page } = await session('hq_secretariat')
    await page.goto(url(campaignPath))
    const pager = page.getByRole('navigation', { name: ja('proposals.pager') })
    assert.equal(await pager.locator('[aria-current="page"]').textContent(), '1')
    await check(page, 'campaign list, page 1')
    await Promise.all([
      page.waitForURL(/page=2/),
      pager.getByRole('link', { name: ja('proposals.pager.next') }).click(),
    ])
    assert.equal(await pager.locator('[aria-current="page"]').textContent(), '2')
    await check(page, 'campaign list, page 2')
    await page.getByLabel(ja('proposals.filter.q')).fill('窓口の待ち時間')
    await Promise.all([
      page.waitForURL(/q=/),
      page.getByRole('button', { name: ja('proposals.filter.apply') }).click(),
    ])
    const next = pager.getByRole('link', { name: ja('proposals.pager.next') })
    assert.match((await next.getAttribute('href')) ?? '', /q=%E7%AA%93%E5%8F%A3.*page=2/)
    await check(page, 'campaign list, filtered')
    await context.close()
  })

  test('no script errors, and axe found nothing', () => {
    assert.deepEqual(problems, [])
    axe.assertClean()
  })
})
