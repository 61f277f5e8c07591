import { formatBytes } from '../../files/index.ts'
import { formatDateTime } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { DisclosureSettings } from './candidates.service.ts'
import { day, Section, SubNav, TextArea } from './disclosure.components.tsx'
import { LICENSE_IDS } from './disclosure.tables.ts'
import type { Candidate, Dataset } from './disclosure.types.ts'
import { LICENSES } from './licenses.ts'

type Values = Record<string, string>
const FREQUENCIES = ['irregular', 'daily', 'monthly', 'quarterly', 'annual'] as const

/** The dataset fields, shared by the new-dataset, edit and publish-a-candidate forms. */
export function DatasetFields(props: {
  t: Translate
  units: { id: string; name: string }[]
  values: Values
  errors?: FormErrors | null | undefined
}) {
  const { t, values, errors } = props
  return (
    <>
      <TextField
        t={t}
        name="title"
        label={t('disclosure.field.datasetTitle')}
        value={values.title}
        errors={errors}
        required
      />
      <TextField
        t={t}
        name="name"
        label={t('disclosure.field.datasetName')}
        value={values.name}
        errors={errors}
        required
        hint={t('disclosure.hint.datasetName')}
      />
      <TextArea
        t={t}
        name="notes"
        label={t('disclosure.field.notes')}
        value={values.notes}
        errors={errors}
        rows={3}
      />
      <SelectField
        t={t}
        name="unitId"
        label={t('disclosure.field.publisher')}
        value={values.unitId}
        errors={errors}
        required
        includeEmpty={t('disclosure.choose')}
        options={props.units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <SelectField
        t={t}
        name="licenseId"
        label={t('disclosure.field.license')}
        value={values.licenseId ?? 'cc-by-4.0'}
        errors={errors}
        required
        options={LICENSE_IDS.map((l) => ({ value: l, label: LICENSES[l].title }))}
      />
      <TextField
        t={t}
        name="tags"
        label={t('disclosure.field.tags')}
        value={values.tags}
        errors={errors}
        hint={t('disclosure.hint.tags')}
      />
      <SelectField
        t={t}
        name="frequency"
        label={t('disclosure.field.frequency')}
        value={values.frequency ?? 'irregular'}
        errors={errors}
        required
        options={FREQUENCIES.map((f) => ({ value: f, label: t(`disclosure.frequency.${f}`) }))}
      />
    </>
  )
}

export function CandidatesPage(props: {
  page: PageContext
  candidates: Candidate[]
  settings: DisclosureSettings
  datasets: Dataset[]
  units: { id: string; name: string }[]
  errors?: FormErrors | null
  values?: Values
  /** The candidate whose form the errors belong to. */
  formFor?: string
  notice?: string | undefined
}) {
  const { page, candidates, settings, errors } = props
  const { t } = page
  const publicDatasets = props.datasets.filter((d) => !d.isPrivate)
  const errorsFor = (id: string) => (props.formFor === id ? errors : null)
  return (
    <Layout page={page} title={t('disclosure.candidates.title')} notice={props.notice}>
      <h1>{t('disclosure.candidates.title')}</h1>
      <SubNav page={page} current="/disclosure/candidates" />
      <p>
        {t('disclosure.candidates.lead', {
          count: settings.repeatCount,
          days: settings.periodDays,
        })}
      </p>
      <ErrorSummary errors={errors} t={t} />
      {candidates.length === 0 ? <p>{t('disclosure.candidates.none')}</p> : null}
      {candidates.map((c) => (
        <article class="card disclosure-candidate" aria-labelledby={`candidate-${c.id}`}>
          <h2 id={`candidate-${c.id}`}>
            {c.title}（{t('disclosure.candidates.count', { count: c.requests.length })}）
          </h2>
          <p>
            {t(`disclosure.candidate.${c.status}`)}
            {c.link ? (
              <>
                {' '}
                <a href={c.link}>{t('disclosure.candidates.published')}</a>
              </>
            ) : null}
          </p>
          <ul>
            {c.requests.map((r) => (
              <li>
                <a href={`/disclosure/requests/${r.id}`}>{r.subject}</a>（{day(r.receivedOn, page)}
                ）
              </li>
            ))}
          </ul>
          {c.status === 'open' ? (
            <div class="columns">
              <form
                method="post"
                action={`/disclosure/candidates/${c.id}/publish`}
                class="form"
                novalidate
              >
                <h3>{t('disclosure.candidates.publish')}</h3>
                <p class="hint">{t('disclosure.candidates.publishHint')}</p>
                <CsrfField token={page.csrfToken} />
                <input type="hidden" name="version" value={String(c.version)} />
                <PublishFields
                  page={page}
                  candidate={c}
                  units={props.units}
                  values={props.formFor === c.id ? (props.values ?? {}) : { title: c.title }}
                  errors={errorsFor(c.id)}
                />
                <button type="submit" class="button">
                  {t('disclosure.candidates.publishSubmit')}
                </button>
              </form>
              <form
                method="post"
                action={`/disclosure/candidates/${c.id}/close`}
                class="form"
                novalidate
              >
                <h3>{t('disclosure.candidates.close')}</h3>
                <CsrfField token={page.csrfToken} />
                <input type="hidden" name="version" value={String(c.version)} />
                <div class="field">
                  <label for={`dataset-${c.id}`}>{t('disclosure.field.dataset')}</label>
                  <select id={`dataset-${c.id}`} name="datasetId">
                    <option value="">{t('disclosure.choose')}</option>
                    {publicDatasets.map((d) => (
                      <option value={d.id}>{d.title}</option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for={`link-${c.id}`}>{t('disclosure.field.link')}</label>
                  <input id={`link-${c.id}`} name="link" type="text" />
                </div>
                <button type="submit" class="button button--secondary">
                  {t('disclosure.candidates.closeSubmit')}
                </button>
              </form>
            </div>
          ) : null}
        </article>
      ))}
      <Section id="settings" title={t('disclosure.settings.title')}>
        <form method="post" action="/disclosure/settings" class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={String(settings.version)} />
          <TextField
            t={t}
            name="repeatCount"
            type="number"
            label={t('disclosure.field.repeatCount')}
            value={settings.repeatCount}
            required
          />
          <TextField
            t={t}
            name="periodDays"
            type="number"
            label={t('disclosure.field.periodDays')}
            value={settings.periodDays}
            required
          />
          <button type="submit" class="button button--secondary">
            {t('common.save')}
          </button>
        </form>
      </Section>
    </Layout>
  )
}

/** The publish form's own fields, with ids unique to the candidate. */
function PublishFields(props: {
  page: PageContext
  candidate: Candidate
  units: { id: string; name: string }[]
  values: Values
  errors: FormErrors | null | undefined
}) {
  const { t } = props.page
  const id = (name: string) => `${name}-${props.candidate.id}`
  const input = (name: string, label: string, hint?: string) => (
    <div class={`field${props.errors?.[name] ? ' field--error' : ''}`}>
      <label for={id(name)}>{label}</label>
      {hint ? <p class="hint">{hint}</p> : null}
      {props.errors?.[name] ? <p class="field-error">{props.errors[name].join(' ')}</p> : null}
      <input id={id(name)} name={name} type="text" value={props.values[name] ?? ''} required />
    </div>
  )
  return (
    <>
      {input('title', t('disclosure.field.datasetTitle'))}
      {input('name', t('disclosure.field.datasetName'), t('disclosure.hint.datasetName'))}
      <div class="field">
        <label for={id('unitId')}>{t('disclosure.field.publisher')}</label>
        <select id={id('unitId')} name="unitId" required>
          {props.units.map((u) => (
            <option value={u.id} selected={props.values.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('licenseId')}>{t('disclosure.field.license')}</label>
        <select id={id('licenseId')} name="licenseId">
          {LICENSE_IDS.map((l) => (
            <option value={l}>{LICENSES[l].title}</option>
          ))}
        </select>
      </div>
      <input type="hidden" name="frequency" value="irregular" />
    </>
  )
}

export function DatasetsPage(props: {
  page: PageContext
  datasets: Dataset[]
  units: { id: string; name: string }[]
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, datasets, errors } = props
  const { t } = page
  return (
    <Layout page={page} title={t('disclosure.datasets.title')} notice={props.notice}>
      <h1>{t('disclosure.datasets.title')}</h1>
      <SubNav page={page} current="/disclosure/datasets" />
      <p>
        {t('disclosure.datasets.lead')} <a href="/portal/data">{t('disclosure.portal.title')}</a>
      </p>
      <table class="table">
        <caption>{t('disclosure.datasets.caption', { count: datasets.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosure.field.datasetTitle')}</th>
            <th scope="col">{t('disclosure.field.publisher')}</th>
            <th scope="col">{t('disclosure.visibility')}</th>
            <th scope="col">{t('disclosure.resources.count')}</th>
            <th scope="col">{t('disclosure.modified')}</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((d) => (
            <tr>
              <td>
                <a href={`/disclosure/datasets/${d.id}`}>{d.title}</a>
              </td>
              <td>{d.unitName}</td>
              <td>{d.isPrivate ? t('disclosure.private') : t('disclosure.public')}</td>
              <td>{d.resources.length}</td>
              <td>{formatDateTime(d.metadataModified, page.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Section id="new-dataset" title={t('disclosure.datasets.new')}>
        <ErrorSummary errors={errors} t={t} />
        <form method="post" action="/disclosure/datasets" class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <DatasetFields t={t} units={props.units} values={props.values ?? {}} errors={errors} />
          <button type="submit" class="button">
            {t('disclosure.datasets.create')}
          </button>
        </form>
      </Section>
    </Layout>
  )
}

export function DatasetPage(props: {
  page: PageContext
  dataset: Dataset
  units: { id: string; name: string }[]
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, dataset: d, errors } = props
  const { t } = page
  const values = props.values ?? {
    title: d.title,
    name: d.name,
    notes: d.notes,
    unitId: d.unitId,
    licenseId: d.licenseId,
    tags: d.tags.join(', '),
    frequency: d.frequency,
  }
  const version = String(d.version)
  return (
    <Layout
      page={page}
      title={d.title}
      crumbs={[
        { label: t('disclosure.datasets.title'), href: '/disclosure/datasets' },
        { label: d.title },
      ]}
      notice={props.notice}
    >
      <h1>{d.title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <p>
        {t('disclosure.visibility')}:{' '}
        <strong>{d.isPrivate ? t('disclosure.private') : t('disclosure.public')}</strong>
        {d.isPrivate ? null : (
          <>
            {' '}
            <a href={`/portal/data/${d.name}`}>{t('disclosure.portal.view')}</a>
          </>
        )}
      </p>
      <form method="post" action={`/disclosure/datasets/${d.id}/visibility`} class="inline-form">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="visibility" value={d.isPrivate ? 'public' : 'private'} />
        <button type="submit" class="button">
          {d.isPrivate ? t('disclosure.publish') : t('disclosure.withdraw')}
        </button>
      </form>
      <Section id="resources" title={t('disclosure.resources.title')}>
        {d.resources.length === 0 ? (
          <p>{t('disclosure.resources.none')}</p>
        ) : (
          <table class="table">
            <caption class="visually-hidden">{t('disclosure.resources.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.field.resourceName')}</th>
                <th scope="col">{t('disclosure.resources.format')}</th>
                <th scope="col">{t('disclosure.resources.size')}</th>
                <th scope="col">{t('disclosure.modified')}</th>
                <th scope="col">{t('disclosure.resources.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.resources.map((r) => (
                <tr>
                  <td>
                    <a href={`/disclosure/resources/${r.id}/download`}>{r.name}</a>
                  </td>
                  <td>{r.format}</td>
                  <td>{formatBytes(r.size)}</td>
                  <td>{formatDateTime(r.lastModified, page.locale)}</td>
                  <td>
                    {r.generator ? (
                      <form
                        method="post"
                        action={`/disclosure/resources/${r.id}/regenerate`}
                        class="inline-form"
                      >
                        <CsrfField token={page.csrfToken} />
                        <button
                          type="submit"
                          class="button button--secondary"
                          aria-label={`${t('disclosure.resources.regenerate')}: ${r.name}`}
                        >
                          {t('disclosure.resources.regenerate')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div class="columns">
          <form
            method="post"
            action={`/disclosure/datasets/${d.id}/generated`}
            class="form"
            novalidate
          >
            <h3>{t('disclosure.resources.generate')}</h3>
            <SelectField
              t={t}
              name="generator"
              label={t('disclosure.field.generator')}
              value={values.generator}
              errors={errors}
              required
              options={(['programs', 'meetings'] as const).map((g) => ({
                value: g,
                label: t(`disclosure.generator.${g}`),
              }))}
            />
            <SelectField
              t={t}
              name="format"
              label={t('disclosure.resources.format')}
              value={values.format}
              errors={errors}
              required
              options={['CSV', 'XLSX', 'JSON'].map((f) => ({ value: f, label: f }))}
            />
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button--secondary">
              {t('disclosure.resources.generateSubmit')}
            </button>
          </form>
          <form
            method="post"
            action={`/disclosure/datasets/${d.id}/resources`}
            enctype="multipart/form-data"
            class="form"
            novalidate
          >
            <h3>{t('disclosure.resources.upload')}</h3>
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="resourceName"
              label={t('disclosure.field.resourceName')}
              value={values.resourceName}
              errors={errors}
              required
            />
            <TextField
              t={t}
              name="resourceDescription"
              label={t('disclosure.field.resourceDescription')}
              value={values.resourceDescription}
              errors={errors}
            />
            <div class={`field${errors?.resourceFile ? ' field--error' : ''}`}>
              <label for="field-resourceFile">{t('disclosure.field.resourceFile')}</label>
              {errors?.resourceFile ? (
                <p class="field-error" id="error-resourceFile">
                  {errors.resourceFile.join(' ')}
                </p>
              ) : null}
              <input
                id="field-resourceFile"
                name="resourceFile"
                type="file"
                accept=".csv,.xlsx,.json"
              />
            </div>
            <button type="submit" class="button button--secondary">
              {t('disclosure.resources.uploadSubmit')}
            </button>
          </form>
        </div>
      </Section>
      <Section id="edit" title={t('disclosure.datasets.edit')}>
        <form method="post" action={`/disclosure/datasets/${d.id}`} class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={version} />
          <DatasetFields t={t} units={props.units} values={values} errors={errors} />
          <button type="submit" class="button">
            {t('common.save')}
          </button>
        </form>
      </Section>
    </Layout>
  )
}
