import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { canEditPeopleOf, canEditUnit, canEditUnitUnder, canViewOrg } from './org.policy.ts'
import { selectPeopleOfUnit, selectPerson, selectUnit, selectUnits, toUnit } from './org.queries.ts'
import type { PersonInput, PersonUpdate, UnitInput, UnitUpdate } from './org.schemas.ts'
import type { Person, Unit } from './org.types.ts'

export async function listUnits(db: Db, actor: Actor | null): Promise<Unit[]> {
  authorize(actor, canViewOrg)
  return selectUnits(db)
}

export interface UnitDetail {
  unit: Unit
  ancestors: Unit[]
  children: Unit[]
  people: Person[]
  canEdit: boolean
  canEditPeople: boolean
  canAddChild: boolean
}

export async function getUnitDetail(db: Db, actor: Actor | null, id: string): Promise<UnitDetail> {
  authorize(actor, canViewOrg)
  const units = await selectUnits(db)
  const unit = units.find((u) => u.id === id)
  if (!unit) throw notFound()
  const byId = new Map(units.map((u) => [u.id, u]))
  const ancestors = unit.path
    .split('/')
    .filter((part) => part && part !== unit.id)
    .map((part) => byId.get(part))
    .filter((u): u is Unit => !!u)
  const parent = unit.parentId ? (byId.get(unit.parentId) ?? null) : null
  return {
    unit,
    ancestors,
    children: units.filter((u) => u.parentId === unit.id),
    people: await selectPeopleOfUnit(db, unit.id),
    canEdit: canEditUnit(actor, unit, parent),
    canEditPeople: canEditPeopleOf(actor, unit),
    canAddChild: canEditUnitUnder(actor, unit, 'section'),
  }
}

async function codeTaken(db: Db, code: string, exceptId?: string) {
  let query = db.selectFrom('units').select('id').where('code', '=', code)
  if (exceptId) query = query.where('id', '!=', exceptId)
  return !!(await query.executeTakeFirst())
}

async function parentOf(db: Db, parentId: string | null): Promise<Unit | null> {
  if (!parentId) return null
  const parent = await selectUnit(db, parentId)
  if (!parent) throw invalidField('parentId', 'validation.choice')
  return parent
}

export async function createUnit(db: Db, actor: Actor | null, input: UnitInput): Promise<Unit> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const parent = await parentOf(trx, input.parentId)
    if (!canEditUnitUnder(actor, parent, input.kind)) throw forbidden()
    if (await codeTaken(trx, input.code)) throw invalidField('code', 'errors.duplicateCode')
    const id = randomUUID()
    const row = await trx
      .insertInto('units')
      .values({
        id,
        kind: input.kind,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        sort_order: input.sortOrder,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'create',
      entity: 'unit',
      entityId: id,
      data: { ...input },
    })
    return toUnit(row)
  })
}

/**
 * Saves an edit made on `version`; if someone saved in between, nothing is written and the
 * caller gets 409. Moving a unit moves its whole subtree, whose paths are rewritten.
 */
export async function updateUnit(
  db: Db,
  actor: Actor | null,
  id: string,
  input: UnitUpdate,
): Promise<Unit> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const unit = await selectUnit(trx, id)
    if (!unit) throw notFound()
    const oldParent = await parentOf(trx, unit.parentId)
    const newParent = await parentOf(trx, input.parentId)
    if (!canEditUnit(actor, unit, oldParent) || !canEditUnitUnder(actor, newParent, input.kind))
      throw forbidden()
    if (newParent?.path.startsWith(unit.path)) throw invalidField('parentId', 'errors.unitCycle')
    if (await codeTaken(trx, input.code, id)) throw invalidField('code', 'errors.duplicateCode')
    const newPath = `${newParent?.path ?? '/'}${id}/`
    const row = await trx
      .updateTable('units')
      .set({
        kind: input.kind,
        parent_id: newParent?.id ?? null,
        path: newPath,
        code: input.code,
        name: input.name,
        name_en: input.nameEn,
        sort_order: input.sortOrder,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst()
    if (!row) throw conflict()
    if (newPath !== unit.path) {
      await trx
        .updateTable('units')
        .set({ path: sql<string>`${newPath} || substr(path, ${unit.path.length + 1})` })
        .where('path', 'like', `${unit.path}%`)
        .where('id', '!=', id)
        .execute()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'update',
      entity: 'unit',
      entityId: id,
      data: { ...input },
    })
    return toUnit(row)
  })
}

