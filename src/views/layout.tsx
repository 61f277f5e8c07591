import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { Actor } from '../auth/actor.ts'
import { hasRole } from '../auth/actor.ts'
import type { Locale, Translate } from '../i18n/index.ts'

/** What every page needs to draw its frame. */
export interface PageContext {
  t: Translate
  locale: Locale
  actor: Actor | null
  csrfToken: string
  path: string
  unread?: number
}

export interface Crumb {
  label: string
  href?: string
}

interface LayoutProps {
  page: PageContext
  title: string
  crumbs?: Crumb[]
  notice?: string | undefined
  refreshSeconds?: number
  children: Child
}

function NavLink({ href, current, children }: { href: string; current: string; children: Child }) {
  const active = href === '/' ? current === '/' : current.startsWith(href)
  return (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  )
}

export function Layout({ page, title, crumbs, notice, refreshSeconds, children }: LayoutProps) {
  const { t, actor, locale } = page
  const other = locale === 'ja' ? 'en' : 'ja'
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
          <title>{`${title} | ${t('app.short')}`}</title>
          <link rel="stylesheet" href="/static/tokens.css" />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/app.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t('nav.skip')}
          </a>
          <header class="site-header">
            <div class="site-header__inner">
              <a class="site-title" href="/">
                {t('app.name')}
              </a>
              <div class="site-tools">
                <a href="/portal">{t('councils.portalNav')}</a>
                <a
                  href={`/lang/${other}?next=${encodeURIComponent(page.path)}`}
                  lang={other}
                  hreflang={other}
                >
                  {t('nav.language')}
                </a>
                {actor ? (
                  <>
                    <a href="/account">{actor.displayName}</a>
                    <form method="post" action="/logout" class="inline-form">
                      <input type="hidden" name="_csrf" value={page.csrfToken} />
                      <button type="submit" class="button button--link">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </>
                ) : (
                  <a href="/login">{t('nav.signIn')}</a>
                )}
              </div>
            </div>
            {actor ? (
              <nav aria-label={t('nav.main')} class="site-nav">
                <ul>
                  <NavLink href="/" current={page.path}>
                    {t('nav.home')}
                  </NavLink>
                  <NavLink href="/org" current={page.path}>
                    {t('nav.org')}
                  </NavLink>
                  <NavLink href="/proposals" current={page.path}>
                    {t('proposals.nav')}
                  </NavLink>
                  <NavLink href="/programs" current={page.path}>
                    {t('programs.nav')}
                  </NavLink>
                  <NavLink href="/initiatives" current={page.path}>
                    {t('initiatives.nav')}
                  </NavLink>
                  {hasRole(
                    actor,
                    'admin',
                    'hq_chief',
                    'hq_member',
                    'hq_secretariat',
                    'dept_lead',
                  ) ? (
                    <NavLink href="/hq" current={page.path}>
                      {t('hq.nav')}
                    </NavLink>
                  ) : null}
                  <NavLink href="/pr" current={page.path}>
                    {t('pr.nav')}
                  </NavLink>
                  <NavLink href="/schedule" current={page.path}>
                    {t('schedule.nav')}
                  </NavLink>
                  <NavLink href="/news" current={page.path}>
                    {t('newsletter.nav')}
                  </NavLink>
                  <NavLink href="/inbox" current={page.path}>
                    {t('nav.inbox')}
                    {page.unread ? <span class="badge">{page.unread}</span> : null}
                  </NavLink>
                  {hasRole(
                    actor,
                    'council_secretary',
                    'disclosure_officer',
                    'hq_secretariat',
                    'hq_chief',
                    'admin',
                  ) ? (
                    <NavLink href="/councils" current={page.path}>
                      {t('councils.nav')}
                    </NavLink>
                  ) : null}
                  {hasRole(actor, 'disclosure_officer', 'admin') ? (
                    <NavLink href="/disclosure" current={page.path}>
                      {t('disclosure.nav')}
                    </NavLink>
                  ) : hasRole(
                      actor,
                      'office_manager',
                      'dept_lead',
                      'hq_chief',
                      'hq_member',
                      'hq_secretariat',
                    ) ? (
                    <NavLink href="/disclosure/holdings" current={page.path}>
                      {t('disclosure.holdings.title')}
                    </NavLink>
                  ) : null}
                  {hasRole(actor, 'admin') ? (
                    <NavLink href="/admin" current={page.path}>
                      {t('nav.admin')}
                    </NavLink>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </header>
          {crumbs?.length ? (
            <nav aria-label={t('nav.breadcrumb')} class="breadcrumbs">
              <ol>
                {crumbs.map((crumb) => (
                  <li>
                    {crumb.href ? (
                      <a href={crumb.href}>{crumb.label}</a>
                    ) : (
                      <span aria-current="page">{crumb.label}</span>
                    )}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <main id="main" tabindex={-1}>
            {notice ? (
              <div class="notice" role="status">
                {notice}
              </div>
            ) : null}
            {children}
          </main>
          <footer class="site-footer">
            <p>{t('footer.text')}</p>
          </footer>
        </body>
      </html>
    </>
  )
}
