import { recordAudit } from '../../audit/audit.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type ProgramRowInput, upsertProgramRows } from './programs.bulk.ts'
import { FIELDS } from './programs.columns.ts'
import { orgLookup } from './programs.queries.ts'
import { SEED_FISCAL_YEARS, SEED_PROGRAMS } from './programs.seed-data.ts'

/** Budgets drift a little from year to year: FY2015 is the stated figure. */
const drift = [0.92, 0.97, 1]

/** The demo programmes for FY2013–2015, written through the importer's bulk path. */
export async function seedPrograms(db: Db): Promise<number> {
  return withTransaction(db, async (trx) => {
    const lookup = await orgLookup(trx)
    const rows: ProgramRowInput[] = []
    for (const p of SEED_PROGRAMS) {
      const department = lookup.departments.find(
        (d) => lookup.department(p.department)?.id === d.id,
      )
      if (!department) throw new Error(`seed: no department ${p.department}`)
      SEED_FISCAL_YEARS.forEach((fiscalYear, i) => {
        if (fiscalYear < p.start || p.rates[i] === 0) return
        const budget = Math.round(p.budget * drift[i]!) * 1000
        const initial = Math.round(budget * 0.9)
        rows.push({
          code: p.code,
          name: p.name,
          fiscalYear,
          departmentId: department.id,
          sectionId: lookup.section(department.id, p.section),
          policyArea: p.area,
          startYear: p.start,
          originEvent: p.origin,
          endYear: p.end,
          initialBudget: initial,
          supplementaryBudget: budget - initial,
          currentBudget: budget,
          executedAmount: Math.round(budget * p.rates[i]!),
          nextYearRequest: Math.round((budget * (p.rates[i]! < 0.6 ? 0.85 : 1.02)) / 1000) * 1000,
          outcomeIndicator: p.outcome?.[0] ?? null,
          outcomeTarget: p.outcome?.[1] ?? null,
          outcomeActual: p.outcome ? Math.round(p.outcome[2] * (0.9 + i * 0.05)) : null,
          activityIndicator: p.activity?.[0] ?? null,
          activityTarget: p.activity?.[1] ?? null,
          activityActual: p.activity ? Math.round(p.activity[2] * (0.9 + i * 0.05)) : null,
          roleNote: p.role ?? null,
        })
      })
    }
    const counts = await upsertProgramRows(trx, rows, new Set(FIELDS))
    await recordAudit(trx, {
      actorId: null,
      action: 'seed',
      entity: 'program',
      data: { ...counts },
    })
    return rows.length
  })
}
