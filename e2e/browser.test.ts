/**
 * Browser journeys in Chromium against the real server (a child process on the database under
 * test): every demo role signs in through the login form, browses the organisation and signs
 * out; the secretariat edits a unit and meets validation errors; the English switch; the
 * same journey with JavaScript off. axe checks every page a journey visits (WCAG 2.1 A/AA).
 */
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { translator } from '../src/i18n/index.ts'
import { DEMO_ACCOUNTS, demoEmail, SEED_PEOPLE } from '../src/modules/org/index.ts'
import { testDbKind } from '../src/testing/database.ts'
import { AxeLog } from './support/axe.ts'
import { useJourney } from './support/journey.ts'

const PASSWORD = 'e2e-demo-password'
const ja = translator('ja')
const en = translator('en')

const journey = useJourney({ demoPassword: PASSWORD })

after(() => {
  const { checks, runs, ms } = AxeLog.stats
  console.log(`axe: ${checks} page checks, ${runs} distinct pages, ${Math.round(ms / 1000)} s`)
})

function displayName(role: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)
  const person = SEED_PEOPLE.find((p) => p.key === account?.person)
  assert.ok(person, `no demo person for ${role}`)
  return person.name
}

/** A fresh browser profile (no cookies) that fails the test on page errors and CSP reports. */
async function newContext(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await journey.browser.newContext({ locale: 'ja-JP', ...options })
  const problems: string[] = []
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`))
  context.on('console', (m) => {
    // Error statuses of the pages themselves (401, 403, 400) are expected and asserted on;
    // failing stylesheets or scripts are caught below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${m.text()}`)
  })
  context.on('response', (r) => {
    if (
      r.status() >= 400 &&
      r.request().resourceType() !== 'document' &&
      !/favicon\.ico$/.test(r.url())
    )
      problems.push(`${r.status()} for ${r.request().resourceType()} ${r.url()}`)
  })
  const page = await context.newPage()
  return { context, page, problems }
}

async function finish(context: BrowserContext, problems: string[], axe: AxeLog) {
  await context.close()
  assert.deepEqual(problems, [], 'no script errors or CSP violations in the browser console')
  axe.assertClean()
}

const { url } = journey
/** A locator's text as the DOM holds it, trimmed. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim()
const h1 = (page: Page) => text(page.locator('h1'))
const mainNav = (page: Page, t = ja) => page.getByRole('navigation', { name: t('nav.main') })

async function signIn(
  page: Page,
  axe: AxeLog,
  role: string,
  submit: 'enter' | 'click',
  t = ja,
): Promise<void> {
  await page.goto(url('/login'))
  assert.equal(await h1(page), t('login.title'))
  await axe.check(page, `login [${role}]`)
  await page.getByLabel(t('field.email')).fill(demoEmail(role))
  const password = page.getByLabel(t('field.password'))
  await password.fill(PASSWORD)
  await Promise.all([
    page.waitForURL(url('/')),
    submit === 'enter'
      ? password.press('Enter')
      : page.getByRole('button', { name: t('login.submit') }).click(),
  ])
}

async function signOut(page: Page, axe: AxeLog, role: string, t = ja): Promise<void> {
  await Promise.all([
    page.waitForURL(/\/login\?notice=login\.signedOut$/),
    page.getByRole('button', { name: t('nav.signOut') }).click(),
  ])
  assert.equal(await text(page.getByRole('status')), t('login.signedOut'))
  await axe.check(page, `signed out [${role}]`)
  // The session is gone on the server, not just in this tab.
  const response = await page.goto(url('/org'))
  assert.equal(response?.status(), 401)
  assert.ok((await text(page.locator('main'))).includes(t('errors.unauthorized')))
  await axe.check(page, `unauthorised [${role}]`)
}

/** A wrong password: the form comes back (401) with an error summary and the field marked. */
async function wrongPassword(page: Page, axe: AxeLog, label: string) {
  await page.goto(url('/login'))
  await page.getByLabel(ja('field.email')).fill(demoEmail('staff'))
  await page.getByLabel(ja('field.password')).fill('not-the-password')
  const rejected = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.getByRole('button', { name: ja('login.submit') }).click()
  assert.equal((await rejected).status(), 401)
  await page.waitForLoadState()
  assert.ok(await page.getByRole('alert').isVisible(), 'error summary after a wrong password')
  assert.equal(await page.locator('#field-password').getAttribute('aria-invalid'), 'true')
  assert.equal(await page.getByLabel(ja('field.email')).inputValue(), demoEmail('staff'))
  assert.equal(await page.getByLabel(ja('field.password')).inputValue(), '', 'not echoed back')
  await axe.check(page, `login with errors [${label}]`)
}

/** Departments listed in the organisation tree, as [name, href]. */
async function departments(page: Page, t = ja): Promise<{ name: string; href: string }[]> {
  const label = `（${t('unitKind.department')}）`
  return page.$$eval(
    '.tree li',
    (items, label) =>
      items.flatMap((li) => {
        const a = li.querySelector(':scope > a')
        const kind = li.querySelector(':scope > .muted')
        return a && kind?.textContent === label
          ? [{ name: a.textContent ?? '', href: a.getAttribute('href') ?? '' }]
          : []
      }),
    label,
  )
}

