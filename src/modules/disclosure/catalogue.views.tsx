import { formatBytes } from '../../files/index.ts'
import { formatDateTime } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { Section, SubNav } from './disclosure.components.tsx'
import { LICENSE_IDS } from './disclosure.tables.ts'
import type { Dataset } from './disclosure.types.ts'
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
            <FileField
              t={t}
              name="resourceFile"
              label={t('disclosure.field.resourceFile')}
              errors={errors}
              required
              accept=".csv,.xlsx,.json"
            />
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
