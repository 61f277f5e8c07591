/** A unit's answer to the survey as an xlsx, imported by a job with a progress bar. */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import { type Actor, hasRole } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { JobStatus } from '../../db/platform.tables.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { readStoredFile, storeFile } from '../../files/index.ts'
import { AppError, forbidden, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { translator } from '../../i18n/index.ts'
import { enqueueJob, findJob } from '../../jobs/queue.ts'
import type { JobHandler } from '../../jobs/worker.ts'
import { loadActor } from '../accounts/index.ts'
import { selectAudiences } from './audiences.service.ts'
import { checkMediumInput, insertMedium, mediumValues, writeLinks } from './media.service.ts'
import { programCatalogue } from './pr.lookups.ts'
import { canEditMediaOf, canViewPr } from './pr.policy.ts'
import { mediumInputSchema } from './pr.schemas.ts'
import { CHANNELS, REACH_METRICS } from './pr.types.ts'
import { type Column, readSurveyWorkbook, WorkbookRefused, XLSX_LIMITS } from './survey.xlsx.ts'

export const PR_IMPORT_JOB = 'pr.survey-import'

export interface RowError {
  row: number
  field: string
  key: string
}
export interface SurveyImportResult {
  created: number
  updated: number
  errors: RowError[]
  fileError?: string
}

/** Stores the uploaded workbook and queues its import for the unit. */
export async function startSurveyImport(
  db: Db,
  actor: Actor | null,
  surveyId: string,
  unitId: string,
  file: { filename: string; bytes: Uint8Array },
) {
  authorize(actor, canViewPr)
  return withTransaction(db, async (trx) => {
    const entry = await trx
      .selectFrom('pr_survey_units as su')
      .innerJoin('pr_surveys as s', 's.id', 'su.survey_id')
      .innerJoin('units as u', 'u.id', 'su.unit_id')
      .select(['u.path', 's.status'])
      .where('su.survey_id', '=', surveyId)
      .where('su.unit_id', '=', unitId)
      .executeTakeFirst()
    if (!entry) throw notFound()
    if (!canEditMediaOf(actor, entry.path)) throw forbidden()
    if (entry.status !== 'open') throw new AppError('conflict', 'pr.errors.surveyClosed')
    const stored = await storeFile(trx, actor.userId, 'file', file, {
      maxBytes: XLSX_LIMITS.maxBytes,
      kinds: ['xlsx'],
    })
    const row = await trx
      .insertInto('pr_imports')
      .values({
        survey_id: surveyId,
        unit_id: unitId,
        file_id: stored.id,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const jobId = await enqueueJob(trx, PR_IMPORT_JOB, { importId: row.id }, actor.userId)
    await trx.updateTable('pr_imports').set({ job_id: jobId }).where('id', '=', row.id).execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.import.queued',
      entity: 'pr_import',
      entityId: row.id,
      data: { surveyId, unitId, filename: stored.filename, bytes: stored.size },
    })
    return { importId: row.id, jobId }
  })
}

const split = (s: string) =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.normalize('NFKC').trim())
    .filter(Boolean)

/** Turns a row's text into the form's fields: names of choices become their codes and ids. */
function rowToFields(
  values: Record<Column, string>,
  unitId: string,
  lookups: { audiences: Map<string, string>; programs: Map<string, string> },
): { fields: Record<string, unknown>; errors: { field: string; key: string }[] } {
  const t = translator('ja')
  const errors: { field: string; key: string }[] = []
  const byLabel = <T extends string>(codes: readonly T[], prefix: string, text: string) =>
    codes.find((c) => c === text || t(`${prefix}.${c}` as never) === text.normalize('NFKC'))
  const channel = byLabel(CHANNELS, 'pr.channel', values.channel)
  const metric = values.reachMetric ? byLabel(REACH_METRICS, 'pr.metric', values.reachMetric) : ''
  if (values.reachMetric && !metric) errors.push({ field: 'reachMetric', key: 'validation.choice' })
  const ids = (field: string, names: string[], map: Map<string, string>) =>
    names.flatMap((n) => {
      const id = map.get(n)
      if (!id) errors.push({ field, key: 'pr.import.unknownName' })
      return id ? [id] : []
    })
  return {
    errors,
    fields: {
      unitId,
      name: values.name,
      channel: channel ?? values.channel,
      url: values.url,
      description: values.description,
      costPerYear: values.costPerYear,
      printRun: values.printRun,
      stock: values.stock,
      reachMetric: metric ?? '',
      reachValue: values.reachValue,
      reachFrom: values.reachFrom,
      reachTo: values.reachTo,
      audienceIds: ids('audienceIds', split(values.audiences), lookups.audiences),
      programIds: ids('programIds', split(values.programs), lookups.programs),
    },
  }
}

