import { CsrfField, ErrorSummary, type FormErrors, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { DisclosureSettings } from './candidates.service.ts'
import { day, Section, SubNav } from './disclosure.components.tsx'
import { LICENSE_IDS } from './disclosure.tables.ts'
import type { Candidate, Dataset } from './disclosure.types.ts'
import { LICENSES } from './licenses.ts'

type Values = Record<string, string>

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
