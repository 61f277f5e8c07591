import type { Child } from 'hono/jsx'
import type { Translate } from '../../i18n/index.ts'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { LineChart } from './programs.charts.tsx'
import { endYearLabel, fiscalYearLabel, percent, query, yen } from './programs.format.ts'
import type { ProgramDetail, RegistryPage } from './programs.service.ts'
import type { Choice, ProgramYearRow, ReviewStatus } from './programs.types.ts'

export const programsCrumb = (t: Translate) => ({ label: t('programs.title'), href: '/programs' })

export function statusLabel(t: Translate, status: ReviewStatus | null) {
  return t(`programs.review.status.${status ?? 'none'}`)
}

/** The filter form shared by the registry and the dashboard (GET, works without JavaScript). */
export function FilterForm(props: {
  t: Translate
  action: string
  locale: PageContext['locale']
  fiscalYears: number[]
  fiscalYear: number | null
  departments: Choice[]
  department: string | null
  q?: string | null
  threshold?: number
  children?: Child
}) {
  const { t } = props
  return (
    <form
      method="get"
      action={props.action}
      class="programs-filter"
      aria-label={t('programs.filter')}
    >
      <div class="field">
        <label for="filter-fiscalYear">{t('programs.col.fiscalYear')}</label>
        <select id="filter-fiscalYear" name="fiscalYear">
          {props.fiscalYears.map((y) => (
            <option value={String(y)} selected={y === props.fiscalYear}>
              {fiscalYearLabel(y, props.locale)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-department">{t('programs.col.department')}</label>
        <select id="filter-department" name="department">
          <option value="">{t('programs.filter.all')}</option>
          {props.departments.map((d) => (
            <option value={d.code} selected={d.code === props.department}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      {props.q !== undefined ? (
        <div class="field">
          <label for="filter-q">{t('programs.filter.q')}</label>
          <input id="filter-q" name="q" type="search" value={props.q ?? ''} />
        </div>
      ) : null}
      {props.threshold !== undefined ? (
        <div class="field">
          <label for="filter-threshold">{t('programs.filter.threshold')}</label>
          <input
            id="filter-threshold"
            name="threshold"
            type="number"
            min="0"
            max="100"
            value={String(props.threshold)}
          />
        </div>
      ) : null}
      <button type="submit" class="button">
        {t('programs.filter.apply')}
      </button>
    </form>
  )
}

/** A table of programme-years; the caption names it for screen readers. */
export function ProgramTable(props: {
  t: Translate
  rows: ProgramYearRow[]
  caption: string
  locale: PageContext['locale']
}) {
  const { t } = props
  return (
    <div class="programs-table-wrap">
      <table class="programs-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programs.col.code')}</th>
            <th scope="col">{t('programs.col.name')}</th>
            <th scope="col">{t('programs.col.department')}</th>
            <th scope="col">{t('programs.col.currentBudget')}</th>
            <th scope="col">{t('programs.col.executedAmount')}</th>
            <th scope="col">{t('programs.col.executionRate')}</th>
            <th scope="col">{t('programs.col.originEvent')}</th>
            <th scope="col">{t('programs.col.endYear')}</th>
            <th scope="col">{t('programs.col.review')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.code}</td>
              <th scope="row">
                <a href={`/programs/${r.id}`}>{r.name}</a>
              </th>
              <td>{r.departmentName}</td>
              <td class="num">{yen(t, r.year.currentBudget)}</td>
              <td class="num">{yen(t, r.year.executedAmount)}</td>
              <td class="num">{percent(r.year.executionRate)}</td>
              <td>{r.originEvent ?? ''}</td>
              <td>{endYearLabel(t, r.endYear, props.locale)}</td>
              <td>
                <a href={`/programs/${r.id}/reviews/${r.year.fiscalYear}`}>
                  {r.verdictName ?? statusLabel(t, r.reviewStatus)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function RegistryPageView(props: {
  page: PageContext
  data: RegistryPage
  q: string | null
  department: string | null
  notice?: string | undefined
}) {
  const { page, data } = props
  const { t, locale } = page
  const filter = { fiscalYear: data.fiscalYear, department: props.department, q: props.q }
  return (
    <Layout page={page} title={t('programs.title')} notice={props.notice}>
      <h1>{t('programs.title')}</h1>
      <p>{t('programs.lead')}</p>
      <ul class="programs-actions">
        <li>
          <a
            href={`/programs/analysis${query({ fiscalYear: data.fiscalYear, department: props.department })}`}
          >
            {t('programs.analysis.link')}
          </a>
        </li>
        <li>
          <a href="/programs/reviews">{t('programs.reviews.link')}</a>
        </li>
        <li>
          <a href={`/programs/export/all.xlsx${query(filter)}`}>{t('programs.export.xlsx')}</a>
        </li>
        <li>
          <a href={`/programs/export/all.csv${query(filter)}`}>{t('programs.export.csv')}</a>
        </li>
        <li>
          <a href="/programs/export/rs">{t('programs.export.rs')}</a>
        </li>
        {data.canImport ? (
          <li>
            <a class="button button--secondary" href="/programs/import">
              {t('programs.import.link')}
            </a>
          </li>
        ) : null}
      </ul>
      <FilterForm
        t={t}
        action="/programs"
        locale={locale}
        fiscalYears={data.fiscalYears}
        fiscalYear={data.fiscalYear}
        departments={data.departments}
        department={props.department}
        q={props.q}
      />
      <p>{t('programs.count', { count: data.total })}</p>
      {data.rows.length ? (
        <ProgramTable
          t={t}
          rows={data.rows}
          locale={locale}
          caption={`${t('programs.title')}（${fiscalYearLabel(data.fiscalYear, locale)}）`}
        />
      ) : (
        <p>{t('programs.empty')}</p>
      )}
      {data.pages > 1 ? (
        <nav aria-label={t('programs.pager')} class="programs-pager">
          {data.page > 1 ? (
            <a href={`/programs${query({ ...filter, page: data.page - 1 })}`}>
              {t('programs.pager.prev')}
            </a>
          ) : null}{' '}
          <span>{t('programs.pager.page', { page: data.page, pages: data.pages })}</span>{' '}
          {data.page < data.pages ? (
            <a href={`/programs${query({ ...filter, page: data.page + 1 })}`}>
              {t('programs.pager.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </Layout>
  )
}

export function ProgramPage(props: { page: PageContext; detail: ProgramDetail }) {
  const { page, detail } = props
  const { t, locale } = page
  const { program, years, reviews } = detail
  const facts: [string, string][] = [
    [t('programs.col.code'), program.code],
    [t('programs.col.department'), program.departmentName],
    [t('programs.col.section'), program.sectionName ?? '—'],
    [t('programs.col.policyArea'), program.policyAreaName ?? '—'],
    [t('programs.col.startYear'), fiscalYearLabel(program.startYear, locale)],
    [t('programs.col.originEvent'), program.originEvent ?? '—'],
    [t('programs.col.endYear'), endYearLabel(t, program.endYear, locale)],
  ]
  return (
    <Layout page={page} title={program.name} crumbs={[programsCrumb(t), { label: program.name }]}>
      <h1>{program.name}</h1>
      <dl class="programs-facts">
        {facts.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <h2>{t('programs.detail.trend')}</h2>
      <LineChart
        id="program-trend"
        title={`${program.name}: ${t('programs.detail.trend')}`}
        description={t('programs.detail.years')}
        series={[
          {
            label: t('programs.analysis.budget'),
            values: years.map((y) => ({ x: y.fiscalYear, y: y.currentBudget ?? 0 })),
          },
          {
            label: t('programs.analysis.executed'),
            values: years.map((y) => ({ x: y.fiscalYear, y: y.executedAmount ?? 0 })),
          },
        ]}
      />
      <div class="programs-table-wrap">
        <table>
          <caption>{t('programs.detail.years')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programs.col.fiscalYear')}</th>
              <th scope="col">{t('programs.col.initialBudget')}</th>
              <th scope="col">{t('programs.col.supplementaryBudget')}</th>
              <th scope="col">{t('programs.col.currentBudget')}</th>
              <th scope="col">{t('programs.col.executedAmount')}</th>
              <th scope="col">{t('programs.col.executionRate')}</th>
              <th scope="col">{t('programs.col.nextYearRequest')}</th>
              <th scope="col">{t('programs.col.outcome')}</th>
              <th scope="col">{t('programs.col.activity')}</th>
              <th scope="col">{t('programs.col.roleNote')}</th>
              <th scope="col">{t('programs.col.review')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => {
              const review = reviews.find((r) => r.fiscalYear === y.fiscalYear)
              return (
                <tr>
                  <th scope="row">{fiscalYearLabel(y.fiscalYear, locale)}</th>
                  <td class="num">{yen(t, y.initialBudget)}</td>
                  <td class="num">{yen(t, y.supplementaryBudget)}</td>
                  <td class="num">{yen(t, y.currentBudget)}</td>
                  <td class="num">{yen(t, y.executedAmount)}</td>
                  <td class="num">{percent(y.executionRate)}</td>
                  <td class="num">{yen(t, y.nextYearRequest)}</td>
                  <td>
                    {y.outcomeIndicator
                      ? `${y.outcomeIndicator}: ${y.outcomeTarget ?? '—'} / ${y.outcomeActual ?? '—'}`
                      : '—'}
                  </td>
                  <td>
                    {y.activityIndicator
                      ? `${y.activityIndicator}: ${y.activityTarget ?? '—'} / ${y.activityActual ?? '—'}`
                      : '—'}
                  </td>
                  <td>{y.roleNote ?? '—'}</td>
                  <td>
                    <a href={`/programs/${program.id}/reviews/${y.fiscalYear}`}>
                      {review?.verdictName ?? statusLabel(t, review?.status ?? null)}
                    </a>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  )
}
