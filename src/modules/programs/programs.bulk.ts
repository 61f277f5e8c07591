import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { Field } from './programs.columns.ts'

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

const PROGRAM_COLUMNS: [Field, string][] = [
  ['name', 'name'],
  ['department', 'department_id'],
  ['section', 'section_id'],
  ['policyArea', 'policy_area'],
  ['startYear', 'start_year'],
  ['originEvent', 'origin_event'],
  ['endYear', 'end_year'],
]
const YEAR_COLUMNS: [Field, string][] = [
  ['initialBudget', 'initial_budget'],
  ['supplementaryBudget', 'supplementary_budget'],
  ['currentBudget', 'current_budget'],
  ['executedAmount', 'executed_amount'],
  ['nextYearRequest', 'next_year_request'],
  ['outcomeIndicator', 'outcome_indicator'],
  ['outcomeTarget', 'outcome_target'],
  ['outcomeActual', 'outcome_actual'],
  ['activityIndicator', 'activity_indicator'],
  ['activityTarget', 'activity_target'],
  ['activityActual', 'activity_actual'],
  ['roleNote', 'role_note'],
]

const CHUNK = 1000

/** `(t.a, t.b) is distinct from (excluded.a, excluded.b)`: only real changes are written. */
function changed(table: string, columns: string[]) {
  const ours = columns.map((c) => `${table}.${c}`).join(', ')
  const theirs = columns.map((c) => `excluded.${c}`).join(', ')
  return sql<boolean>`(${sql.raw(ours)}) is distinct from (${sql.raw(theirs)})`
}

function excludedSet(columns: string[]) {
  return Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]))
}

/**
 * Writes programme-years in bulk (a few statements per thousand rows). Only the columns the
 * file has (`present`) are updated, and a row whose values are already stored is left alone,
 * so importing the same file twice changes nothing. Run it inside a transaction.
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
  const idByCode = new Map<string, string>()
  const programs = [...latest.values()]
  for (let i = 0; i < programs.length; i += CHUNK) {
    const chunk = programs.slice(i, i + CHUNK)
    const written = await trx
      .insertInto('programs')
      .values(
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
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({
            ...excludedSet(programColumns),
            version: sql<number>`programs.version + 1`,
            updated_at: sql<Date>`now()`,
          })
          .where(changed('programs', programColumns)),
      )
      .returning(['id', 'code', sql<boolean>`xmax = 0`.as('inserted')])
      .execute()
    for (const w of written) {
      idByCode.set(w.code, w.id)
      if (w.inserted) counts.programsCreated++
      else counts.programsUpdated++
    }
    const missing = chunk.map((r) => r.code).filter((c) => !idByCode.has(c))
    if (missing.length) {
      const found = await trx
        .selectFrom('programs')
        .select(['id', 'code'])
        .where('code', 'in', missing)
        .execute()
      for (const f of found) idByCode.set(f.code, f.id)
    }
  }

  const yearColumns = YEAR_COLUMNS.filter(([f]) => present.has(f)).map(([, c]) => c)
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const values = chunk.map((r) => ({
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
    }))
    const query = trx.insertInto('program_years').values(values)
    const written = await (yearColumns.length
      ? query.onConflict((oc) =>
          oc
            .columns(['program_id', 'fiscal_year'])
            .doUpdateSet({ ...excludedSet(yearColumns), updated_at: sql<Date>`now()` })
            .where(changed('program_years', yearColumns)),
        )
      : query.onConflict((oc) => oc.columns(['program_id', 'fiscal_year']).doNothing())
    )
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute()
    for (const w of written) {
      if (w.inserted) counts.yearsCreated++
      else counts.yearsUpdated++
    }
    counts.unchanged += chunk.length - written.length
  }
  return counts
}
