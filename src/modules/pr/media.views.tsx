import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import type { Unit } from '../org/index.ts'
import { CheckboxGroup, formatNumber, formatYen, PrFilterForm, PrLayout } from './pr.components.tsx'
import type { ProgramRef } from './pr.lookups.ts'
import type { MediaFilter } from './pr.schemas.ts'
import { type Audience, CHANNELS, type Medium, REACH_METRICS } from './pr.types.ts'

export type FormValues = Record<string, string | string[] | number | null | undefined>
const str = (v: FormValues[string]) =>
  Array.isArray(v) ? (v[0] ?? '') : v == null ? '' : String(v)
const list = (v: FormValues[string]) => (Array.isArray(v) ? v : v ? [String(v)] : [])

export function MediaIndexPage(props: {
  page: PageContext
  media: Medium[]
  filter: MediaFilter
  departments: Unit[]
  audiences: Audience[]
  canAdd: boolean
  notice?: string | undefined
}) {
  const { page, filter } = props
  const { t } = page
  return (
    <PrLayout page={page} title={t('pr.title')} notice={props.notice}>
      <h1>{t('pr.title')}</h1>
      <p>{t('pr.lead')}</p>
      {props.canAdd ? (
        <p>
          <a class="button" href="/pr/media/new">
            {t('pr.addMedium')}
          </a>
        </p>
      ) : null}
      <PrFilterForm
        t={t}
        action="/pr"
        departments={props.departments}
        department={filter.department}
        channel={filter.channel}
      >
        <SelectField
          t={t}
          name="audience"
          label={t('field.audienceIds')}
          value={filter.audience}
          includeEmpty={t('pr.allAudiences')}
          options={props.audiences.map((a) => ({ value: a.id, label: a.name }))}
        />
      </PrFilterForm>
      <MediaTable
        t={t}
        media={props.media}
        caption={`${t('pr.media')}（${t('pr.mediaCount', { count: props.media.length })}）`}
      />
    </PrLayout>
  )
}

