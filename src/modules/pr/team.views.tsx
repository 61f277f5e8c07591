import type { PageContext } from '../../views/layout.tsx'
import type { OrgGroup } from '../org/index.ts'
import { PrLayout } from './pr.components.tsx'
import type { PrTeamRule } from './team.service.ts'

export function TeamPage(props: { page: PageContext; team: OrgGroup | null; rule: PrTeamRule[] }) {
  const { page, team, rule } = props
  const { t } = page
  const breaking = rule.filter((r) => !r.holds)
  return (
    <PrLayout page={page} title={t('pr.team')} crumbs={[{ label: t('pr.team') }]}>
      <h1>{t('pr.team')}</h1>
      <p>{t('pr.team.lead')}</p>
      <p class={breaking.length ? 'warn' : 'ok'} role="status">
        {breaking.length
          ? t('pr.team.breaking', { departments: breaking.map((r) => r.departmentName).join('、') })
          : t('pr.team.allHold')}
      </p>
      <table>
        <caption>{t('pr.team.rule')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pr.department')}</th>
            <th scope="col">{t('pr.team.count')}</th>
            <th scope="col">{t('pr.team.aboveChief')}</th>
            <th scope="col">{t('pr.team.fromOffices')}</th>
            <th scope="col">{t('pr.team.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {rule.map((r) => (
            <tr>
              <th scope="row">{r.departmentName}</th>
              <td class="pr-num">{r.memberCount}</td>
              <td class="pr-num">{r.aboveChiefGrade}</td>
              <td class="pr-num">{r.fromOffices}</td>
              <td>
                {r.holds ? (
                  <span class="ok">{t('pr.team.holds')}</span>
                ) : (
                  <strong class="warn">{t('pr.team.breaks')}</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {team ? (
        <>
          <h2>{t('pr.team.members')}</h2>
          <table>
            <caption>{team.name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.unitId')}</th>
                <th scope="col">{t('field.grade')}</th>
                <th scope="col">{t('org.position')}</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/org/people/${m.person.id}`}>{m.person.name}</a>
                  </th>
                  <td>{m.person.unitName}</td>
                  <td>{t(`grade.${m.person.grade}`)}</td>
                  <td>{m.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={`/org/groups/${team.id}`}>{t('pr.team.edit')}</a>
          </p>
        </>
      ) : null}
      <p>
        <a href="/proposals">{t('pr.team.ideas')}</a>
      </p>
    </PrLayout>
  )
}