/** /org → a department → one of its people, checking each page. Returns the person's name. */
async function browseOrg(page: Page, axe: AxeLog, label: string, pick: number, t = ja) {
  await Promise.all([
    page.waitForURL(url('/org')),
    mainNav(page, t)
      .getByRole('link', { name: t('nav.org'), exact: true })
      .click(),
  ])
  assert.equal(await h1(page), t('org.title'))
  assert.equal(
    await text(mainNav(page, t).locator('a[aria-current="page"]')),
    t('nav.org'),
    'the menu marks the current section',
  )
  await axe.check(page, `org [${label}]`)

  const depts = await departments(page, t)
  assert.ok(depts.length >= 6, `the demo bureau's six departments are listed: ${depts.length}`)
  const dept = depts[pick % depts.length] as { name: string; href: string }
  await Promise.all([
    page.waitForURL(url(dept.href)),
    page.locator('.tree').getByRole('link', { name: dept.name, exact: true }).click(),
  ])
  assert.ok((await h1(page)).startsWith(dept.name), `unit page heading names ${dept.name}`)
  const crumbs = page.getByRole('navigation', { name: t('nav.breadcrumb') })
  assert.equal(await text(crumbs.locator('[aria-current="page"]')), dept.name)
  await axe.check(page, `unit ${dept.name} [${label}]`)

  const person = page.locator('table tbody tr td:first-child a').first()
  const name = await text(person)
  assert.ok(name.length > 0, `${dept.name} lists its people`)
  await person.click()
  await page.waitForURL(/\/org\/people\/[0-9a-f-]+$/)
  assert.equal(await h1(page), name)
  assert.ok(
    await crumbs.getByRole('link', { name: dept.name, exact: true }).isVisible(),
    'breadcrumb leads back to the department',
  )
  await axe.check(page, `person ${name} [${label}]`)
  return name
}

test('the server under test runs on the database the suite is for', () => {
  assert.equal(journey.server.kind, testDbKind)
  assert.match(journey.server.url, /^http:\/\/127\.0\.0\.1:\d+$/)
})

// Journeys only read, and each has its own browser context, so a few run side by side.
describe('every demo role signs in, browses the organisation and signs out', {
  concurrency: 3,
}, () => {
  DEMO_ACCOUNTS.forEach(({ role }, index) => {
    test(role, async () => {
      const axe = new AxeLog()
      const { context, page, problems } = await newContext()
      const name = displayName(role)

      await signIn(page, axe, role, index % 2 === 0 ? 'enter' : 'click')
      assert.equal(await page.locator('html').getAttribute('lang'), 'ja')
      assert.equal(await h1(page), ja('home.welcome', { name }))
      assert.ok(
        await page
          .getByRole('listitem')
          .filter({ hasText: ja(`role.${role}` as never) })
          .count(),
        'home lists the role',
      )
      await axe.check(page, `home [${role}]`)

      await browseOrg(page, axe, role, index)

      await Promise.all([
        page.waitForURL(url('/account')),
        page.getByRole('banner').getByRole('link', { name, exact: true }).click(),
      ])
      assert.equal(await h1(page), ja('account.title'))
      assert.ok((await text(page.locator('main'))).includes(demoEmail(role)))
      await axe.check(page, `account [${role}]`)

      await Promise.all([
        page.waitForURL(url('/inbox')),
        mainNav(page)
          .getByRole('link', { name: ja('nav.inbox') })
          .click(),
      ])
      assert.equal(await h1(page), ja('inbox.title'))
      await axe.check(page, `inbox [${role}]`)

      const adminLink = mainNav(page).getByRole('link', { name: ja('nav.admin') })
      if (role === 'admin') {
        await Promise.all([page.waitForURL(url('/admin/users')), adminLink.click()])
        assert.equal(await h1(page), ja('admin.users'))
        const table = await text(page.locator('table'))
        for (const a of DEMO_ACCOUNTS) assert.ok(table.includes(demoEmail(a.role)), a.role)
        await axe.check(page, 'admin users [admin]')
      } else {
        assert.equal(await adminLink.count(), 0, 'no admin menu for non-admins')
        const response = await page.goto(url('/admin/users'))
        assert.equal(response?.status(), 403)
      }

      await signOut(page, axe, role)
      await finish(context, problems, axe)
    })
  })
})

