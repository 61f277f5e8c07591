import type { Child } from 'hono/jsx'
import { formatDate } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import type { PageContext } from '../../views/layout.tsx'

/** A calendar date (YYYY-MM-DD) in the reader's format. */
export const day = (iso: string | null, page: PageContext) =>
  iso ? formatDate(new Date(`${iso}T03:00:00Z`), page.locale) : '—'

/** The module's pages, as links under the heading. */
export function SubNav({ page, current }: { page: PageContext; current: string }) {
  const { t } = page
  const links: [string, Parameters<Translate>[0]][] = [
    ['/disclosure/requests', 'disclosure.requests.title'],
    ['/disclosure/candidates', 'disclosure.candidates.title'],
    ['/disclosure/datasets', 'disclosure.datasets.title'],
    ['/disclosure/holdings', 'disclosure.holdings.title'],
  ]
  return (
    <nav aria-label={t('disclosure.nav')} class="disclosure-subnav">
      <ul>
        {links.map(([href, key]) => (
          <li>
            <a href={href} aria-current={current === href ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  )
}
