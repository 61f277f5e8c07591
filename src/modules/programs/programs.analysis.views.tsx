import { Layout, type PageContext } from '../../views/layout.tsx'
import type { Analysis, FlagKind, FlagList } from './programs.analysis.ts'
import { LineChart, ScatterChart } from './programs.charts.tsx'
import { fiscalYearLabel, plain, query } from './programs.format.ts'
import { FilterForm, ProgramTable, programsCrumb } from './programs.views.tsx'

const TABLE_ROWS = 20

export function AnalysisPage(props: { page: PageContext; analysis: Analysis }) {
  const { page, analysis } = props
  const { t, locale } = page
  const { filter } = analysis
  const title = t('programs.analysis.title')
  const params = {
    fiscalYear: filter.fiscalYear,
    department: filter.departmentId,
    threshold: filter.threshold,
  }
  const csv = (kind: FlagKind | 'trend') => `/programs/analysis/${kind}.csv${query(params)}`
  const yearLabel = fiscalYearLabel(filter.fiscalYear, locale)

  const Flag = (p: { id: string; heading: string; list: FlagList; kind: FlagKind }) => (
    <section aria-labelledby={p.id} class="programs-flag">
      <h2 id={p.id}>
        {p.heading}（{t('programs.count', { count: p.list.total })}）
      </h2>
      {p.list.rows.length ? (
        <ProgramTable
          t={t}
          locale={locale}
          caption={`${p.heading}（${yearLabel}）`}
          rows={p.list.rows.slice(0, TABLE_ROWS)}
        />
      ) : (
        <p>{t('programs.empty')}</p>
      )}
      {p.list.total > TABLE_ROWS ? (
        <p class="muted">{t('programs.analysis.more', { count: p.list.total - TABLE_ROWS })}</p>
      ) : null}
      <p>
        <a href={csv(p.kind)}>{t('programs.analysis.csv')}</a>
      </p>
    </section>
  )

  const departments = [...new Set(analysis.trend.map((p) => p.departmentName))]
  const years = [...new Set(analysis.trend.map((p) => p.fiscalYear))].sort()
  const byKey = new Map(analysis.trend.map((p) => [`${p.departmentName}/${p.fiscalYear}`, p]))

  return (
    <Layout page={page} title={title} crumbs={[programsCrumb(t), { label: title }]}>
      <h1>{title}</h1>
      <FilterForm
        t={t}
        action="/programs/analysis"
        locale={locale}
        fiscalYears={analysis.fiscalYears}
        fiscalYear={filter.fiscalYear}
        departments={analysis.departments}
        department={filter.departmentId}
        threshold={filter.threshold}
      />
      <section aria-labelledby="scatter-title">
        <h2 id="scatter-title">{t('programs.analysis.scatter')}</h2>
        {analysis.scatter.rows.length ? (
          <>
            <ScatterChart
              id="scatter"
              title={`${t('programs.analysis.scatter')}（${yearLabel}）`}
              description={t('programs.analysis.scatterDesc')}
              threshold={filter.threshold}
              points={analysis.scatter.rows
                .filter((r) => r.year.executionRate !== null)
                .map((r) => ({
                  label: `${r.name}: ${((r.year.executionRate ?? 0) * 100).toFixed(1)}%`,
                  x: r.year.currentBudget ?? 0,
                  y: r.year.executionRate ?? 0,
                  flagged: (r.year.executionRate ?? 0) * 100 < filter.threshold,
                }))}
            />
            {analysis.scatter.total > analysis.scatter.rows.length ? (
              <p class="muted">
                {t('programs.analysis.scatterLimit', { count: analysis.scatter.rows.length })}
              </p>
            ) : null}
            <details>
              <summary>{t('programs.analysis.table')}</summary>
              <ProgramTable
                t={t}
                locale={locale}
                caption={t('programs.analysis.scatter')}
                rows={analysis.scatter.rows.slice(0, TABLE_ROWS)}
              />
            </details>
            <p>
              <a href={csv('scatter')}>{t('programs.analysis.csv')}</a>
            </p>
          </>
        ) : (
          <p>{t('programs.analysis.noData')}</p>
        )}
      </section>
      <Flag
        id="low-title"
        heading={t('programs.analysis.low', { threshold: filter.threshold })}
        list={analysis.low}
        kind="low"
      />
      <Flag
        id="crisis-title"
        heading={t('programs.analysis.crisis')}
        list={analysis.crisis}
        kind="crisis"
      />
      <Flag
        id="noend-title"
        heading={t('programs.analysis.noEnd')}
        list={analysis.noEnd}
        kind="noEnd"
      />
      <section aria-labelledby="trend-title">
        <h2 id="trend-title">{t('programs.analysis.trend')}</h2>
        <LineChart
          id="trend"
          title={t('programs.analysis.trend')}
          description={t('programs.analysis.trendDesc')}
          series={departments.map((d) => ({
            label: d,
            values: analysis.trend
              .filter((p) => p.departmentName === d)
              .map((p) => ({ x: p.fiscalYear, y: p.budget })),
          }))}
        />
        <details>
          <summary>{t('programs.analysis.table')}</summary>
          <table>
            <caption>{t('programs.analysis.trendDesc')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programs.col.department')}</th>
                {years.map((y) => (
                  <th scope="col">{fiscalYearLabel(y, locale)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr>
                  <th scope="row">{d}</th>
                  {years.map((y) => {
                    const p = byKey.get(`${d}/${y}`)
                    return (
                      <td class="num">{p ? `${plain(p.budget)} / ${plain(p.executed)}` : '—'}</td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <p>
          <a href={csv('trend')}>{t('programs.analysis.csv')}</a>
        </p>
      </section>
    </Layout>
  )
}
