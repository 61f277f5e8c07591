import { sql } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { canViewPrograms } from './programs.policy.ts'
import { registryQuery, toRegistryRow } from './programs.queries.ts'
import { listDepartmentChoices, listFiscalYears } from './programs.service.ts'
import type { Choice, ProgramYearRow } from './programs.types.ts'

/** Events whose programmes the seed asks to re-examine (時々の社会経済情勢を踏まえて創設). */
export const CRISIS_PATTERN = 'リーマン|震災|金融危機|新型コロナ|感染症|円高|災害|危機'

export interface AnalysisFilter {
  fiscalYear: number | null
  departmentId: string | null
  /** percent */
  threshold: number
}

export interface FlagList {
  rows: ProgramYearRow[]
  total: number
}

export interface TrendPoint {
  departmentId: string
  departmentName: string
  fiscalYear: number
  budget: number
  executed: number
}

export interface Analysis {
  filter: AnalysisFilter
  fiscalYears: number[]
  departments: Choice[]
  scatter: FlagList
  low: FlagList
  crisis: FlagList
  noEnd: FlagList
  trend: TrendPoint[]
}

export type FlagKind = 'scatter' | 'low' | 'crisis' | 'noEnd'

/** One of the dashboard's lists: all programmes, below the threshold, crisis-era, no end year. */
export async function flagList(
  db: Db,
  filter: AnalysisFilter,
  kind: FlagKind,
  limit: number | null,
): Promise<FlagList> {
  let query = registryQuery(db, {
    fiscalYear: filter.fiscalYear,
    departmentId: filter.departmentId,
  })
  if (kind === 'low')
    query = query
      .where('y.current_budget', '>', 0 as never)
      .where(
        sql<boolean>`y.executed_amount::float8 < y.current_budget::float8 * ${filter.threshold / 100}`,
      )
  if (kind === 'crisis')
    query = query
      .where(sql<boolean>`p.origin_event ~ ${CRISIS_PATTERN}`)
      .where((eb) => eb.or([eb('p.end_year', 'is', null), eb('p.end_year', '>=', y(filter))]))
  if (kind === 'noEnd') query = query.where('p.end_year', 'is', null)
  const { count } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow()
  let ordered =
    kind === 'low'
      ? query.orderBy(sql`y.executed_amount::float8 / y.current_budget::float8`).orderBy('p.code')
      : kind === 'scatter'
        ? query.orderBy('y.current_budget', sql`desc nulls last`).orderBy('p.code')
        : query.orderBy('p.start_year').orderBy('p.code')
  if (limit !== null) ordered = ordered.limit(limit)
  return { rows: (await ordered.execute()).map(toRegistryRow), total: Number(count) }
}

const y = (filter: AnalysisFilter) => filter.fiscalYear ?? 0

export async function departmentTrend(db: Db, departmentId: string | null): Promise<TrendPoint[]> {
  let query = db
    .selectFrom('program_years as y')
    .innerJoin('programs as p', 'p.id', 'y.program_id')
    .innerJoin('units as d', 'd.id', 'p.department_id')
    .select([
      'd.id as department_id',
      'd.name as department_name',
      'd.sort_order',
      'y.fiscal_year',
      sql<string>`coalesce(sum(y.current_budget), 0)`.as('budget'),
      sql<string>`coalesce(sum(y.executed_amount), 0)`.as('executed'),
    ])
    .groupBy(['d.id', 'd.name', 'd.sort_order', 'y.fiscal_year'])
    .orderBy('d.sort_order')
    .orderBy('y.fiscal_year')
  if (departmentId) query = query.where('p.department_id', '=', departmentId)
  return (await query.execute()).map((r) => ({
    departmentId: r.department_id,
    departmentName: r.department_name,
    fiscalYear: r.fiscal_year,
    budget: Number(r.budget),
    executed: Number(r.executed),
  }))
}

/** Per department and year, the sums of current budget and executed amount. */
export async function getDepartmentTrend(db: Db, actor: Actor | null, departmentId: string | null) {
  authorize(actor, canViewPrograms)
  return departmentTrend(db, departmentId)
}

export const LIST_LIMIT = 100
export const SCATTER_LIMIT = 1000

/** The dashboard: the flags of one fiscal year (the latest by default) and the trends. */
export async function getAnalysis(
  db: Db,
  actor: Actor | null,
  input: { fiscalYear: number | null; department: string | null; threshold: number },
): Promise<Analysis> {
  authorize(actor, canViewPrograms)
  const fiscalYears = await listFiscalYears(db)
  const filter: AnalysisFilter = {
    fiscalYear: input.fiscalYear ?? fiscalYears[0] ?? null,
    departmentId: input.department,
    threshold: input.threshold,
  }
  return {
    filter,
    fiscalYears,
    departments: await listDepartmentChoices(db),
    scatter: await flagList(db, filter, 'scatter', SCATTER_LIMIT),
    low: await flagList(db, filter, 'low', LIST_LIMIT),
    crisis: await flagList(db, filter, 'crisis', LIST_LIMIT),
    noEnd: await flagList(db, filter, 'noEnd', LIST_LIMIT),
    trend: await departmentTrend(db, filter.departmentId),
  }
}

/** A dashboard list in full, for its CSV download. */
export async function analysisRows(
  db: Db,
  actor: Actor | null,
  input: { fiscalYear: number | null; department: string | null; threshold: number },
  kind: FlagKind,
): Promise<ProgramYearRow[]> {
  authorize(actor, canViewPrograms)
  const fiscalYear = input.fiscalYear ?? (await listFiscalYears(db))[0] ?? null
  const filter = { fiscalYear, departmentId: input.department, threshold: input.threshold }
  return (await flagList(db, filter, kind, null)).rows
}
