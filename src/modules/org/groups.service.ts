import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { invalidField, notFound } from '../../http/errors.ts'
import { canEditGroups, canViewOrg } from './org.policy.ts'
import { selectPeopleByIds, selectUnits } from './org.queries.ts'
import type { GroupMemberInput } from './org.schemas.ts'
import {
  GRADES,
  type OrgGroup,
  type Person,
  type PrTeamRuleResult,
  type Unit,
} from './org.types.ts'

const GROUP_ORDER = { hq: 0, subcommittee: 1, review_team: 2, pr_team: 3 } as const

/** HQ, the subcommittees, the review team and the PR team, each with its members. */
export async function listGroups(db: Db, actor: Actor | null): Promise<OrgGroup[]> {
  authorize(actor, canViewOrg)
  const groups = await db.selectFrom('org_groups').selectAll().execute()
  const memberships = await db.selectFrom('org_group_members').selectAll().execute()
  const people = new Map(
    (await selectPeopleByIds(db, [...new Set(memberships.map((m) => m.person_id))])).map((p) => [
      p.id,
      p,
    ]),
  )
  return groups
    .map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.name,
      departmentId: g.department_id,
      members: memberships
        .filter((m) => m.group_id === g.id && people.has(m.person_id))
        .map((m) => ({ person: people.get(m.person_id)!, position: m.position })),
    }))
    .sort((a, b) => GROUP_ORDER[a.kind] - GROUP_ORDER[b.kind] || a.name.localeCompare(b.name, 'ja'))
}

const chiefRank = GRADES.indexOf('chief')

/**
 * The seed's rule for the PR project team: from each department two members at 主任級 or
 * below, exactly one of whom works in an office (事業所) of that department.
 */
export function checkPrTeamRule(units: Unit[], members: Person[]): PrTeamRuleResult[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const departmentOf = (unitId: string): Unit | undefined => {
    const unit = byId.get(unitId)
    return unit?.path
      .split('/')
      .map((id) => byId.get(id))
      .find((u) => u?.kind === 'department')
  }
  return units
    .filter((u) => u.kind === 'department')
    .map((department) => {
      const own = members.filter((p) => departmentOf(p.unitId)?.id === department.id)
      const aboveChiefGrade = own.filter((p) => GRADES.indexOf(p.grade) < chiefRank).length
      const fromOffices = own.filter((p) => p.unitKind === 'office').length
      return {
        departmentId: department.id,
        departmentName: department.name,
        memberCount: own.length,
        aboveChiefGrade,
        fromOffices,
        holds: own.length === 2 && aboveChiefGrade === 0 && fromOffices === 1,
      }
    })
}

export async function prTeamRule(db: Db, actor: Actor | null): Promise<PrTeamRuleResult[]> {
  const groups = await listGroups(db, actor)
  const members = groups
    .filter((g) => g.kind === 'pr_team')
    .flatMap((g) => g.members.map((m) => m.person))
  return checkPrTeamRule(await selectUnits(db), members)
}

export async function getGroup(db: Db, actor: Actor | null, id: string): Promise<OrgGroup> {
  const group = (await listGroups(db, actor)).find((g) => g.id === id)
  if (!group) throw notFound()
  return group
}

/** Adds a person to a group, or changes their position if they are already in it. */
export async function setGroupMember(
  db: Db,
  actor: Actor | null,
  groupId: string,
  input: GroupMemberInput,
) {
  authorize(actor, canEditGroups)
  await withTransaction(db, async (trx) => {
    const group = await trx
      .selectFrom('org_groups')
      .select('id')
      .where('id', '=', groupId)
      .executeTakeFirst()
    if (!group) throw notFound()
    const person = await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', input.personId)
      .executeTakeFirst()
    if (!person) throw invalidField('personId', 'validation.choice')
    await trx
      .insertInto('org_group_members')
      .values({ group_id: groupId, person_id: input.personId, position: input.position })
      .onConflict((oc) =>
        oc.columns(['group_id', 'person_id']).doUpdateSet({ position: input.position }),
      )
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'set_member',
      entity: 'org_group',
      entityId: groupId,
      data: { ...input },
    })
  })
}

export async function removeGroupMember(
  db: Db,
  actor: Actor | null,
  groupId: string,
  personId: string,
) {
  authorize(actor, canEditGroups)
  await withTransaction(db, async (trx) => {
    const removed = await trx
      .deleteFrom('org_group_members')
      .where('group_id', '=', groupId)
      .where('person_id', '=', personId)
      .executeTakeFirst()
    if (Number(removed.numDeletedRows) === 0) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'remove_member',
      entity: 'org_group',
      entityId: groupId,
      data: { personId },
    })
  })
}
