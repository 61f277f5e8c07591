import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { Field } from './programs.columns.ts'
import { linkReviewPeriods } from './programs.schedule.ts'

/** One programme-year as read from a file (amounts in 円), ready to be written. */
export interface ProgramRowInput {
  code: string
  name: string
  fiscalYear: number
  departmentId: string
  sectionId: string | null
  policyArea: string | null
  startYear: number | null
  originEvent: string | null
  endYear: number | null
  initialBudget: number | null
  supplementaryBudget: number | null
  currentBudget: number | null
  executedAmount: number | null
  nextYearRequest: number | null
  outcomeIndicator: string | null
  outcomeTarget: number | null
  outcomeActual: number | null
  activityIndicator: string | null
  activityTarget: number | null
  activityActual: number | null
  roleNote: string | null
}

export interface BulkCounts {
  programsCreated: number
  programsUpdated: number
  yearsCreated: number
  yearsUpdated: number
  unchanged: number
}

/** [field, column, SQL type] of a programme and of a programme-year. */
const PROGRAM_COLUMNS: [Field, string, string][] = [
  ['name', 'name', 'text'],
  ['department', 'department_id', 'uuid'],
  ['section', 'section_id', 'uuid'],
  ['policyArea', 'policy_area', 'text'],
  ['startYear', 'start_year', 'int'],
  ['originEvent', 'origin_event', 'text'],
  ['endYear', 'end_year', 'int'],
]
const YEAR_COLUMNS: [Field, string, string][] = [
  ['initialBudget', 'initial_budget', 'bigint'],
  ['supplementaryBudget', 'supplementary_budget', 'bigint'],
  ['currentBudget', 'current_budget', 'bigint'],
  ['executedAmount', 'executed_amount', 'bigint'],
  ['nextYearRequest', 'next_year_request', 'bigint'],
  ['outcomeIndicator', 'outcome_indicator', 'text'],
  ['outcomeTarget', 'outcome_target', 'numeric'],
  ['outcomeActual', 'outcome_actual', 'numeric'],
  ['activityIndicator', 'activity_indicator', 'text'],
  ['activityTarget', 'activity_target', 'numeric'],
  ['activityActual', 'activity_actual', 'numeric'],
  ['roleNote', 'role_note', 'text'],
]

// Rows travel as one JSON parameter per chunk (json_to_recordset): far cheaper to parse
// and plan than thousands of bind parameters, on PGlite above all.
const CHUNK = 5000

/** `update set a = excluded.a, … where (t.a, …) is distinct from (excluded.a, …)`: only real changes are written. */
function upsertClause(table: string, conflict: string, columns: string[], extra: string) {
  if (columns.length === 0) return `on conflict (${conflict}) do nothing`
  const set = columns.map((c) => `${c} = excluded.${c}`).join(', ')
  const ours = columns.map((c) => `${table}.${c}`).join(', ')
  const theirs = columns.map((c) => `excluded.${c}`).join(', ')
  return `on conflict (${conflict}) do update set ${set}${extra} where (${ours}) is distinct from (${theirs})`
}

const recordType = (columns: [Field, string, string][]) =>
  columns.map(([, c, type]) => `${c} ${type}`).join(', ')

/**
 * Writes programme-years in bulk (a few statements per five thousand rows). Only the columns
 * the file has (`present`) are updated, and a row whose values are already stored is left
 * alone, so importing the same file twice changes nothing. Run it inside a transaction.
 */