export function MediaTable(props: { t: PageContext['t']; media: Medium[]; caption: string }) {
  const { t } = props
  if (props.media.length === 0) return <p>{t('pr.noMedia')}</p>
  return (
    <div class="pr-table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('pr.owner')}</th>
            <th scope="col">{t('field.channel')}</th>
            <th scope="col">{t('field.audienceIds')}</th>
            <th scope="col">{t('field.programIds')}</th>
            <th scope="col">{t('field.costPerYear')}</th>
            <th scope="col">{t('pr.reach')}</th>
          </tr>
        </thead>
        <tbody>
          {props.media.map((m) => (
            <tr>
              <th scope="row">
                <a href={`/pr/media/${m.id}`}>{m.name}</a>
              </th>
              <td>{m.unitName}</td>
              <td>{t(`pr.channel.${m.channel}`)}</td>
              <td>{m.audiences.map((a) => a.name).join('、')}</td>
              <td>{m.programs.length}</td>
              <td class="pr-num">{formatYen(t, m.costPerYear)}</td>
              <td class="pr-num">
                {m.reachMetric
                  ? `${t(`pr.metric.${m.reachMetric}`)} ${formatNumber(m.reachValue)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function MediumPage(props: {
  page: PageContext
  medium: Medium
  canEdit: boolean
  notice?: string | undefined
}) {
  const { page, medium: m } = props
  const { t } = page
  const row = (label: string, value: unknown) => (
    <>
      <dt>{label}</dt>
      <dd>{(value as string) ?? '—'}</dd>
    </>
  )
  return (
    <PrLayout page={page} title={m.name} notice={props.notice} crumbs={[{ label: m.name }]}>
      <h1>{m.name}</h1>
      <dl class="meta">
        {row(t('pr.owner'), m.unitName)}
        {row(t('field.channel'), t(`pr.channel.${m.channel}`))}
        {row(t('field.url'), m.url ? <a href={m.url}>{m.url}</a> : '—')}
        {row(t('field.description'), m.description || '—')}
        {row(t('field.costPerYear'), formatYen(t, m.costPerYear))}
        {row(t('field.printRun'), formatNumber(m.printRun))}
        {row(t('field.stock'), formatNumber(m.stock))}
        {row(
          t('pr.reach'),
          m.reachMetric ? `${t(`pr.metric.${m.reachMetric}`)} ${formatNumber(m.reachValue)}` : '—',
        )}
        {row(
          t('pr.survey.period'),
          m.reachFrom || m.reachTo
            ? t('pr.reachPeriod', { from: m.reachFrom ?? '', to: m.reachTo ?? '' })
            : '—',
        )}
        {row(t('field.audienceIds'), m.audiences.map((a) => a.name).join('、') || '—')}
      </dl>
      <h2>{t('field.programIds')}</h2>
      {m.programs.length ? (
        <ul>
          {m.programs.map((p) => (
            <li>
              <a href={`/programs/${p.id}`}>
                {p.code} {p.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>—</p>
      )}
      {props.canEdit ? (
        <div class="actions">
          <a class="button" href={`/pr/media/${m.id}/edit`}>
            {t('pr.editMedium')}
          </a>
          <form method="post" action={`/pr/media/${m.id}/delete`} class="inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button--secondary">
              {t('pr.deleteMedium')}
            </button>
          </form>
        </div>
      ) : null}
    </PrLayout>
  )
}

export function MediumFormPage(props: {
  page: PageContext
  medium?: Medium
  owners: Unit[]
  audiences: Audience[]
  programs: ProgramRef[]
  values: FormValues
  errors?: FormErrors | null
  back?: string
}) {
  const { page, values, errors } = props
  const { t } = page
  const title = props.medium ? t('pr.editMedium') : t('pr.addMedium')
  const action = props.medium ? `/pr/media/${props.medium.id}` : '/pr/media'
  const text = (name: string, type = 'text', required = false) => (
    <TextField
      t={t}
      name={name}
      type={type}
      value={str(values[name])}
      errors={errors}
      required={required}
    />
  )
  return (
    <PrLayout page={page} title={title} crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={action} class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        {props.medium ? <input type="hidden" name="version" value={str(values.version)} /> : null}
        {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
        <SelectField
          t={t}
          name="unitId"
          label={t('pr.owner')}
          value={str(values.unitId)}
          options={props.owners.map((u) => ({ value: u.id, label: u.name }))}
          errors={errors}
          required
        />
        {text('name', 'text', true)}
        <SelectField
          t={t}
          name="channel"
          value={str(values.channel)}
          options={CHANNELS.map((c) => ({ value: c, label: t(`pr.channel.${c}`) }))}
          errors={errors}
          required
        />
        {text('url', 'url')}
        <TextArea t={t} name="description" value={str(values.description)} errors={errors} />
        {text('costPerYear')}
        {text('printRun')}
        {text('stock')}
        <SelectField
          t={t}
          name="reachMetric"
          value={str(values.reachMetric)}
          includeEmpty={t('pr.none')}
          options={REACH_METRICS.map((c) => ({ value: c, label: t(`pr.metric.${c}`) }))}
          errors={errors}
        />
        {text('reachValue')}
        {text('reachFrom', 'date')}
        {text('reachTo', 'date')}
        <CheckboxGroup
          t={t}
          name="audienceIds"
          legend={t('field.audienceIds')}
          options={props.audiences.map((a) => ({ value: a.id, label: a.name }))}
          checked={list(values.audienceIds)}
          errors={errors}
        />
        <CheckboxGroup
          t={t}
          name="programIds"
          legend={t('field.programIds')}
          options={props.programs.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          checked={list(values.programIds)}
          errors={errors}
        />
        <button type="submit" class="button">
          {t('common.save')}
        </button>
      </form>
    </PrLayout>
  )
}

/** A medium as the form shows it. */
export const mediumValues = (m: Medium): FormValues => ({
  unitId: m.unitId,
  name: m.name,
  channel: m.channel,
  url: m.url,
  description: m.description,
  costPerYear: m.costPerYear,
  printRun: m.printRun,
  stock: m.stock,
  reachMetric: m.reachMetric,
  reachValue: m.reachValue,
  reachFrom: m.reachFrom,
  reachTo: m.reachTo,
  audienceIds: m.audiences.map((a) => a.id),
  programIds: m.programs.map((p) => p.id),
  version: m.version,
})