export async function getPerson(db: Db, actor: Actor | null, id: string): Promise<Person> {
  authorize(actor, canViewOrg)
  const person = await selectPerson(db, id)
  if (!person) throw notFound()
  return person
}

async function unitForPeople(db: Db, actor: Actor, unitId: string): Promise<Unit> {
  const unit = await selectUnit(db, unitId)
  if (!unit) throw invalidField('unitId', 'validation.choice')
  if (!canEditPeopleOf(actor, unit)) throw forbidden()
  return unit
}

function personColumns(input: PersonInput) {
  return {
    unit_id: input.unitId,
    name: input.name,
    name_kana: input.nameKana,
    email: input.email,
    title: input.title,
    grade: input.grade,
    job_family: input.jobFamily,
  }
}

export async function createPerson(
  db: Db,
  actor: Actor | null,
  input: PersonInput,
): Promise<Person> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    await unitForPeople(trx, actor, input.unitId)
    const row = await trx
      .insertInto('people')
      .values(personColumns(input))
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'create',
      entity: 'person',
      entityId: row.id,
      data: { ...input },
    })
    return (await selectPerson(trx, row.id))!
  })
}

export async function updatePerson(
  db: Db,
  actor: Actor | null,
  id: string,
  input: PersonUpdate,
): Promise<Person> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const person = await selectPerson(trx, id)
    if (!person) throw notFound()
    await unitForPeople(trx, actor, person.unitId)
    await unitForPeople(trx, actor, input.unitId)
    const row = await trx
      .updateTable('people')
      .set({
        ...personColumns(input),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'update',
      entity: 'person',
      entityId: id,
      data: { ...input },
    })
    return (await selectPerson(trx, id))!
  })
}

/** Units a new unit may be placed under by this actor; none means the form is not theirs. */
export async function unitParentChoices(db: Db, actor: Actor | null): Promise<Unit[]> {
  authorize(actor, canViewOrg)
  const choices = (await selectUnits(db)).filter((u) => canEditUnitUnder(actor, u, 'section'))
  if (choices.length === 0) throw forbidden()
  return choices
}

/** A unit for its edit form, with the parents it may move under. */
export async function editableUnit(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ unit: Unit; parents: Unit[] }> {
  authorize(actor, canViewOrg)
  const units = await selectUnits(db)
  const unit = units.find((u) => u.id === id)
  if (!unit) throw notFound()
  const parent = units.find((u) => u.id === unit.parentId) ?? null
  if (!canEditUnit(actor, unit, parent)) throw forbidden()
  const parents = units.filter(
    (u) => !u.path.startsWith(unit.path) && canEditUnitUnder(actor, u, unit.kind),
  )
  return { unit, parents }
}

/** Units whose staff records this actor keeps; none means the person forms are not theirs. */
export async function peopleUnitChoices(db: Db, actor: Actor | null): Promise<Unit[]> {
  authorize(actor, canViewOrg)
  const choices = (await selectUnits(db)).filter((u) => canEditPeopleOf(actor, u))
  if (choices.length === 0) throw forbidden()
  return choices
}

export async function editablePerson(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ person: Person; units: Unit[] }> {
  const person = await getPerson(db, actor, id)
  const units = await peopleUnitChoices(db, actor)
  if (!units.some((u) => u.id === person.unitId)) throw forbidden()
  return { person, units }
}

/** A person's page, and whether this actor may edit them. */
export async function getPersonDetail(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ person: Person; canEdit: boolean }> {
  const person = await getPerson(db, actor, id)
  const unit = await selectUnit(db, person.unitId)
  return { person, canEdit: !!unit && canEditPeopleOf(actor, unit) }
}