export async function upsertProgramRows(
  trx: Db,
  rows: ProgramRowInput[],
  present: ReadonlySet<Field>,
): Promise<BulkCounts> {
  const counts: BulkCounts = {
    programsCreated: 0,
    programsUpdated: 0,
    yearsCreated: 0,
    yearsUpdated: 0,
    unchanged: 0,
  }
  // A programme's own attributes come from its latest year in the file.
  const latest = new Map<string, ProgramRowInput>()
  for (const row of rows) {
    const seen = latest.get(row.code)
    if (!seen || seen.fiscalYear < row.fiscalYear) latest.set(row.code, row)
  }
  const programColumns = PROGRAM_COLUMNS.filter(([f]) => present.has(f)).map(([, c]) => c)
  const allProgram = PROGRAM_COLUMNS.map(([, c]) => c).join(', ')
  const idByCode = new Map<string, string>()
  const programs = [...latest.values()]
  for (let i = 0; i < programs.length; i += CHUNK) {
    const chunk = programs.slice(i, i + CHUNK)
    const json = JSON.stringify(
      chunk.map((r) => ({
        code: r.code,
        name: r.name,
        department_id: r.departmentId,
        section_id: r.sectionId,
        policy_area: r.policyArea,
        start_year: r.startYear,
        origin_event: r.originEvent,
        end_year: r.endYear,
      })),
    )
    const written = await sql<{ id: string; code: string; inserted: boolean }>`
      insert into programs (code, ${sql.raw(allProgram)})
      select code, ${sql.raw(allProgram)}
      from json_to_recordset(${json}::json) as x(code text, ${sql.raw(recordType(PROGRAM_COLUMNS))})
      ${sql.raw(upsertClause('programs', 'code', programColumns, ', version = programs.version + 1, updated_at = now()'))}
      returning id, code, xmax = 0 as inserted`.execute(trx)
    for (const w of written.rows) {
      idByCode.set(w.code, w.id)
      if (w.inserted) counts.programsCreated++
      else counts.programsUpdated++
    }
    const missing = chunk.map((r) => r.code).filter((c) => !idByCode.has(c))
    if (missing.length) {
      const found = await sql<{ id: string; code: string }>`
        select id, code from programs where code = any(${missing}::text[])`.execute(trx)
      for (const f of found.rows) idByCode.set(f.code, f.id)
    }
  }

  const yearColumns = YEAR_COLUMNS.filter(([f]) => present.has(f)).map(([, c]) => c)
  const allYear = YEAR_COLUMNS.map(([, c]) => c).join(', ')
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const json = JSON.stringify(
      chunk.map((r) => ({
        program_id: idByCode.get(r.code)!,
        fiscal_year: r.fiscalYear,
        initial_budget: r.initialBudget,
        supplementary_budget: r.supplementaryBudget,
        current_budget: r.currentBudget,
        executed_amount: r.executedAmount,
        next_year_request: r.nextYearRequest,
        outcome_indicator: r.outcomeIndicator,
        outcome_target: r.outcomeTarget,
        outcome_actual: r.outcomeActual,
        activity_indicator: r.activityIndicator,
        activity_target: r.activityTarget,
        activity_actual: r.activityActual,
        role_note: r.roleNote,
      })),
    )
    const written = await sql<{ inserted: boolean }>`
      insert into program_years (program_id, fiscal_year, ${sql.raw(allYear)})
      select program_id, fiscal_year, ${sql.raw(allYear)}
      from json_to_recordset(${json}::json) as x(program_id uuid, fiscal_year int, ${sql.raw(recordType(YEAR_COLUMNS))})
      ${sql.raw(upsertClause('program_years', 'program_id, fiscal_year', yearColumns, ', updated_at = now()'))}
      returning xmax = 0 as inserted`.execute(trx)
    for (const w of written.rows) {
      if (w.inserted) counts.yearsCreated++
      else counts.yearsUpdated++
    }
    counts.unchanged += chunk.length - written.rows.length
  }
  if (
    counts.programsCreated + counts.programsUpdated + counts.yearsCreated + counts.yearsUpdated >
    0
  )
    await refreshDepartmentTotals(
      trx,
      // A programme that moved department moves all its years.
      counts.programsUpdated > 0
        ? (
            await sql<{ y: number }>`select distinct fiscal_year as y from program_years`.execute(
              trx,
            )
          ).rows.map((r) => r.y)
        : [...new Set(rows.map((r) => r.fiscalYear))],
    )
  await linkReviewPeriods(trx, [...new Set(rows.map((r) => r.fiscalYear))])
  return counts
}

/** Recomputes the per-department sums of the years a write touched (a programme may have moved department, so all departments). */
export async function refreshDepartmentTotals(trx: Db, fiscalYears: number[]): Promise<void> {
  if (fiscalYears.length === 0) return
  await sql`delete from program_department_totals where fiscal_year = any(${fiscalYears}::int[])`.execute(
    trx,
  )
  await sql`
    insert into program_department_totals (department_id, fiscal_year, programs, current_budget, executed_amount)
    select p.department_id, y.fiscal_year, count(*), coalesce(sum(y.current_budget), 0), coalesce(sum(y.executed_amount), 0)
    from program_years y join programs p on p.id = y.program_id
    where y.fiscal_year = any(${fiscalYears}::int[])
    group by p.department_id, y.fiscal_year`.execute(trx)
}
