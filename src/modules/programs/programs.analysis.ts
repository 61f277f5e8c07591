import { sql } from 'kysely'
import { auditHead } from '../../audit/audit.ts'
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

const RATE = sql<number>`(y.executed_amount::float8 / nullif(y.current_budget, 0)::float8)`

/** One of the dashboard's lists, in the order the page shows it (the indexes serve these orders). */
function flagQuery(db: Db, filter: AnalysisFilter, kind: FlagKind) {
  let query = registryQuery(db, {
    fiscalYear: filter.fiscalYear,
    departmentId: filter.departmentId,
  })
  if (kind === 'low')
    return query
      .where(RATE, '<', filter.threshold / 100)
      .orderBy(RATE)
      .orderBy('p.code')
  if (kind === 'crisis')
    query = query
      .where(sql<boolean>`p.origin_event ~ ${CRISIS_PATTERN}`)
      .where((eb) =>
        eb.or([eb('p.end_year', 'is', null), eb('p.end_year', '>=', filter.fiscalYear ?? 0)]),
      )
  if (kind === 'noEnd') query = query.where('p.end_year', 'is', null)
  if (kind === 'scatter') return query.orderBy(sql`y.current_budget desc nulls last`)
  return query.orderBy('p.start_year').orderBy('p.code')
}

/** How many programme-years each list holds: one pass over the year's rows. */
async function flagCounts(db: Db, filter: AnalysisFilter): Promise<Record<FlagKind, number>> {
  let query = db
    .selectFrom('program_years as y')
    .innerJoin('programs as p', 'p.id', 'y.program_id')
    .select([
      sql<string>`count(*)`.as('scatter'),
      sql<string>`count(*) filter (where ${RATE} < ${filter.threshold / 100})`.as('low'),
      sql<string>`count(*) filter (where p.origin_event ~ ${CRISIS_PATTERN} and (p.end_year is null or p.end_year >= ${filter.fiscalYear ?? 0}))`.as(
        'crisis',
      ),
      sql<string>`count(*) filter (where p.end_year is null)`.as('noEnd'),
    ])
  if (filter.fiscalYear) query = query.where('y.fiscal_year', '=', filter.fiscalYear)
  if (filter.departmentId) query = query.where('p.department_id', '=', filter.departmentId)
  const row = await query.executeTakeFirstOrThrow()
  return {
    scatter: Number(row.scatter),
    low: Number(row.low),
    crisis: Number(row.crisis),
    noEnd: Number(row.noEnd),
  }
}

export async function flagList(
  db: Db,
  filter: AnalysisFilter,
  kind: FlagKind,
  limit: number | null,
  total?: number,
): Promise<FlagList> {
  let query = flagQuery(db, filter, kind)
  if (limit !== null) query = query.limit(limit)
  const rows = (await query.execute()).map(toRegistryRow)
  return { rows, total: total ?? rows.length }
}

/** The sums per department and year, kept up to date by every import. */
export async function departmentTrend(db: Db, departmentId: string | null): Promise<TrendPoint[]> {
  let query = db
    .selectFrom('program_department_totals as t')
    .innerJoin('units as d', 'd.id', 't.department_id')
    .select(['d.id', 'd.name', 't.fiscal_year', 't.current_budget', 't.executed_amount'])
    .orderBy('d.sort_order')
    .orderBy('t.fiscal_year')
  if (departmentId) query = query.where('t.department_id', '=', departmentId)
  return (await query.execute()).map((r) => ({
    departmentId: r.id,
    departmentName: r.name,
    fiscalYear: r.fiscal_year,
    budget: Number(r.current_budget),
    executed: Number(r.executed_amount),
  }))
}

/** Per department and year, the sums of current budget and executed amount. */
export async function getDepartmentTrend(db: Db, actor: Actor | null, departmentId: string | null) {
  authorize(actor, canViewPrograms)
  return departmentTrend(db, departmentId)
}

export const LIST_LIMIT = 20
export const SCATTER_LIMIT = 300

/** The dashboard: the flags of one fiscal year (the latest by default) and the trends. */
export async function getAnalysis(
  db: Db,
  actor: Actor | null,
  input: { fiscalYear: number | null; department: string | null; threshold: number },
): Promise<Analysis> {
  authorize(actor, canViewPrograms)
  if (db.isTransaction) return computeAnalysis(db, input)
  // Every change to programmes, their years and reviews (and to the units they name) is
  // audited, and the audit log's sequence only grows: while it stands still, the dashboard
  // computed for the same filter is still the answer. One indexed read instead of six queries.
  const stamp = await auditHead(db)
  const key = JSON.stringify([input.fiscalYear, input.department, input.threshold])
  const entries = analysisCache.get(db) ?? new Map()
  analysisCache.set(db, entries)
  const hit = entries.get(key)
  if (hit && hit.stamp === stamp) return hit.analysis
  const analysis = await computeAnalysis(db, input)
  if (entries.size >= CACHE_ENTRIES) entries.delete(entries.keys().next().value!)
  entries.set(key, { stamp, analysis })
  return analysis
}

const CACHE_ENTRIES = 64
const analysisCache = new WeakMap<Db, Map<string, { stamp: number; analysis: Analysis }>>()

async function computeAnalysis(
  db: Db,
  input: { fiscalYear: number | null; department: string | null; threshold: number },
): Promise<Analysis> {
  const fiscalYears = await listFiscalYears(db)
  const filter: AnalysisFilter = {
    fiscalYear: input.fiscalYear ?? fiscalYears[0] ?? null,
    departmentId: input.department,
    threshold: input.threshold,
  }
  const counts = await flagCounts(db, filter)
  return {
    filter,
    fiscalYears,
    departments: await listDepartmentChoices(db),
    scatter: await flagList(db, filter, 'scatter', SCATTER_LIMIT, counts.scatter),
    low: await flagList(db, filter, 'low', LIST_LIMIT, counts.low),
    crisis: await flagList(db, filter, 'crisis', LIST_LIMIT, counts.crisis),
    noEnd: await flagList(db, filter, 'noEnd', LIST_LIMIT, counts.noEnd),
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
