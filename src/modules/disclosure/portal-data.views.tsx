import { formatBytes } from '../../files/index.ts'
import { formatDateTime } from '../../i18n/dates.ts'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { Dataset } from './disclosure.types.ts'
import { LICENSES } from './licenses.ts'

const portalCrumbs = (page: PageContext) => [
  { label: page.t('councils.portal.title'), href: '/portal' },
  { label: page.t('disclosure.portal.title'), href: '/portal/data' },
]

export function PortalDataPage(props: {
  page: PageContext
  q: string
  count: number
  datasets: Dataset[]
  pageNo: number
  pages: number
}) {
  const { page, datasets, q } = props
  const { t } = page
  const link = (n: number) =>
    `/portal/data?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`
  return (
    <Layout
      page={page}
      title={t('disclosure.portal.title')}
      crumbs={[portalCrumbs(page)[0]!, { label: t('disclosure.portal.title') }]}
    >
      <h1>{t('disclosure.portal.title')}</h1>
      <p>{t('disclosure.portal.lead')}</p>
      <search>
        <form method="get" action="/portal/data" class="councils-search">
          <label for="data-q">{t('disclosure.portal.searchLabel')}</label>{' '}
          <input id="data-q" name="q" type="search" value={q} />{' '}
          <button type="submit" class="button">
            {t('disclosure.portal.searchButton')}
          </button>
        </form>
      </search>
      <p role="status">{t('disclosure.portal.count', { count: props.count })}</p>
      <ul class="councils-list">
        {datasets.map((d) => (
          <li>
            <a href={`/portal/data/${d.name}`}>{d.title}</a>
            <br />
            <span class="muted">
              {d.unitName}・{d.resources.map((r) => r.format).join(' / ')}・
              {formatDateTime(d.metadataModified, page.locale)}
            </span>
          </li>
        ))}
      </ul>
      {props.pages > 1 ? (
        <nav aria-label={t('disclosure.portal.pages')}>
          {props.pageNo > 1 ? (
            <a href={link(props.pageNo - 1)}>{t('disclosure.portal.prev')}</a>
          ) : null}{' '}
          {t('disclosure.portal.pageOf', { page: props.pageNo, pages: props.pages })}{' '}
          {props.pageNo < props.pages ? (
            <a href={link(props.pageNo + 1)}>{t('disclosure.portal.next')}</a>
          ) : null}
        </nav>
      ) : null}
      <h2>{t('disclosure.portal.forMachines')}</h2>
      <ul>
        <li>
          <a href="/api/3/action/package_search">CKAN API (package_search)</a>
        </li>
        <li>
          <a href="/catalog.ttl">DCAT (Turtle)</a>
        </li>
        <li>
          <a href="/catalog.jsonld">DCAT (JSON-LD)</a>
        </li>
      </ul>
    </Layout>
  )
}

export function PortalDatasetPage({ page, dataset: d }: { page: PageContext; dataset: Dataset }) {
  const { t } = page
  const license = LICENSES[d.licenseId]
  return (
    <Layout page={page} title={d.title} crumbs={[...portalCrumbs(page), { label: d.title }]}>
      <h1>{d.title}</h1>
      {d.notes ? <p class="disclosure-prewrap">{d.notes}</p> : null}
      <dl class="disclosure-facts">
        <dt>{t('disclosure.field.publisher')}</dt>
        <dd>{d.unitName}</dd>
        <dt>{t('disclosure.field.license')}</dt>
        <dd>
          <a href={license.url}>{license.title}</a>
        </dd>
        <dt>{t('disclosure.field.frequency')}</dt>
        <dd>{t(`disclosure.frequency.${d.frequency as 'irregular'}`)}</dd>
        <dt>{t('disclosure.field.tags')}</dt>
        <dd>{d.tags.length ? d.tags.join('、') : '—'}</dd>
        <dt>{t('disclosure.modified')}</dt>
        <dd>{formatDateTime(d.metadataModified, page.locale)}</dd>
      </dl>
      <table class="table">
        <caption>{t('disclosure.resources.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosure.field.resourceName')}</th>
            <th scope="col">{t('disclosure.resources.format')}</th>
            <th scope="col">{t('disclosure.resources.size')}</th>
            <th scope="col">{t('disclosure.modified')}</th>
          </tr>
        </thead>
        <tbody>
          {d.resources.map((r) => (
            <tr>
              <td>
                <a href={`/portal/data/resources/${r.id}/download`}>{r.name}</a>
                {r.description ? <p class="muted">{r.description}</p> : null}
              </td>
              <td>{r.format}</td>
              <td>{formatBytes(r.size)}</td>
              <td>{formatDateTime(r.lastModified, page.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/api/3/action/package_show?id=${d.name}`}>{t('disclosure.portal.apiLink')}</a>
      </p>
    </Layout>
  )
}
