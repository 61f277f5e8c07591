/**
 * What the PR module reads from its neighbours, each through its index: the organisation's
 * units (owners and survey respondents) and the programme registry (programmes covered).
 */
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import { listUnits, type Unit } from '../org/index.ts'
import { listPrograms } from '../programs/index.ts'

export interface UnitDirectory {
  units: Unit[]
  byId: Map<string, Unit>
  departmentOf(unitId: string): Unit | undefined
  /** Departments and offices: the units the inventory survey asks. */
  respondents: Unit[]
  /** Where media can be owned: departments, sections and offices. */
  owners: Unit[]
}

export async function unitDirectory(db: Db, actor: Actor): Promise<UnitDirectory> {
  const units = await listUnits(db, actor)
  const byId = new Map(units.map((u) => [u.id, u]))
  const departmentOf = (unitId: string) =>
    byId
      .get(unitId)
      ?.path.split('/')
      .map((id) => byId.get(id))
      .find((u) => u?.kind === 'department')
  return {
    units,
    byId,
    departmentOf,
    respondents: units.filter((u) => u.kind === 'department' || u.kind === 'office'),
    owners: units.filter((u) => ['department', 'section', 'office'].includes(u.kind)),
  }
}

export interface ProgramRef {
  id: string
  code: string
  name: string
  departmentId: string
  departmentName: string
  policyArea: string | null
  policyAreaName: string | null
}

/** Every programme of the registry's latest fiscal year (the matrix's rows). */
export async function programCatalogue(
  db: Db,
  actor: Actor,
  departmentId: string | null = null,
): Promise<{ programs: ProgramRef[]; fiscalYear: number | null }> {
  const page = await listPrograms(db, actor, { departmentId, pageSize: 1_000_000 })
  return {
    fiscalYear: page.fiscalYear,
    programs: page.rows.map((p) => ({
      id: p.id,
      code: p.code,
      name: p.name,
      departmentId: p.departmentId,
      departmentName: p.departmentName,
      policyArea: p.policyArea,
      policyAreaName: p.policyAreaName,
    })),
  }
}
