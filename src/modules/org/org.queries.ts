import type { Selectable } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { PeopleTable, UnitsTable } from './org.tables.ts'
import type { Grade, Person, Unit } from './org.types.ts'

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    path: row.path,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    sortOrder: row.sort_order,
    version: row.version,
  }
}

export async function selectUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('units').selectAll().orderBy('path').execute()
  return rows
    .map(toUnit)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'))
}

export async function selectUnit(db: Db, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toUnit(row)
}

type PersonRow = Selectable<PeopleTable> & { unit_name: string; unit_kind: Unit['kind'] }

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitKind: row.unit_kind,
    name: row.name,
    nameKana: row.name_kana,
    email: row.email,
    title: row.title,
    grade: row.grade as Grade,
    jobFamily: row.job_family,
    version: row.version,
  }
}

function peopleQuery(db: Db) {
  return db
    .selectFrom('people')
    .innerJoin('units', 'units.id', 'people.unit_id')
    .selectAll('people')
    .select(['units.name as unit_name', 'units.kind as unit_kind'])
}

export async function selectPeopleOfUnit(db: Db, unitId: string): Promise<Person[]> {
  const rows = await peopleQuery(db)
    .where('people.unit_id', '=', unitId)
    .orderBy('people.name_kana')
    .execute()
  return rows.map(toPerson)
}

export async function selectPerson(db: Db, id: string): Promise<Person | undefined> {
  const row = await peopleQuery(db).where('people.id', '=', id).executeTakeFirst()
  return row && toPerson(row)
}

export async function selectPeopleByIds(db: Db, ids: string[]): Promise<Person[]> {
  if (ids.length === 0) return []
  const rows = await peopleQuery(db).where('people.id', 'in', ids).execute()
  return rows.map(toPerson)
}

/** Everyone, by reading; for pickers. (At metropolis scale a picker needs search instead.) */
export async function selectPeople(db: Db, limit = 5000): Promise<Person[]> {
  const rows = await peopleQuery(db).orderBy('people.name_kana').limit(limit).execute()
  return rows.map(toPerson)
}
