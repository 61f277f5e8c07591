import { createHash } from 'node:crypto'
import { recordAudit } from '../../audit/audit.ts'
import { type Actor, hasRole } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { JobStatus } from '../../db/platform.tables.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { AppError, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { enqueueJob, findJob } from '../../jobs/queue.ts'
import type { JobHandler } from '../../jobs/worker.ts'
import { loadActor } from '../accounts/index.ts'
import { type ImportOptions, type ImportResult, importProgramFile } from './programs.import.ts'
import { canImportPrograms } from './programs.policy.ts'
import { IMPORT_LIMITS } from './programs.read.ts'

export const PROGRAM_IMPORT_JOB = 'programs.import'

/** What a failed file (not its rows) reports: a catalogue key, shown on the status page. */
export type ImportJobResult =
  | ImportResult
  | {
      applied: false
      fileError: { key: string; params?: Record<string, string | number> }
      errors: []
    }

export interface ImportStatus {
  id: string
  filename: string
  jobId: string | null
  jobStatus: JobStatus | null
  progress: number
  total: number | null
  result: ImportJobResult | null
  error: string | null
}

/** The upload form is for those who may import (403 for the others). */
export function checkCanImport(actor: Actor | null): void {
  authorize(actor, canImportPrograms)
}

/**
 * Keeps an uploaded file and queues its import; the job page shows the progress. The bytes
 * stay in the database (one thing to back up) so that the job survives a restart.
 */
export async function startProgramImport(
  db: Db,
  actor: Actor | null,
  file: { bytes: Uint8Array; filename: string },
  options: ImportOptions,
): Promise<{ importId: string; jobId: string }> {
  authorize(actor, canImportPrograms)
  if (file.bytes.length === 0) throw invalidField('file', 'programs.import.noFile')
  if (file.bytes.length > IMPORT_LIMITS.maxBytes)
    throw invalidField('file', 'programs.import.tooLarge')
  return withTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('program_imports')
      .values({
        filename: file.filename.slice(0, 255),
        content: file.bytes,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        fiscal_year: options.fiscalYear ?? null,
        partial: !!options.partial,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const jobId = await enqueueJob(trx, PROGRAM_IMPORT_JOB, { importId: row.id }, actor.userId)
    await trx
      .updateTable('program_imports')
      .set({ job_id: jobId })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'program.import.queued',
      entity: 'program_import',
      entityId: row.id,
      data: { filename: file.filename, bytes: file.bytes.length },
    })
    return { importId: row.id, jobId }
  })
}

/** Runs a queued import as the person who uploaded it. A file that cannot be read ends the job with its reason. */
export const programImportJobHandler: JobHandler = async ({ db, job, progress }) => {
  const { importId } = job.payload as { importId: string }
  const row = await db
    .selectFrom('program_imports')
    .selectAll()
    .where('id', '=', importId)
    .executeTakeFirst()
  if (!row) throw new Error(`import ${importId} not found`)
  const actor = row.created_by ? await loadActor(db, row.created_by) : null
  let result: ImportJobResult
  try {
    result = await importProgramFile(
      db,
      actor,
      { bytes: row.content, filename: row.filename },
      { fiscalYear: row.fiscal_year, partial: row.partial },
      (done, total) => progress(done, total),
    )
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'internal') throw error
    const issue = Object.values(error.fields)[0]?.[0]
    result = {
      applied: false,
      fileError: {
        key: issue?.key ?? error.messageKey,
        ...(issue?.params ? { params: issue.params } : {}),
      },
      errors: [],
    }
  }
  await db
    .updateTable('program_imports')
    .set({ result: JSON.stringify(result) })
    .where('id', '=', importId)
    .execute()
  return result
}

export async function getImportStatus(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<ImportStatus> {
  authorize(actor)
  const row = await db
    .selectFrom('program_imports')
    .select(['id', 'filename', 'job_id', 'result', 'created_by'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound()
  if (row.created_by !== actor.userId && !hasRole(actor, 'admin', 'hq_secretariat'))
    throw forbidden()
  const job = row.job_id ? await findJob(db, row.job_id) : undefined
  return {
    id: row.id,
    filename: row.filename,
    jobId: row.job_id,
    jobStatus: job?.status ?? null,
    progress: job?.progress ?? 0,
    total: job?.total ?? null,
    result:
      (row.result as ImportJobResult | null) ??
      (job?.status === 'done' ? (job.result as ImportJobResult) : null),
    error: job?.error ?? null,
  }
}
