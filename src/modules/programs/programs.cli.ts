import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Db } from '../../db/schema.ts'
import { AppError } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import { runProgramImport } from './programs.import.ts'
import { IMPORT_LIMITS } from './programs.read.ts'

/**
 * `kaikaku programs import FILE [--fiscal-year Y] [--partial]`: prints what was imported and
 * each unreadable row; exit code 2 when the file or a row could not be read and nothing was written.
 */
export async function programsImportCommand(
  db: Db,
  args: string[],
): Promise<{ exitCode: number; lines: string[] }> {
  const t = translator('ja')
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'fiscal-year': { type: 'string' }, partial: { type: 'boolean' } },
  })
  const file = positionals[0]
  if (!file) return { exitCode: 2, lines: [] }
  const fiscalYear = values['fiscal-year'] ? Number(values['fiscal-year']) : null
  if (
    fiscalYear !== null &&
    !(Number.isInteger(fiscalYear) && fiscalYear >= 1900 && fiscalYear <= 2200)
  )
    return { exitCode: 2, lines: [`--fiscal-year: ${values['fiscal-year']}`] }
  let size: number
  try {
    size = statSync(file).size
  } catch {
    return { exitCode: 2, lines: [`no such file: ${file}`] }
  }
  if (size > IMPORT_LIMITS.maxBytes) return { exitCode: 2, lines: [t('programs.import.tooLarge')] }
  try {
    const result = await runProgramImport(
      db,
      null,
      { bytes: readFileSync(file), filename: path.basename(file) },
      { fiscalYear, partial: !!values.partial },
    )
    const lines = result.errors.map(
      (e) =>
        `${e.row}行目${e.field ? ` ${t(`programs.col.${e.field}` as 'programs.col.code')}` : ''}: ${t(e.key, e.params)}`,
    )
    if (!result.applied)
      return {
        exitCode: 2,
        lines: [...lines, t('programs.import.notApplied', { count: result.errors.length })],
      }
    lines.push(
      t('programs.import.done', { ...result, applied: 1 } as unknown as Record<string, number>),
    )
    return { exitCode: 0, lines }
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const issue = Object.values(error.fields)[0]?.[0]
    return { exitCode: 2, lines: [t(issue?.key ?? error.messageKey, issue?.params)] }
  }
}
