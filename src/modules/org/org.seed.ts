import { randomUUID } from 'node:crypto'
import { recordAudit } from '../../audit/audit.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { BUREAU, DEPARTMENTS, GOVERNMENT, GROUPS, PEOPLE } from './org.seed-data.ts'
import type { UnitKind } from './org.types.ts'

export interface SeededOrganisation {
  unitIdByCode: Map<string, string>
  personIdByKey: Map<string, string>
}

/** Writes the demo bureau of the seed document into an empty database, in one transaction. */
export async function seedOrganisation(db: Db): Promise<SeededOrganisation> {
  return withTransaction(db, async (trx) => {
    const unitIdByCode = new Map<string, string>()
    const paths = new Map<string, string>()
    let order = 0
    const addUnit = async (
      kind: UnitKind,
      code: string,
      name: string,
      parentCode: string | null,
      nameEn?: string,
    ) => {
      const id = randomUUID()
      const path = `${parentCode ? paths.get(parentCode) : '/'}${id}/`
      await trx
        .insertInto('units')
        .values({
          id,
          kind,
          code,
          name,
          name_en: nameEn ?? null,
          parent_id: parentCode ? unitIdByCode.get(parentCode)! : null,
          path,
          sort_order: order++,
        })
        .execute()
      unitIdByCode.set(code, id)
      paths.set(code, path)
    }
    await addUnit('government', GOVERNMENT.code, GOVERNMENT.name, null, GOVERNMENT.nameEn)
    await addUnit('bureau', BUREAU.code, BUREAU.name, GOVERNMENT.code, BUREAU.nameEn)
    for (const dept of DEPARTMENTS) {
      await addUnit('department', dept.code, dept.name, BUREAU.code, dept.nameEn)
      for (const [code, name] of dept.sections ?? [])
        await addUnit('section', code, name, dept.code)
      for (const [code, name] of dept.offices ?? []) await addUnit('office', code, name, dept.code)
      for (const [code, name] of dept.bodies ?? []) await addUnit('body', code, name, dept.code)
    }

    const personIdByKey = new Map<string, string>()
    for (const person of PEOPLE) {
      const row = await trx
        .insertInto('people')
        .values({
          unit_id: unitIdByCode.get(person.unit)!,
          name: person.name,
          name_kana: person.kana,
          title: person.title,
          grade: person.grade,
          job_family: person.family,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      personIdByKey.set(person.key, row.id)
    }

    for (const group of GROUPS) {
      const row = await trx
        .insertInto('org_groups')
        .values({
          kind: group.kind,
          name: group.name,
          department_id: group.department ? unitIdByCode.get(group.department)! : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('org_group_members')
        .values(
          group.members.map(([key, position]) => ({
            group_id: row.id,
            person_id: personIdByKey.get(key)!,
            position,
          })),
        )
        .execute()
    }
    await recordAudit(trx, {
      actorId: null,
      action: 'seed',
      entity: 'organisation',
      data: { units: unitIdByCode.size, people: personIdByKey.size, groups: GROUPS.length },
    })
    return { unitIdByCode, personIdByKey }
  })
}
