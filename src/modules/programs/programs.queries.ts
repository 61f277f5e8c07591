import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import {
  executionRate,
  num,
  type Program,
  type ProgramYear,
  type ProgramYearRow,
  type Review,
  type ReviewStatus,
} from './programs.types.ts'

export interface OrgLookup {
  department(name: string): { id: string; path: string } | null
  section(departmentId: string, name: string): string | null
  policyArea(name: string): string | null
  departments: { id: string; name: string; path: string }[]
}

/**
 * Departments and sections by name, and policy areas by name or code. (The organisation's
 * units are read directly: a read-only lookup the org module offers no bulk call for.)
 */
export async function orgLookup(db: Db): Promise<OrgLookup> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'code', 'kind', 'parent_id', 'path'])
    .where('kind', 'in', ['department', 'section'])
    .orderBy('sort_order')
    .execute()
  const areas = await db.selectFrom('program_policy_areas').selectAll().execute()
  const departments = units.filter((u) => u.kind === 'department')
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
  // An imported file names the same few departments and policy areas on every row.
  const department = memoise((name: string) => {
    const n = norm(name)
    if (!n) return null
    const d = departments.find((u) => u.name === n || u.code === n || n.endsWith(u.name))
    return d ? { id: d.id, path: d.path } : null
  })
  const section = memoise((key: string) => {
    const [departmentId, name] = JSON.parse(key) as [string, string]
    const n = norm(name)
    return units.find((u) => u.parent_id === departmentId && u.name === n)?.id ?? null
  })
  const policyArea = memoise((name: string) => {
    const n = norm(name)
    // 「都市農業・林業」 names 「東京の緑を守る都市農業や林業の振興」: every part is in the name.
    const parts = n.split(/[・、/]/).filter(Boolean)
    const found = areas.find(
      (a) =>
        a.code === n ||
        a.name === n ||
        (parts.length > 0 && parts.every((p) => a.name.includes(p))),
    )
    return found?.code ?? null
  })
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name, path: d.path })),
    department,
    section: (departmentId, name) => section(JSON.stringify([departmentId, name])),
    policyArea,
  }
}

function memoise<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key))
    return cache.get(key) as T
  }
}

export function programBase(db: Db) {
  return db
    .selectFrom('programs as p')
    .innerJoin('units as d', 'd.id', 'p.department_id')
    .leftJoin('units as s', 's.id', 'p.section_id')
    .leftJoin('program_policy_areas as a', 'a.code', 'p.policy_area')
    .select([
      'p.id',
      'p.code',
      'p.name',
      'p.department_id',
      'd.name as department_name',
      'd.path as department_path',
      'p.section_id',
      's.name as section_name',
      'p.policy_area',
      'a.name as policy_area_name',
      'p.start_year',
      'p.origin_event',
      'p.end_year',
      'p.version',
    ])
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof programBase>['execute']>>[number]

export function toProgram(r: BaseRow): Program {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    sectionId: r.section_id,
    sectionName: r.section_name,
    policyArea: r.policy_area,
    policyAreaName: r.policy_area_name,
    startYear: r.start_year,
    originEvent: r.origin_event,
    endYear: r.end_year,
    version: r.version,
  }
}

type Amount = string | number | bigint | null
export interface YearColumns {
  fiscal_year: number
  initial_budget: Amount
  supplementary_budget: Amount
  current_budget: Amount
  executed_amount: Amount
  next_year_request: Amount
  outcome_indicator: string | null
  outcome_target: Amount
  outcome_actual: Amount
  activity_indicator: string | null
  activity_target: Amount
  activity_actual: Amount
  role_note: string | null
}

export function toProgramYear(r: YearColumns): ProgramYear {
  const currentBudget = num(r.current_budget)
  const executedAmount = num(r.executed_amount)
  return {
    fiscalYear: r.fiscal_year,
    initialBudget: num(r.initial_budget),
    supplementaryBudget: num(r.supplementary_budget),
    currentBudget,
    executedAmount,
    executionRate: executionRate(executedAmount, currentBudget),
    nextYearRequest: num(r.next_year_request),
    outcomeIndicator: r.outcome_indicator,
    outcomeTarget: num(r.outcome_target),
    outcomeActual: num(r.outcome_actual),
    activityIndicator: r.activity_indicator,
    activityTarget: num(r.activity_target),
    activityActual: num(r.activity_actual),
    roleNote: r.role_note,
  }
}

export const YEAR_SELECT = [
  'y.fiscal_year',
  'y.initial_budget',
  'y.supplementary_budget',
  'y.current_budget',
  'y.executed_amount',
  'y.next_year_request',
  'y.outcome_indicator',
  'y.outcome_target',
  'y.outcome_actual',
  'y.activity_indicator',
  'y.activity_target',
  'y.activity_actual',
  'y.role_note',
] as const

export interface RegistryFilter {
  fiscalYear?: number | null | undefined
  departmentId?: string | null | undefined
  q?: string | null | undefined
}

/** Programme-years joined with their review's status and verdict, filtered. */
export function registryQuery(db: Db, filter: RegistryFilter) {
  let query = programBase(db)
    .innerJoin('program_years as y', 'y.program_id', 'p.id')
    .leftJoin('program_reviews as r', (j) =>
      j.onRef('r.program_id', '=', 'p.id').onRef('r.fiscal_year', '=', 'y.fiscal_year'),
    )
    .leftJoin('program_verdicts as v', 'v.code', 'r.verdict')
    .select([...YEAR_SELECT, 'r.status as review_status', 'v.name as verdict_name'])
  if (filter.fiscalYear) query = query.where('y.fiscal_year', '=', filter.fiscalYear)
  if (filter.departmentId) query = query.where('p.department_id', '=', filter.departmentId)
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    query = query.where((eb) => eb.or([eb('p.name', 'like', like), eb('p.code', 'like', like)]))
  }
  return query
}

type RegistryRow = Awaited<ReturnType<ReturnType<typeof registryQuery>['execute']>>[number]

export function toRegistryRow(r: RegistryRow): ProgramYearRow {
  return {
    ...toProgram(r),
    year: toProgramYear(r),
    reviewStatus: (r.review_status as ReviewStatus | null) ?? null,
    verdictName: r.verdict_name,
  }
}

export function reviewBase(db: Db) {
  return db
    .selectFrom('program_reviews as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .innerJoin('units as d', 'd.id', 'p.department_id')
    .leftJoin('program_verdicts as v', 'v.code', 'r.verdict')
    .selectAll('r')
    .select([
      'p.name as program_name',
      'p.code as program_code',
      'p.department_id',
      'd.name as department_name',
      'd.path as department_path',
      'v.name as verdict_name',
      sql<string>`to_char(r.deadline, 'YYYY-MM-DD')`.as('deadline_text'),
    ])
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewBase>['execute']>>[number]

export function toReview(r: ReviewRow): Review {
  return {
    id: r.id,
    programId: r.program_id,
    programName: r.program_name,
    programCode: r.program_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    fiscalYear: r.fiscal_year,
    status: r.status,
    deadline: r.deadline_text,
    outlived: r.outlived,
    needs: r.needs,
    publicPrivate: r.public_private,
    effect: r.effect,
    efficiency: r.efficiency,
    future: r.future,
    proposal: r.proposal,
    verdict: r.verdict,
    verdictName: r.verdict_name,
    verdictNote: r.verdict_note,
    reflectedAmount: num(r.reflected_amount),
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    version: r.version,
    updatedAt: r.updated_at,
  }
}
