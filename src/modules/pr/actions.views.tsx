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
import { PrLayout } from './pr.components.tsx'
import type { ProgramRef } from './pr.lookups.ts'
import { ACTION_KINDS, ACTION_STATUSES, type Audience, type ImprovementAction } from './pr.types.ts'

export function ActionListPage(props: {
  page: PageContext
  actions: ImprovementAction[]
  canCreate: boolean
  notice?: string | undefined
}) {
  const { page } = props
  const { t } = page
  return (
    <PrLayout
      page={page}
      title={t('pr.actions')}
      notice={props.notice}
      crumbs={[{ label: t('pr.actions') }]}
    >
      <h1>{t('pr.actions')}</h1>
      <p>{t('pr.actions.lead')}</p>
      <p class="actions">
        {props.canCreate ? (
          <a class="button" href="/pr/actions/new">
            {t('pr.actions.new')}
          </a>
        ) : null}
        <a href="/schedule">{t('pr.actions.schedule')}</a>
      </p>
      {props.actions.length === 0 ? (
        <p>{t('pr.actions.none')}</p>
      ) : (
        <table>
          <caption>{t('pr.actions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.title')}</th>
              <th scope="col">{t('field.actionKind')}</th>
              <th scope="col">{t('field.programId')}</th>
              <th scope="col">{t('field.audienceId')}</th>
              <th scope="col">{t('field.ownerUnitId')}</th>
              <th scope="col">{t('field.dueOn')}</th>
              <th scope="col">{t('field.actionStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {props.actions.map((a) => (
              <tr>
                <th scope="row">
                  <a href={`/pr/actions/${a.id}`}>{a.title}</a>
                </th>
                <td>{t(`pr.actionKind.${a.kind}`)}</td>
                <td>{a.programName ?? '—'}</td>
                <td>{a.audienceName ?? '—'}</td>
                <td>{a.ownerUnitName}</td>
                <td>{a.dueOn}</td>
                <td>{t(`pr.actionStatus.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrLayout>
  )
}

export type ActionValues = Record<string, string | number | null | undefined>

export function ActionFormPage(props: {
  page: PageContext
  action?: ImprovementAction
  canEdit: boolean
  owners: Unit[]
  programs: ProgramRef[]
  audiences: Audience[]
  values: ActionValues
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, values, errors, action } = props
  const { t } = page
  const title = action ? action.title : t('pr.actions.new')
  const s = (name: string) => (values[name] == null ? '' : String(values[name]))
  return (
    <PrLayout
      page={page}
      title={title}
      notice={props.notice}
      crumbs={[{ label: t('pr.actions'), href: '/pr/actions' }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form
        method="post"
        action={action ? `/pr/actions/${action.id}` : '/pr/actions'}
        class="form"
        novalidate
      >
        <CsrfField token={page.csrfToken} />
        {action ? <input type="hidden" name="version" value={s('version')} /> : null}
        <fieldset disabled={!props.canEdit} class="pr-plain-fieldset">
          <legend class="visually-hidden">{title}</legend>
          <SelectField
            t={t}
            name="kind"
            label={t('field.actionKind')}
            value={s('kind')}
            options={ACTION_KINDS.map((k) => ({ value: k, label: t(`pr.actionKind.${k}`) }))}
            errors={errors}
            required
          />
          <TextField t={t} name="title" value={s('title')} errors={errors} required />
          <TextArea t={t} name="finding" value={s('finding')} errors={errors} />
          <SelectField
            t={t}
            name="programId"
            value={s('programId')}
            includeEmpty={t('pr.none')}
            options={props.programs.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            errors={errors}
          />
          <SelectField
            t={t}
            name="audienceId"
            value={s('audienceId')}
            includeEmpty={t('pr.none')}
            options={props.audiences.map((a) => ({ value: a.id, label: a.name }))}
            errors={errors}
          />
          <SelectField
            t={t}
            name="ownerUnitId"
            value={s('ownerUnitId')}
            options={props.owners.map((u) => ({ value: u.id, label: u.name }))}
            errors={errors}
            required
          />
          <TextField t={t} name="dueOn" type="date" value={s('dueOn')} errors={errors} required />
          <SelectField
            t={t}
            name="status"
            label={t('field.actionStatus')}
            value={s('status')}
            options={ACTION_STATUSES.map((k) => ({ value: k, label: t(`pr.actionStatus.${k}`) }))}
            errors={errors}
            required
          />
        </fieldset>
        {props.canEdit ? (
          <button type="submit" class="button">
            {t('common.save')}
          </button>
        ) : null}
      </form>
      {action ? (
        <p>
          <a href="/schedule">{t('pr.actions.schedule')}</a>
        </p>
      ) : null}
    </PrLayout>
  )
}

export const actionValues = ({ updatedAt: _, ...a }: ImprovementAction): ActionValues => a