/** Imports the rows one by one (each in its own transaction), reporting progress between them. */
export async function runSurveyImport(
  db: Db,
  actor: Actor,
  importId: string,
  progress: (done: number, total: number) => Promise<void>,
): Promise<SurveyImportResult> {
  const job = await db
    .selectFrom('pr_imports')
    .selectAll()
    .where('id', '=', importId)
    .executeTakeFirst()
  if (!job) throw notFound()
  const file = await readStoredFile(db, job.file_id)
  if (!file) throw notFound()
  let rows: Awaited<ReturnType<typeof readSurveyWorkbook>>
  try {
    rows = await readSurveyWorkbook(file.bytes)
  } catch (error) {
    if (error instanceof WorkbookRefused)
      return { created: 0, updated: 0, errors: [], fileError: error.key }
    throw error
  }
  const audiences = new Map(
    (await selectAudiences(db)).map((a) => [a.name.normalize('NFKC'), a.id]),
  )
  const programs = new Map<string, string>()
  for (const p of (await programCatalogue(db, actor)).programs) {
    programs.set(p.code, p.id)
    programs.set(p.name.normalize('NFKC'), p.id)
  }
  const result: SurveyImportResult = { created: 0, updated: 0, errors: [] }
  await progress(0, rows.length)
  for (const [i, { row, values }] of rows.entries()) {
    const { fields, errors } = rowToFields(values, job.unit_id, { audiences, programs })
    try {
      if (errors.length)
        throw new AppError(
          'validation',
          'errors.validation',
          Object.fromEntries(errors.map((e) => [e.field, [{ key: e.key as never }]])),
        )
      const input = parseInput(mediumInputSchema, fields)
      await withTransaction(db, async (trx) => {
        await checkMediumInput(trx, actor, input)
        const existing = await trx
          .selectFrom('pr_media')
          .select('id')
          .where('unit_id', '=', input.unitId)
          .where('name', '=', input.name)
          .executeTakeFirst()
        if (!existing) {
          await insertMedium(trx, actor.userId, input)
          result.created++
          return
        }
        await trx
          .updateTable('pr_media')
          .set({
            ...mediumValues(input),
            version: sql<number>`version + 1`,
            updated_at: new Date(),
          })
          .where('id', '=', existing.id)
          .execute()
        await writeLinks(trx, existing.id, input)
        await recordAudit(trx, {
          actorId: actor.userId,
          action: 'pr.medium.imported',
          entity: 'pr_medium',
          entityId: existing.id,
          data: { ...input, importId },
        })
        result.updated++
      })
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error
      for (const [field, issues] of Object.entries(error.fields))
        for (const issue of issues) result.errors.push({ row, field, key: issue.key })
    }
    await progress(i + 1, rows.length)
  }
  if (result.created + result.updated > 0)
    await db
      .updateTable('pr_survey_units')
      .set({ answered_at: new Date(), answered_by: actor.userId })
      .where('survey_id', '=', job.survey_id)
      .where('unit_id', '=', job.unit_id)
      .where('answered_at', 'is', null)
      .execute()
  return result
}

/** The job: runs the import as the person who uploaded the file and keeps the result. */
export const surveyImportJobHandler: JobHandler = async ({ db, job, progress }) => {
  const { importId } = job.payload as { importId: string }
  const row = await db
    .selectFrom('pr_imports')
    .select('created_by')
    .where('id', '=', importId)
    .executeTakeFirst()
  if (!row) throw new Error(`pr import ${importId} not found`)
  const actor = row.created_by ? await loadActor(db, row.created_by) : null
  if (!actor) throw new Error(`pr import ${importId}: the uploader's account is gone`)
  const result = await runSurveyImport(db, actor, importId, progress)
  await db
    .updateTable('pr_imports')
    .set({ result: JSON.stringify(result) })
    .where('id', '=', importId)
    .execute()
  return result
}

export interface SurveyImportStatus {
  id: string
  surveyId: string
  unitId: string
  jobId: string | null
  jobStatus: JobStatus | null
  progress: number
  total: number | null
  result: SurveyImportResult | null
  error: string | null
}

export async function getSurveyImport(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<SurveyImportStatus> {
  authorize(actor, canViewPr)
  const row = await db.selectFrom('pr_imports').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  if (row.created_by !== actor.userId && !hasRole(actor, 'admin', 'hq_secretariat'))
    throw forbidden()
  const job = row.job_id ? await findJob(db, row.job_id) : undefined
  return {
    id: row.id,
    surveyId: row.survey_id,
    unitId: row.unit_id,
    jobId: row.job_id,
    jobStatus: job?.status ?? null,
    progress: job?.progress ?? 0,
    total: job?.total ?? null,
    result: (row.result as SurveyImportResult | null) ?? null,
    error: job?.status === 'failed' ? job.error : null,
  }
}
