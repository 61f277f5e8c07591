import type { Translate } from '../../i18n/index.ts'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { StatusTag } from './common.views.tsx'
import { type Dashboard, FUNNEL_STAGES } from './dashboard.service.ts'
import type { listAdopted } from './decisions.service.ts'
import { ProgressTable } from './proposal.views.tsx'
import type { FunnelCounts } from './proposals.types.ts'

/** A funnel as horizontal bars, drawn on the server; the table beside it says the same. */
export function FunnelChart({
  t,
  id,
  title,
  funnel,
}: {
  t: Translate
  id: string
  title: string
  funnel: FunnelCounts
}) {
  const max = Math.max(1, funnel.submitted)
  const rowHeight = 28
  const labelWidth = 110
  const barWidth = 300
  const height = FUNNEL_STAGES.length * rowHeight + 8
  return (
    <figure class="proposals-funnel">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        viewBox={`0 0 ${labelWidth + barWidth + 50} ${height}`}
        class="proposals-funnel__svg"
      >
        <title id={`${id}-title`}>{title}</title>
        {FUNNEL_STAGES.map((stage, i) => {
          const value = funnel[stage]
          const w = (value / max) * barWidth
          const y = i * rowHeight + 4
          return (
            <g>
              <text x={labelWidth - 6} y={y + 17} text-anchor="end" font-size="13">
                {t(`proposals.funnel.${stage}`)}
              </text>
              <rect
                x={labelWidth + (barWidth - w) / 2}
                y={y}
                width={Math.max(w, 1)}
                height={rowHeight - 6}
                class={`proposals-funnel__bar proposals-funnel__bar--${i}`}
              />
              <text x={labelWidth + barWidth + 6} y={y + 17} font-size="13">
                {value}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}

function FunnelTable({
  t,
  caption,
  rows,
}: {
  t: Translate
  caption: string
  rows: { name: string; funnel: FunnelCounts }[]
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.funnel.name')}</th>
          {FUNNEL_STAGES.map((s) => (
            <th scope="col">{t(`proposals.funnel.${s}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.name}</th>
            {FUNNEL_STAGES.map((s) => (
              <td>{r.funnel[s]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function DashboardPage({ page, dashboard }: { page: PageContext; dashboard: Dashboard }) {
  const { t } = page
  const departments = dashboard.departments.map((d) => ({
    name: d.name ?? t('proposals.area.whole'),
    funnel: d.funnel,
  }))
  return (
    <Layout
      page={page}
      title={t('proposals.dashboard')}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: t('proposals.dashboard') },
      ]}
    >
      <h1>{t('proposals.dashboard')}</h1>
      <h2>{t('proposals.funnel.byCampaign')}</h2>
      <div class="proposals-funnels">
        {dashboard.campaigns.map((c, i) => (
          <div>
            <h3>{c.title}</h3>
            <FunnelChart
              t={t}
              id={`funnel-c${i}`}
              title={t('proposals.funnel.chartTitle', { name: c.title })}
              funnel={c.funnel}
            />
          </div>
        ))}
      </div>
      <FunnelTable
        t={t}
        caption={t('proposals.funnel.byCampaign')}
        rows={dashboard.campaigns.map((c) => ({ name: c.title, funnel: c.funnel }))}
      />
      <h2>{t('proposals.funnel.byDepartment')}</h2>
      <div class="proposals-funnels">
        {departments.map((d, i) => (
          <div>
            <h3>{d.name}</h3>
            <FunnelChart
              t={t}
              id={`funnel-d${i}`}
              title={t('proposals.funnel.chartTitle', { name: d.name })}
              funnel={d.funnel}
            />
          </div>
        ))}
      </div>
      <FunnelTable t={t} caption={t('proposals.funnel.byDepartment')} rows={departments} />
    </Layout>
  )
}

type Adopted = Awaited<ReturnType<typeof listAdopted>>

export function AdoptedPage({ page, items }: { page: PageContext; items: Adopted }) {
  const { t } = page
  return (
    <Layout
      page={page}
      title={t('proposals.adopted')}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: t('proposals.adopted') },
      ]}
    >
      <h1>{t('proposals.adopted')}</h1>
      <p>{t('proposals.adopted.lead')}</p>
      {items.length === 0 ? (
        <p>{t('proposals.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('proposals.field.title')}</th>
              <th scope="col">{t('proposals.field.ownerUnitId')}</th>
              <th scope="col">{t('proposals.field.becomes')}</th>
              <th scope="col">{t('proposals.field.dueOn')}</th>
              <th scope="col">{t('proposals.field.percent')}</th>
              <th scope="col">{t('proposals.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/proposals/${a.proposal.id}`}>{a.proposal.title}</a>
                </th>
                <td>{a.ownerName ?? ''}</td>
                <td>{a.becomes ? t(`proposals.becomes.${a.becomes}`) : ''}</td>
                <td>{a.dueOn ?? ''}</td>
                <td>
                  <progress
                    max={100}
                    value={a.percent}
                    aria-label={`${a.proposal.title} ${a.percent}%`}
                  >
                    {a.percent}%
                  </progress>{' '}
                  {a.percent}%
                </td>
                <td>
                  <StatusTag t={t} status={a.proposal.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}

export { ProgressTable }
