import { createHash } from 'node:crypto'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { invalidField } from '../../http/errors.ts'
import type { MessageKey } from '../../i18n/index.ts'
import { type ProgramRowInput, upsertProgramRows } from './programs.bulk.ts'
import {
  AMOUNT_FIELDS,
  type Field,
  locateHeader,
  NUMBER_FIELDS,
  parseNumber,
  parseYear,
} from './programs.columns.ts'
import { canImportPrograms } from './programs.policy.ts'
import { type OrgLookup, orgLookup } from './programs.queries.ts'
import { FileRefused, readTable } from './programs.read.ts'

export interface RowError {
  /** 1-based row of the sheet or CSV record */
  row: number
  field?: Field
  key: MessageKey
  params?: Record<string, string | number>
}

export interface ImportOptions {
  /** the year of rows that do not name one */
  fiscalYear?: number | null
  /** import the good rows of a file that has bad ones */
  partial?: boolean
}

export interface ImportResult {
  applied: boolean
  rows: number
  errors: RowError[]
  programsCreated: number
  programsUpdated: number
  yearsCreated: number
  yearsUpdated: number
  unchanged: number
  sha256: string
}

const MAX_REPORTED_ERRORS = 500

/** Turns the table's rows into programme-years; a row that cannot be read becomes an error. */
export function parseProgramRows(
  table: string[][],
  lookup: OrgLookup,
  options: ImportOptions,
): { rows: ProgramRowInput[]; errors: RowError[]; present: Set<Field> } {
  const header = locateHeader(table)
  if (!header) throw invalidField('file', 'programs.import.noHeader')
  if (header.missing.length)
    throw invalidField('file', 'programs.import.missingColumns', {
      columns: header.missing.join(', '),
    })
  const present = new Set(header.map.columns.values())
  if (!present.has('fiscalYear') && !options.fiscalYear)
    throw invalidField('fiscalYear', 'programs.import.needFiscalYear')
  present.add('name').add('department')

  const rows: ProgramRowInput[] = []
  const errors: RowError[] = []
  const seen = new Set<string>()
  const amountIndex = new Map<Field, number>()
  for (const [index, field] of header.map.columns) amountIndex.set(field, index)
  for (let r = header.index + 1; r < table.length; r++) {
    const cells = table[r] ?? []
    if (cells.every((c) => c.trim() === '')) continue
    const rowNumber = r + 1
    const rowErrors: RowError[] = []
    const fail = (field: Field, key: MessageKey, params?: Record<string, string | number>) =>
      rowErrors.push({ row: rowNumber, field, key, ...(params ? { params } : {}) })
    const raw = new Map<Field, string>()
    for (const [index, field] of header.map.columns) raw.set(field, (cells[index] ?? '').trim())
    const text = (f: Field) => {
      const v = raw.get(f)?.trim()
      return v ? v : null
    }
    const year = (f: Field) => {
      const v = parseYear(raw.get(f) ?? '')
      if (v === undefined) fail(f, 'programs.rowError.year', { value: raw.get(f) ?? '' })
      return v ?? null
    }
    const number = (f: Field, multiplier = 1) => {
      const v = parseNumber(raw.get(f) ?? '')
      if (v === undefined || (v !== null && Math.abs(v * multiplier) > 1e15)) {
        fail(f, 'programs.rowError.number', { value: raw.get(f) ?? '' })
        return null
      }
      return v === null ? null : Math.round(v * multiplier)
    }
    const amount = (f: Field) =>
      number(f, header.map.multipliers.get(amountIndex.get(f) ?? -1) ?? 1)

    const code = text('code')
    const name = text('name')
    if (!code) fail('code', 'programs.rowError.required')
    else if (code.length > 64) fail('code', 'programs.rowError.tooLong', { max: 64 })
    if (!name) fail('name', 'programs.rowError.required')
    else if (name.length > 200) fail('name', 'programs.rowError.tooLong', { max: 200 })
    let fiscalYear = present.has('fiscalYear') ? year('fiscalYear') : null
    if (fiscalYear === null) fiscalYear = options.fiscalYear ?? null
    if (fiscalYear === null && !rowErrors.some((e) => e.field === 'fiscalYear'))
      fail('fiscalYear', 'programs.rowError.required')
    if (fiscalYear !== null && options.fiscalYear && fiscalYear !== options.fiscalYear)
      fail('fiscalYear', 'programs.rowError.fiscalYearMismatch', { year: options.fiscalYear })
    const departmentName = text('department') ?? ''
    const department = lookup.department(departmentName)
    if (!department)
      fail(
        'department',
        departmentName ? 'programs.rowError.department' : 'programs.rowError.required',
        {
          value: departmentName,
        },
      )
    const sectionName = text('section')
    const policyName = text('policyArea')
    const policyArea = policyName ? lookup.policyArea(policyName) : null
    if (policyName && !policyArea)
      fail('policyArea', 'programs.rowError.policyArea', { value: policyName })
    const values = {
      startYear: present.has('startYear') ? year('startYear') : null,
      endYear: present.has('endYear') ? year('endYear') : null,
      ...Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, amount(f)])),
      ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f, number(f)])),
    } as Pick<
      ProgramRowInput,
      'startYear' | 'endYear' | (typeof AMOUNT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number]
    >
    const key = `${code}\u0000${fiscalYear}`
    if (code && fiscalYear !== null && seen.has(key))
      fail('code', 'programs.rowError.duplicate', { code, year: fiscalYear })
    seen.add(key)
    if (rowErrors.length) {
      errors.push(...rowErrors)
      continue
    }
    rows.push({
      code: code!,
      name: name!,
      fiscalYear: fiscalYear!,
      departmentId: department!.id,
      sectionId: sectionName ? lookup.section(department!.id, sectionName) : null,
      policyArea,
      originEvent: text('originEvent'),
      outcomeIndicator: text('outcomeIndicator'),
      activityIndicator: text('activityIndicator'),
      roleNote: text('roleNote'),
      ...values,
    })
  }
  return { rows, errors, present }
}

