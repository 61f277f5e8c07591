import { sql } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { notFound } from '../../http/errors.ts'
import { canImportPrograms, canViewPrograms } from './programs.policy.ts'
import {
  orgLookup,
  programBase,
  type RegistryFilter,
  registryQuery,
  reviewBase,
  toProgram,
  toProgramYear,
  toRegistryRow,
  toReview,
  YEAR_SELECT,
} from './programs.queries.ts'
import type {
  Choice,
  Program,
  ProgramYear,
  ProgramYearRow,
  Review,
  Verdict,
} from './programs.types.ts'

export const PAGE_SIZE = 50

export interface RegistryPage {
  rows: ProgramYearRow[]
  total: number
  page: number
  pages: number
  fiscalYear: number | null
  fiscalYears: number[]
  departments: Choice[]
  canImport: boolean
}

/** The years with figures, newest first (a loose index scan: one probe per year, not per row). */
export async function listFiscalYears(db: Db): Promise<number[]> {
  const { rows } = await sql<{ y: number }>`
    with recursive years(y) as (
      select max(fiscal_year) from program_years
      union all
      select (select max(fiscal_year) from program_years where fiscal_year < years.y)
      from years where years.y is not null
    )
    select y from years where y is not null`.execute(db)
  return rows.map((r) => r.y)
}

export async function listDepartmentChoices(db: Db): Promise<Choice[]> {
  const lookup = await orgLookup(db)
  return lookup.departments.map((d) => ({ code: d.id, name: d.name }))
}

export async function listVerdicts(db: Db): Promise<Verdict[]> {
  const rows = await db.selectFrom('program_verdicts').selectAll().orderBy('sort_order').execute()
  return rows.map((r) => ({ code: r.code, name: r.name, verdictSet: r.verdict_set }))
}

/**
 * The registry: one row per programme and year, the latest year unless one is asked for,
 * filtered by department and a name or ID, a page at a time.
 */
export async function listPrograms(
  db: Db,
  actor: Actor | null,
  filter: RegistryFilter & { page?: number; pageSize?: number },
): Promise<RegistryPage> {
  authorize(actor, canViewPrograms)
  const fiscalYears = await listFiscalYears(db)
  const fiscalYear = filter.fiscalYear ?? fiscalYears[0] ?? null
  const pageSize = filter.pageSize ?? PAGE_SIZE
  const query = registryQuery(db, { ...filter, fiscalYear })
  const { count } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow()
  const total = Number(count)
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(filter.page ?? 1, pages)
  const rows = await query
    .orderBy('d.sort_order')
    .orderBy('p.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  return {
    rows: rows.map(toRegistryRow),
    total,
    page,
    pages,
    fiscalYear,
    fiscalYears,
    departments: await listDepartmentChoices(db),
    canImport: canImportPrograms(actor),
  }
}

export interface ProgramDetail {
  program: Program
  years: ProgramYear[]
  reviews: Review[]
}

export async function getProgram(db: Db, actor: Actor | null, id: string): Promise<ProgramDetail> {
  authorize(actor, canViewPrograms)
  const row = await programBase(db).where('p.id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  const years = await db
    .selectFrom('program_years as y')
    .select([...YEAR_SELECT])
    .where('y.program_id', '=', id)
    .orderBy('y.fiscal_year')
    .execute()
  const reviews = await reviewBase(db)
    .where('r.program_id', '=', id)
    .orderBy('r.fiscal_year', 'desc')
    .execute()
  return {
    program: toProgram(row),
    years: years.map(toProgramYear),
    reviews: reviews.map(toReview),
  }
}
