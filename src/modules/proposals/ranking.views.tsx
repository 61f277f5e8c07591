import type { Translate } from '../../i18n/index.ts'
import { CsrfField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { StatusTag } from './common.views.tsx'
import type { Ranking } from './proposals.types.ts'

export function AlphaNote({
  t,
  alpha,
  reviewers,
}: {
  t: Translate
  alpha: number | null
  reviewers: number
}) {
  if (alpha === null) return <p class="proposals-alpha">{t('proposals.ranking.alphaUndefined')}</p>
  const level = alpha >= 0.8 ? 'good' : alpha >= 0.667 ? 'tentative' : 'poor'
  return (
    <p class={`proposals-alpha proposals-alpha--${level}`}>
      {t('proposals.ranking.alphaIs', { alpha: alpha.toFixed(3), reviewers })}{' '}
      {t(`proposals.ranking.alpha.${level}`)}
    </p>
  )
}

export function RankingTable({
  t,
  ranking,
  selectable,
}: {
  t: Translate
  ranking: Ranking
  selectable: boolean
}) {
  const criteria = ranking.campaign.rubric.criteria
  return (
    <table class="proposals-ranking">
      <caption>{t('proposals.ranking.caption', { campaign: ranking.campaign.title })}</caption>
      <thead>
        <tr>
          {selectable ? <th scope="col">{t('proposals.ranking.select')}</th> : null}
          <th scope="col">{t('proposals.ranking.rank')}</th>
          <th scope="col">{t('proposals.field.title')}</th>
          <th scope="col">{t('proposals.ranking.score')}</th>
          <th scope="col">{t('proposals.ranking.reviews')}</th>
          <th scope="col">{t('proposals.ranking.spread')}</th>
          {criteria.map((c) => (
            <th scope="col">
              {c.label}（×{c.weight}）
            </th>
          ))}
          <th scope="col">{t('proposals.field.status')}</th>
        </tr>
      </thead>
      <tbody>
        {ranking.rows.map((r) => {
          const disputed = r.spread !== null && r.spread >= 25
          return (
            <tr class={disputed ? 'proposals-disputed' : undefined}>
              {selectable ? (
                <td>
                  {r.proposal.status === 'under_review' || r.proposal.status === 'submitted' ? (
                    <input
                      type="checkbox"
                      name="proposalIds"
                      value={r.proposal.id}
                      id={`pick-${r.proposal.id}`}
                      aria-label={t('proposals.ranking.pick', { title: r.proposal.title })}
                    />
                  ) : null}
                </td>
              ) : null}
              <td>{r.rank ?? '—'}</td>
              <th scope="row">
                <a href={`/proposals/${r.proposal.id}`}>{r.proposal.title}</a>
              </th>
              <td>{r.score ?? '—'}</td>
              <td>{r.reviews}</td>
              <td>
                {r.spread ?? '—'}
                {disputed ? ` ${t('proposals.ranking.disputed')}` : ''}
              </td>
              {criteria.map((c) => (
                <td>{r.criterionMeans[c.key] ?? '—'}</td>
              ))}
              <td>
                <StatusTag t={t} status={r.proposal.status} />
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function RankingPage({
  page,
  ranking,
  canShortlist,
  notice,
}: {
  page: PageContext
  ranking: Ranking
  canShortlist: boolean
  notice?: string | undefined
}) {
  const { t } = page
  const c = ranking.campaign
  return (
    <Layout
      page={page}
      title={t('proposals.ranking.title')}
      notice={notice}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: c.title, href: `/proposals/campaigns/${c.id}` },
        { label: t('proposals.ranking.title') },
      ]}
    >
      <h1>{t('proposals.ranking.title')}</h1>
      <AlphaNote t={t} alpha={ranking.alpha} reviewers={ranking.reviewers} />
      <p class="hint">{t('proposals.ranking.explain')}</p>
      {canShortlist ? (
        <form method="post" action={`/proposals/campaigns/${c.id}/shortlist`}>
          <CsrfField token={page.csrfToken} />
          <RankingTable t={t} ranking={ranking} selectable />
          <button type="submit" class="button">
            {t('proposals.shortlist')}
          </button>
        </form>
      ) : (
        <RankingTable t={t} ranking={ranking} selectable={false} />
      )}
      <p>
        <a href={`/proposals/campaigns/${c.id}/report`}>{t('proposals.report.title')}</a>
      </p>
    </Layout>
  )
}

export function ReportPage({ page, ranking }: { page: PageContext; ranking: Ranking }) {
  const { t } = page
  const c = ranking.campaign
  return (
    <Layout
      page={page}
      title={t('proposals.report.title')}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: c.title, href: `/proposals/campaigns/${c.id}` },
        { label: t('proposals.report.title') },
      ]}
    >
      <div class="proposals-report">
        <h1>{t('proposals.report.heading', { campaign: c.title })}</h1>
        <p class="proposals-noprint">
          <a class="button" href={`/proposals/campaigns/${c.id}/report.xlsx`}>
            {t('proposals.report.xlsx')}
          </a>{' '}
          {t('proposals.report.printHint')}
        </p>
        <p>
          {t('proposals.field.period')}: {c.opensOn} – {c.closesOn}
        </p>
        <AlphaNote t={t} alpha={ranking.alpha} reviewers={ranking.reviewers} />
        {ranking.rows.length ? (
          <RankingTable t={t} ranking={ranking} selectable={false} />
        ) : (
          <p>{t('proposals.report.empty')}</p>
        )}
      </div>
    </Layout>
  )
}