export interface ImportFile {
  bytes: Uint8Array
  filename: string
}

const refusedKey: Record<FileRefused['reason'], MessageKey> = {
  tooLarge: 'programs.import.tooLarge',
  zipBomb: 'programs.import.zipBomb',
  unreadable: 'programs.import.unreadable',
  empty: 'programs.import.empty',
}

/**
 * Imports a workbook or CSV of programme-years. A file with unreadable rows changes nothing
 * unless `partial` is asked for; then the good rows are written and the bad ones reported.
 * The write is one transaction; `progress` is called between the phases (outside it).
 */
export async function importProgramFile(
  db: Db,
  actor: Actor | null,
  file: ImportFile,
  options: ImportOptions = {},
  progress: (done: number, total: number) => Promise<void> = async () => {},
): Promise<ImportResult> {
  authorize(actor, canImportPrograms)
  return runProgramImport(db, actor.userId, file, options, progress)
}

/**
 * The import itself, for callers already trusted: the service above, and the `kaikaku
 * programs import` command run by an operator on the server (audited with no actor).
 */
export async function runProgramImport(
  db: Db,
  actorId: string | null,
  file: ImportFile,
  options: ImportOptions = {},
  progress: (done: number, total: number) => Promise<void> = async () => {},
): Promise<ImportResult> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  let table: string[][]
  try {
    table = await readTable(file.bytes)
  } catch (error) {
    if (error instanceof FileRefused) throw invalidField('file', refusedKey[error.reason])
    throw error
  }
  const total = Math.max(1, table.length)
  await progress(Math.floor(total / 3), total)
  const parsed = parseProgramRows(table, await orgLookup(db), options)
  const result: ImportResult = {
    applied: false,
    rows: parsed.rows.length + new Set(parsed.errors.map((e) => e.row)).size,
    errors: parsed.errors.slice(0, MAX_REPORTED_ERRORS),
    programsCreated: 0,
    programsUpdated: 0,
    yearsCreated: 0,
    yearsUpdated: 0,
    unchanged: 0,
    sha256,
  }
  if (parsed.errors.length && !options.partial) return result
  await progress(Math.floor((total * 2) / 3), total)
  const counts = await withTransaction(db, async (trx) => {
    const counts = await upsertProgramRows(trx, parsed.rows, parsed.present)
    const changes =
      counts.programsCreated + counts.programsUpdated + counts.yearsCreated + counts.yearsUpdated
    if (changes > 0)
      await recordAudit(trx, {
        actorId,
        action: 'program.import',
        entity: 'program',
        data: { filename: file.filename, sha256, ...counts, errors: parsed.errors.length },
      })
    return counts
  })
  await progress(total, total)
  return { ...result, ...counts, applied: true }
}
