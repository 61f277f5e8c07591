import { SelectField } from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import type { Unit } from '../org/index.ts'
import { Heatmap } from './heatmap.tsx'
import type { Finding } from './matrix.service.ts'
import { PrFilterForm, PrLayout } from './pr.components.tsx'
import type { MatrixFilter } from './pr.schemas.ts'
import type { Matrix } from './pr.types.ts'

export function MatrixPage(props: {
  page: PageContext
  matrix: Matrix
  findings: Finding[]
  canAct: boolean
  filter: MatrixFilter
  departments: Unit[]
  areas: { code: string; name: string }[]
}) {
  const { page, matrix, filter } = props
  const { t } = page
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => !!e[1]),
  ).toString()
  const summary = t('pr.matrix.summary', {
    programs: matrix.rows.length,
    audiences: matrix.audiences.length,
    overlaps: matrix.overlaps,
    gaps: matrix.gaps,
  })
  return (
    <PrLayout page={page} title={t('pr.matrix.title')} crumbs={[{ label: t('pr.matrix') }]}>
      <h1>{t('pr.matrix.title')}</h1>
      <p>{t('pr.matrix.lead')}</p>
      <PrFilterForm
        t={t}
        action="/pr/matrix"
        departments={props.departments}
        department={filter.department}
        channel={filter.channel}
      >
        <SelectField
          t={t}
          name="area"
          label={t('pr.policyArea')}
          value={filter.area}
          includeEmpty={t('pr.allAreas')}
          options={props.areas.map((a) => ({ value: a.code, label: a.name }))}
        />
      </PrFilterForm>
      <p class="pr-summary" role="status">
        {matrix.fiscalYear ? `${t('pr.matrix.fiscalYear', { year: matrix.fiscalYear })}: ` : ''}
        {summary}
      </p>
      <p>
        <a href={`/pr/matrix.xlsx${query ? `?${query}` : ''}`}>{t('pr.matrix.export')}</a>
      </p>
      <h2>{t('pr.matrix.findings')}</h2>
      <FindingsTable t={t} findings={props.findings} canAct={props.canAct} />
      <div class="pr-matrix">
        <section aria-labelledby="pr-heat-heading">
          <h2 id="pr-heat-heading">{t('pr.matrix.heatmap')}</h2>
          <section class="pr-scroll" aria-label={t('pr.matrix.heatmap')} tabindex={0}>
            <Heatmap
              matrix={matrix}
              title={t('pr.matrix.title')}
              description={`${t('pr.matrix.heatmapDesc')} ${summary}`}
            />
          </section>
          <p class="muted">{t('pr.matrix.heatmapDesc')}</p>
        </section>
        <section aria-labelledby="pr-table-heading">
          <h2 id="pr-table-heading">{t('pr.matrix.table')}</h2>
          <MatrixTable t={t} matrix={matrix} />
        </section>
      </div>
    </PrLayout>
  )
}

function FindingsTable(props: { t: PageContext['t']; findings: Finding[]; canAct: boolean }) {
  const { t } = props
  if (props.findings.length === 0) return <p>{t('pr.matrix.noFindings')}</p>
  return (
    <section class="pr-scroll" aria-label={t('pr.matrix.findings')} tabindex={0}>
      <table class="pr-findings">
        <caption>{t('pr.matrix.findings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.kind')}</th>
            <th scope="col">{t('pr.matrix.program')}</th>
            <th scope="col">{t('field.audienceId')}</th>
            <th scope="col">{t('pr.media')}</th>
            {props.canAct ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.findings.map((f) => (
            <tr class={f.kind === 'gap' ? 'pr-row--gap' : 'pr-row--overlap'}>
              <td>
                <span class={`pr-tag pr-tag--${f.kind}`}>
                  {f.kind === 'gap' ? t('pr.matrix.gap') : t('pr.matrix.overlap')}
                </span>
              </td>
              <th scope="row">{f.programName}</th>
              <td>{f.audienceName}</td>
              <td>{f.media.map((m) => `${m.name}（${m.unitName}）`).join('、') || '—'}</td>
              {props.canAct ? (
                <td>
                  <a
                    href={`/pr/actions/new?programId=${f.programId}&audienceId=${f.audienceId}&kind=${f.kind === 'gap' ? 'start' : 'merge'}`}
                  >
                    {t('pr.matrix.toAction')}
                    <span class="visually-hidden">
                      : {f.programName} × {f.audienceName}
                    </span>
                  </a>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function MatrixTable(props: { t: PageContext['t']; matrix: Matrix }) {
  const { t, matrix } = props
  return (
    <section class="pr-scroll" aria-label={t('pr.matrix.table')} tabindex={0}>
      <table class="pr-matrix-table">
        <caption>{t('pr.matrix.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pr.matrix.program')}</th>
            {matrix.audiences.map((a) => (
              <th scope="col">{a.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`/pr/targets/${row.programId}`}>{row.name}</a>
                <span class="muted"> {row.departmentName}</span>
              </th>
              {row.cells.map((cell) => (
                <td
                  class={
                    cell.overlap
                      ? 'pr-cell--overlap'
                      : cell.gap
                        ? 'pr-cell--gap'
                        : cell.targeted
                          ? 'pr-cell--targeted'
                          : undefined
                  }
                >
                  {cell.overlap ? <strong>{t('pr.matrix.overlap')} </strong> : null}
                  {cell.gap ? <strong>{t('pr.matrix.gap')}</strong> : null}
                  {cell.media.length ? (
                    <ul>
                      {cell.media.map((m) => (
                        <li>
                          <a href={`/pr/media/${m.id}`}>{m.name}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {cell.targeted && !cell.gap ? (
                    <span class="visually-hidden">{t('pr.matrix.targeted')}</span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