test('the secretariat renames a unit, and an empty required field is reported', async () => {
  const axe = new AxeLog()
  const { context, page, problems } = await newContext()
  await signIn(page, axe, 'hq_secretariat', 'enter')

  await page.goto(url('/org'))
  const section = page
    .locator('.tree li')
    .filter({ has: page.locator(`xpath=./span[text()="（${ja('unitKind.section')}）"]`) })
    .first()
    .locator('xpath=./a')
  const oldName = await text(section)
  await section.click()
  await page.waitForURL(/\/org\/units\/[0-9a-f-]+$/)
  const unitUrl = page.url()

  await page.getByRole('link', { name: ja('org.editUnit') }).click()
  await page.waitForURL(`${unitUrl}/edit`)
  assert.equal(await h1(page), ja('org.editUnit'))
  await axe.check(page, 'unit edit form')
  const nameField = page.getByRole('textbox', { name: new RegExp(`^${ja('field.name')}`) })
  assert.equal(await nameField.inputValue(), oldName)
  const newName = `${oldName}（改称）`
  await nameField.fill(newName)
  await Promise.all([
    page.waitForURL(`${unitUrl}?notice=common.saved`),
    page.getByRole('button', { name: ja('common.save') }).click(),
  ])
  assert.equal(await text(page.getByRole('status')), ja('common.saved'))
  assert.ok((await h1(page)).startsWith(newName))
  await axe.check(page, 'unit saved notice')
  await page.goto(url('/org'))
  assert.equal(await page.locator('.tree').getByRole('link', { name: newName }).count(), 1)

  await page.goto(`${unitUrl}/edit`)
  await nameField.fill('')
  const codeField = page.getByRole('textbox', { name: new RegExp(`^${ja('field.code')}`) })
  const code = await codeField.inputValue()
  const response = page.waitForResponse((r) => r.request().method() === 'POST')
  await nameField.press('Enter')
  assert.equal((await response).status(), 400)
  await page.waitForLoadState()
  const summary = page.getByRole('alert')
  assert.equal(await text(summary.getByRole('heading')), ja('common.errorsTitle', { count: 1 }))
  const invalid = page.locator('#field-name')
  assert.equal(await invalid.getAttribute('aria-invalid'), 'true')
  const describedBy = (await invalid.getAttribute('aria-describedby')) ?? ''
  const message = await text(page.locator(`#${describedBy}`))
  assert.ok(message.length > 0, 'the field is described by its error message')
  assert.ok((await text(summary)).includes(message))
  assert.equal(await codeField.inputValue(), code, 'other values are kept')
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 1)
  await axe.check(page, 'unit form with errors')
  // The summary's link takes keyboard users to the field.
  await summary.getByRole('link').click()
  assert.equal(await page.evaluate('document.activeElement?.id'), 'field-name')
  // Nothing was saved.
  await page.goto(unitUrl)
  assert.ok((await h1(page)).startsWith(newName))

  await finish(context, problems, axe)
})

test('the language switch renders the pages in English and back', async () => {
  const axe = new AxeLog()
  const { context, page, problems } = await newContext()
  await signIn(page, axe, 'staff', 'enter')

  await Promise.all([
    page.waitForURL(url('/')),
    page.getByRole('banner').getByRole('link', { name: 'English' }).click(),
  ])
  assert.equal(await page.locator('html').getAttribute('lang'), 'en')
  assert.equal(await h1(page), en('home.welcome', { name: displayName('staff') }))
  const navText = await text(mainNav(page, en))
  for (const key of ['nav.home', 'nav.org', 'nav.inbox'] as const)
    assert.ok(navText.includes(en(key)), key)
  await axe.check(page, 'home (en)')
  await browseOrg(page, axe, 'en', 2, en)
  await page.goto(url('/account'))
  assert.equal(await h1(page), en('account.title'))
  await axe.check(page, 'account (en)')
  await signOut(page, axe, 'staff (en)', en)
  await page.goto(url('/login'))
  assert.equal(await h1(page), en('login.title'))
  await axe.check(page, 'login (en)')

  await page.getByRole('banner').getByRole('link', { name: '日本語' }).click()
  await page.waitForURL(url('/login'))
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja')
  assert.equal(await h1(page), ja('login.title'))
  await finish(context, problems, axe)
})

test('a wrong password is reported; the skip link moves focus to the main content', async () => {
  const { context, page, problems } = await newContext()
  const axe = new AxeLog()
  await wrongPassword(page, axe, 'reviewer')
  await signIn(page, axe, 'reviewer', 'enter')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: ja('nav.skip') })
  assert.equal(await skip.evaluate((el) => el.ownerDocument.activeElement === el), true)
  assert.ok(await skip.isVisible(), 'the skip link shows when focused')
  await page.keyboard.press('Enter')
  assert.equal(await page.evaluate('document.activeElement?.id'), 'main')
  await finish(context, problems, axe)
})

test('sign-in and browsing work with JavaScript disabled', async () => {
  // axe needs scripts in the page; the same pages are checked with JavaScript on above.
  const axe = new AxeLog(false)
  const { context, page, problems } = await newContext({ javaScriptEnabled: false })

  await wrongPassword(page, axe, 'no JS')

  await signIn(page, axe, 'staff', 'click')
  assert.equal(await h1(page), ja('home.welcome', { name: displayName('staff') }))
  await axe.check(page, 'home (no JS)')
  await browseOrg(page, axe, 'no JS', 4)
  await signOut(page, axe, 'staff (no JS)')
  await finish(context, problems, axe)
})
