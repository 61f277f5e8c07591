import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { OrgGroup, Person } from './org.types.ts'

export function GroupPage(props: {
  page: PageContext
  group: OrgGroup
  canEdit: boolean
  candidates: Person[]
  values?: Record<string, string>
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, group, errors } = props
  const { t } = page
  return (
    <Layout
      page={page}
      title={group.name}
      notice={props.notice}
      crumbs={[{ label: t('org.title'), href: '/org' }, { label: group.name }]}
    >
      <h1>
        {group.name} <span class="muted">（{t(`groupKind.${group.kind}`)}）</span>
      </h1>
      <h2>{t('org.members')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('org.position')}</th>
            <th scope="col">{t('field.name')}</th>
            <th scope="col">{t('field.unitId')}</th>
            <th scope="col">{t('field.grade')}</th>
            {props.canEdit ? <th scope="col">{t('common.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {group.members.map((m) => (
            <tr>
              <td>{m.position}</td>
              <td>
                <a href={`/org/people/${m.person.id}`}>{m.person.name}</a>
              </td>
              <td>{m.person.unitName}</td>
              <td>{t(`grade.${m.person.grade}`)}</td>
              {props.canEdit ? (
                <td>
                  <form
                    method="post"
                    action={`/org/groups/${group.id}/members/${m.person.id}/remove`}
                    class="inline-form"
                  >
                    <CsrfField token={page.csrfToken} />
                    <button type="submit" class="button button--link">
                      {t('org.removeMember')}
                      <span class="visually-hidden">: {m.person.name}</span>
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {props.canEdit ? (
        <>
          <h2>{t('org.addMember')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form
            method="post"
            action={`/org/groups/${group.id}/members`}
            class="form narrow"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <SelectField
              t={t}
              name="personId"
              value={props.values?.personId}
              options={props.candidates.map((p) => ({
                value: p.id,
                label: `${p.name}（${p.unitName}）`,
              }))}
              errors={errors}
              required
            />
            <TextField
              t={t}
              name="position"
              value={props.values?.position ?? ''}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('common.save')}
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  )
}
