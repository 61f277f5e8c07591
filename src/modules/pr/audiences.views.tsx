import { CsrfField, ErrorSummary, type FormErrors, TextField } from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import { CheckboxGroup, PrLayout } from './pr.components.tsx'
import type { ProgramRef } from './pr.lookups.ts'
import type { Audience } from './pr.types.ts'

export function AudiencesPage(props: {
  page: PageContext
  audiences: Audience[]
  canEdit: boolean
  values?: Record<string, string>
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, errors } = props
  const { t } = page
  return (
    <PrLayout
      page={page}
      title={t('pr.audiences')}
      notice={props.notice}
      crumbs={[{ label: t('pr.audiences') }]}
    >
      <h1>{t('pr.audiences')}</h1>
      <p>{t('pr.audiencesLead')}</p>
      <ErrorSummary errors={errors} t={t} />
      <table>
        <caption>{t('pr.audiences')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('pr.audienceActive')}</th>
          </tr>
        </thead>
        <tbody>
          {props.audiences.map((a) => (
            <tr>
              <td>
                {props.canEdit ? (
                  <form method="post" action={`/pr/audiences/${a.id}`} class="pr-inline">
                    <CsrfField token={page.csrfToken} />
                    <input type="hidden" name="version" value={String(a.version)} />
                    <label for={`audience-${a.id}`} class="visually-hidden">
                      {t('field.name')}
                    </label>
                    <input id={`audience-${a.id}`} name="name" value={a.name} required />
                    <input
                      id={`audience-active-${a.id}`}
                      type="checkbox"
                      name="active"
                      checked={a.active}
                    />
                    <label for={`audience-active-${a.id}`}>{t('pr.audienceActive')}</label>
                    <button type="submit" class="button button--secondary">
                      {t('common.save')}
                      <span class="visually-hidden">: {a.name}</span>
                    </button>
                  </form>
                ) : (
                  a.name
                )}
              </td>
              <td>{a.active ? t('pr.audienceActive') : t('pr.audienceInactive')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canEdit ? (
        <>
          <h2>{t('pr.addAudience')}</h2>
          <form method="post" action="/pr/audiences" class="form narrow" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="name"
              value={props.values?.name ?? ''}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('pr.addAudience')}
            </button>
          </form>
        </>
      ) : null}
    </PrLayout>
  )
}

export function TargetsPage(props: {
  page: PageContext
  program: ProgramRef
  audiences: Audience[]
  targeted: string[]
  canEdit: boolean
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, program } = props
  const { t } = page
  const title = `${t('pr.targets')}: ${program.name}`
  return (
    <PrLayout
      page={page}
      title={title}
      notice={props.notice}
      crumbs={[{ label: t('pr.matrix'), href: '/pr/matrix' }, { label: program.name }]}
    >
      <h1>{title}</h1>
      <p>
        <a href={`/programs/${program.id}`}>
          {program.code} {program.name}
        </a>
        （{program.departmentName}）
      </p>
      <p>{t('pr.targetsLead')}</p>
      <ErrorSummary errors={props.errors} t={t} />
      {props.canEdit ? (
        <form method="post" action={`/pr/targets/${program.id}`} class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <CheckboxGroup
            t={t}
            name="audienceIds"
            legend={t('field.audienceIds')}
            options={props.audiences
              .filter((a) => a.active || props.targeted.includes(a.id))
              .map((a) => ({ value: a.id, label: a.name }))}
            checked={props.targeted}
            errors={props.errors}
          />
          <button type="submit" class="button">
            {t('common.save')}
          </button>
        </form>
      ) : (
        <ul>
          {props.audiences
            .filter((a) => props.targeted.includes(a.id))
            .map((a) => (
              <li>{a.name}</li>
            ))}
        </ul>
      )}
    </PrLayout>
  )
}
