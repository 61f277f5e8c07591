import type { Translate } from '../../i18n/index.ts'
import type { PageContext } from '../../views/layout.tsx'
import { StatusTag } from './common.views.tsx'
import { type Paged, pagerNumbers } from './paging.ts'
import { PAGE_SIZE } from './proposals.schemas.ts'
import { type ProposalSummary, type Slice, STATUSES } from './proposals.types.ts'

/** One page of proposals, as the list pages get it. */
export type ProposalList = Paged<Slice<ProposalSummary>>

/** The filters of a list page, as typed (kept in the pager's links). */
export interface ListPageFilter {
  status?: string | undefined
  q?: string | undefined
}

/** A link to another page of the same list, keeping its filters (empty ones are left out). */
export function pageHref(
  path: string,
  params: Record<string, string | undefined>,
  page: number,
): string {
  const query = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v)
  if (page > 1) query.set('page', String(page))
  const s = query.toString()
  return s ? `${path}?${s}` : path
}

/** "120件中 51〜100件目": where this page lies in the list. */
export function RangeNote(props: { t: Translate; page: number; total: number; count: number }) {
  if (props.total === 0) return null
  const from = (props.page - 1) * PAGE_SIZE + 1
  return (
    <p class="proposals-range">
      {props.t('proposals.list.range', {
        total: props.total,
        from,
        to: from + props.count - 1,
      })}
    </p>
  )
}

/**
 * Previous, numbered and next links in a labelled nav; the current page is marked with
 * aria-current. Plain links: it works without JavaScript, and the filters stay in each link.
 */
export function Pager(props: {
  t: Translate
  label: string
  path: string
  params: Record<string, string | undefined>
  page: number
  pages: number
}) {
  const { t, page, pages } = props
  if (pages <= 1) return null
  const href = (n: number) => pageHref(props.path, props.params, n)
  return (
    <nav aria-label={props.label} class="proposals-pager">
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('proposals.pager.prev')}
            </a>
          </li>
        ) : null}
        {pagerNumbers(page, pages).map((n) =>
          n === null ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              <a
                href={href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('proposals.pager.page', { page: n })}
              >
                {n}
              </a>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('proposals.pager.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function ProposalTable({
  page,
  proposals,
  empty,
}: {
  page: PageContext
  proposals: ProposalSummary[]
  empty: string
}) {
  const { t } = page
  if (proposals.length === 0) return <p>{empty}</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('proposals.field.title')}</th>
          <th scope="col">{t('proposals.campaign')}</th>
          <th scope="col">{t('proposals.field.status')}</th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p) => (
          <tr>
            <td>
              <a href={`/proposals/${p.id}`}>{p.title}</a>
            </td>
            <td>{p.campaignTitle}</td>
            <td>
              <StatusTag t={t} status={p.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A page of proposals: where it lies in the list, the table, and the pager. */
export function ListOfProposals(props: {
  page: PageContext
  list: ProposalList
  path: string
  filter: ListPageFilter
  empty: string
}) {
  const { t } = props.page
  const { slice, page, pages } = props.list
  return (
    <>
      <RangeNote t={t} page={page} total={slice.total} count={slice.items.length} />
      <ProposalTable page={props.page} proposals={slice.items} empty={props.empty} />
      <Pager
        t={t}
        label={t('proposals.pager')}
        path={props.path}
        params={{ status: props.filter.status, q: props.filter.q }}
        page={page}
        pages={pages}
      />
    </>
  )
}

/** Status and words: a GET form, so the filtered list is a link like any other. */
export function ProposalFilter(props: { t: Translate; action: string; filter: ListPageFilter }) {
  const { t, filter } = props
  return (
    <form
      method="get"
      action={props.action}
      class="proposals-filter"
      aria-label={t('proposals.filter')}
    >
      <div class="field">
        <label for="filter-status">{t('proposals.field.status')}</label>
        <select id="filter-status" name="status">
          <option value="">{t('proposals.filter.any')}</option>
          {STATUSES.map((s) => (
            <option value={s} selected={filter.status === s}>
              {t(`proposals.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-q">{t('proposals.filter.q')}</label>
        <input id="filter-q" name="q" type="search" maxlength={200} value={filter.q ?? ''} />
      </div>
      <button type="submit" class="button button--secondary">
        {t('proposals.filter.apply')}
      </button>
    </form>
  )
}
