import type { Translate } from '../../i18n/index.ts'
import { type FormErrors, FormPage, SelectField, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { UnitDetail } from './org.service.ts'
import {
  GRADES,
  JOB_FAMILIES,
  type OrgGroup,
  type Person,
  type PrTeamRuleResult,
  UNIT_KINDS,
  type Unit,
} from './org.types.ts'

function UnitTree({
  units,
  parentId,
  t,
}: {
  units: Unit[]
  parentId: string | null
  t: Translate
}) {
  const children = units.filter((u) => u.parentId === parentId)
  if (children.length === 0) return null
  return (
    <ul class="tree">
      {children.map((u) => (
        <li>
          <a href={`/org/units/${u.id}`}>{u.name}</a>{' '}
          <span class="muted">（{t(`unitKind.${u.kind}`)}）</span>
          <UnitTree units={units} parentId={u.id} t={t} />
        </li>
      ))}
    </ul>
  )
}

export function OrgIndexPage(props: {
  page: PageContext
  units: Unit[]
  groups: OrgGroup[]
  prRule: PrTeamRuleResult[]
  canAdd: boolean
}) {
  const { page, units, groups } = props
  const { t } = page
  return (
    <Layout page={page} title={t('org.title')}>
      <h1>{t('org.title')}</h1>
      <p>{t('org.lead')}</p>
      {props.canAdd ? (
        <p>
          <a class="button button--secondary" href="/org/units/new">
            {t('org.newUnit')}
          </a>
        </p>
      ) : null}
      <div class="columns">
        <section aria-labelledby="tree-title">
          <h2 id="tree-title">{t('org.tree')}</h2>
          <UnitTree units={units} parentId={null} t={t} />
        </section>
        <section aria-labelledby="groups-title">
          <h2 id="groups-title">{t('org.groups')}</h2>
          {groups.map((g) => (
            <section aria-labelledby={`group-${g.id}`} class="card">
              <h3 id={`group-${g.id}`}>
                <a href={`/org/groups/${g.id}`}>{g.name}</a>{' '}
                <span class="muted">（{t(`groupKind.${g.kind}`)}）</span>
              </h3>
              <ul class="plain">
                {g.members.map((m) => (
                  <li>
                    {m.position}: <a href={`/org/people/${m.person.id}`}>{m.person.name}</a>{' '}
                    <span class="muted">
                      {m.person.unitName}・{t(`grade.${m.person.grade}`)}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <section aria-labelledby="pr-rule-title" class="card">
            <h3 id="pr-rule-title">{t('org.prRuleTitle')}</h3>
            <p>{t('org.prRule')}</p>
            <ul class="plain">
              {props.prRule.map((r) => {
                if (r.holds)
                  return <li class="ok">✓ {t('org.prRuleOk', { dept: r.departmentName })}</li>
                const problems = [
                  r.memberCount !== 2 ? t('org.prRuleCount', { count: r.memberCount }) : '',
                  r.aboveChiefGrade ? t('org.prRuleGrade') : '',
                  r.fromOffices !== 1 ? t('org.prRuleOffice', { count: r.fromOffices }) : '',
                ].filter(Boolean)
                return (
                  <li class="warn">
                    ⚠{' '}
                    {t('org.prRuleBroken', {
                      dept: r.departmentName,
                      problem: problems.join('、'),
                    })}
                  </li>
                )
              })}
            </ul>
          </section>
        </section>
      </div>
    </Layout>
  )
}

function PeopleTable({ people, t, canEdit }: { people: Person[]; t: Translate; canEdit: boolean }) {
  if (people.length === 0) return <p>{t('org.noPeople')}</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('field.name')}</th>
          <th scope="col">{t('field.title')}</th>
          <th scope="col">{t('field.grade')}</th>
          <th scope="col">{t('field.jobFamily')}</th>
          {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr>
            <td>
              <a href={`/org/people/${p.id}`}>{p.name}</a>
            </td>
            <td>{p.title ?? ''}</td>
            <td>{t(`grade.${p.grade}`)}</td>
            <td>{t(`jobFamily.${p.jobFamily}`)}</td>
            {canEdit ? (
              <td>
                <a href={`/org/people/${p.id}/edit`}>
                  {t('common.edit')}
                  <span class="visually-hidden">: {p.name}</span>
                </a>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function UnitPage({
  page,
  detail,
  notice,
}: {
  page: PageContext
  detail: UnitDetail
  notice?: string | undefined
}) {
  const { t } = page
  const { unit } = detail
  return (
    <Layout
      page={page}
      title={unit.name}
      notice={notice}
      crumbs={[
        { label: t('org.title'), href: '/org' },
        ...detail.ancestors.map((a) => ({ label: a.name, href: `/org/units/${a.id}` })),
        { label: unit.name },
      ]}
    >
      <h1>
        {unit.name} <span class="muted">（{t(`unitKind.${unit.kind}`)}）</span>
      </h1>
      <dl class="meta">
        <dt>{t('field.code')}</dt>
        <dd>{unit.code}</dd>
        {unit.nameEn ? (
          <>
            <dt>{t('field.nameEn')}</dt>
            <dd lang="en">{unit.nameEn}</dd>
          </>
        ) : null}
      </dl>
      <p class="actions">
        {detail.canEdit ? <a href={`/org/units/${unit.id}/edit`}>{t('org.editUnit')}</a> : null}
        {detail.canAddChild ? (
          <a href={`/org/units/new?parentId=${unit.id}`}>{t('org.newUnit')}</a>
        ) : null}
        {detail.canEditPeople ? (
          <a href={`/org/people/new?unitId=${unit.id}`}>{t('org.newPerson')}</a>
        ) : null}
      </p>
      {detail.children.length ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t('org.children')}</h2>
          <ul>
            {detail.children.map((child) => (
              <li>
                <a href={`/org/units/${child.id}`}>{child.name}</a>{' '}
                <span class="muted">（{t(`unitKind.${child.kind}`)}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="people-title">
        <h2 id="people-title">{t('org.people')}</h2>
        <PeopleTable people={detail.people} t={t} canEdit={detail.canEditPeople} />
      </section>
    </Layout>
  )
}

export function UnitFormPage(props: {
  page: PageContext
  units: Unit[]
  unit?: Unit
  values: Record<string, string | number | null | undefined>
  errors?: FormErrors | null
}) {
  const { page, values, errors, unit } = props
  const { t } = page
  const title = unit ? t('org.editUnit') : t('org.newUnit')
  return (
    <FormPage
      page={page}
      title={title}
      crumbs={[{ label: t('org.title'), href: '/org' }]}
      action={unit ? `/org/units/${unit.id}` : '/org/units'}
      errors={errors}
      version={unit ? (values.version ?? unit.version) : undefined}
    >
      <TextField t={t} name="name" value={values.name} errors={errors} required />
      <TextField t={t} name="nameEn" value={values.nameEn} errors={errors} />
      <TextField
        t={t}
        name="code"
        value={values.code}
        errors={errors}
        required
        hint="a-z 0-9 - _"
      />
      <SelectField
        t={t}
        name="kind"
        value={values.kind ?? 'section'}
        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
        errors={errors}
        required
      />
      <SelectField
        t={t}
        name="parentId"
        value={values.parentId}
        options={props.units
          .filter((u) => u.id !== unit?.id)
          .map((u) => ({ value: u.id, label: u.name }))}
        includeEmpty={t('org.noParent')}
        errors={errors}
      />
      <TextField t={t} name="sortOrder" type="number" value={values.sortOrder} errors={errors} />
    </FormPage>
  )
}

export function PersonPage({
  page,
  person,
  canEdit,
  notice,
}: {
  page: PageContext
  person: Person
  canEdit: boolean
  notice?: string | undefined
}) {
  const { t } = page
  return (
    <Layout
      page={page}
      title={person.name}
      notice={notice}
      crumbs={[
        { label: t('org.title'), href: '/org' },
        { label: person.unitName, href: `/org/units/${person.unitId}` },
        { label: person.name },
      ]}
    >
      <h1>{person.name}</h1>
      <dl class="meta">
        <dt>{t('field.nameKana')}</dt>
        <dd>{person.nameKana ?? ''}</dd>
        <dt>{t('field.unitId')}</dt>
        <dd>
          <a href={`/org/units/${person.unitId}`}>{person.unitName}</a>
        </dd>
        <dt>{t('field.title')}</dt>
        <dd>{person.title ?? ''}</dd>
        <dt>{t('field.grade')}</dt>
        <dd>{t(`grade.${person.grade}`)}</dd>
        <dt>{t('field.jobFamily')}</dt>
        <dd>{t(`jobFamily.${person.jobFamily}`)}</dd>
      </dl>
      {canEdit ? (
        <p>
          <a href={`/org/people/${person.id}/edit`}>{t('org.editPerson')}</a>
        </p>
      ) : null}
    </Layout>
  )
}

export function PersonFormPage(props: {
  page: PageContext
  units: Unit[]
  person?: Person
  values: Record<string, string | number | null | undefined>
  errors?: FormErrors | null
}) {
  const { page, values, errors, person } = props
  const { t } = page
  const title = person ? t('org.editPerson') : t('org.newPerson')
  return (
    <FormPage
      page={page}
      title={title}
      crumbs={[{ label: t('org.title'), href: '/org' }]}
      action={person ? `/org/people/${person.id}` : '/org/people'}
      errors={errors}
      version={person ? (values.version ?? person.version) : undefined}
    >
      <TextField t={t} name="name" value={values.name} errors={errors} required />
      <TextField t={t} name="nameKana" value={values.nameKana} errors={errors} />
      <TextField t={t} name="email" type="email" value={values.email} errors={errors} />
      <TextField t={t} name="title" value={values.title} errors={errors} />
      <SelectField
        t={t}
        name="unitId"
        value={values.unitId}
        options={props.units.map((u) => ({ value: u.id, label: u.name }))}
        errors={errors}
        required
      />
      <SelectField
        t={t}
        name="grade"
        value={values.grade ?? 'staff'}
        options={GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        errors={errors}
        required
      />
      <SelectField
        t={t}
        name="jobFamily"
        value={values.jobFamily ?? 'administrative'}
        options={JOB_FAMILIES.map((f) => ({ value: f, label: t(`jobFamily.${f}`) }))}
        errors={errors}
        required
      />
    </FormPage>
  )
}
