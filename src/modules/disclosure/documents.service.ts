import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type IncomingFile, storeFile } from '../../files/index.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { enqueueJob } from '../../jobs/queue.ts'
import type { JobHandler } from '../../jobs/worker.ts'
import { applyRedactions, reasonOf, redact, type SpanType } from '../redaction/index.ts'
import { canManageDisclosure } from './disclosure.policy.ts'
import { documentInputSchema, manualSpanSchema, spanDecisionSchema } from './disclosure.schemas.ts'
import type { DocumentSpan, ReleasedDocument } from './disclosure.types.ts'
import { documentsOf } from './requests.queries.ts'

export const REDACT_DOCUMENT_JOB = 'disclosure.redact-document'

const DOCUMENT_POLICY = {
  maxBytes: 20 * 1024 * 1024,
  kinds: ['pdf', 'txt', 'csv', 'xlsx', 'docx'] as const,
}

/**
 * Adds a document released for a request. Text (typed, or a .txt file) goes through the
 * redaction engine as a job and its spans are reviewed; other files are released as they are
 * (their redaction happens before they are scanned).
 */
export async function addDocument(
  db: Db,
  actor: Actor | null,
  requestId: string,
  input: unknown,
  file?: IncomingFile,
): Promise<ReleasedDocument> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(documentInputSchema, input)
  let text: string | null = data.documentText.trim() ? data.documentText : null
  const isTxt = file?.filename.toLowerCase().endsWith('.txt')
  if (file && isTxt) text = new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, '')
  if (!text && !file) throw invalidField('documentText', 'disclosure.error.documentMissing')
  return withTransaction(db, async (trx) => {
    const request = await trx
      .selectFrom('disclosure_requests')
      .select('id')
      .where('id', '=', requestId)
      .executeTakeFirst()
    if (!request) throw notFound()
    const fileId =
      file && !isTxt
        ? (await storeFile(trx, actor.userId, 'documentFile', file, DOCUMENT_POLICY)).id
        : null
    const row = await trx
      .insertInto('disclosure_documents')
      .values({
        request_id: requestId,
        title: data.documentTitle,
        original_text: fileId ? null : text,
        file_id: fileId,
        status: fileId ? 'in_review' : 'redacting',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (!fileId) {
      const jobId = await enqueueJob(trx, REDACT_DOCUMENT_JOB, { documentId: row.id }, actor.userId)
      await trx
        .updateTable('disclosure_documents')
        .set({ redaction_job_id: jobId })
        .where('id', '=', row.id)
        .execute()
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.document.add',
      entity: 'disclosure_documents',
      entityId: row.id,
      data: { requestId, isText: !fileId },
    })
    return (await findDocument(trx, row.id))!
  })
}

async function findDocument(db: Db, id: string): Promise<ReleasedDocument | undefined> {
  const row = await db
    .selectFrom('disclosure_documents')
    .select('request_id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  return (await documentsOf(db, [row.request_id])).find((d) => d.id === id)
}

async function spansOf(db: Db, documentId: string): Promise<DocumentSpan[]> {
  const rows = await db
    .selectFrom('disclosure_document_spans')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('start_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    start: r.start_at,
    end: r.end_at,
    type: r.type,
    reason: r.reason,
    decision: r.decision,
  }))
}

/** The engine's run over a document's text: personal data accepted, corporate data proposed. */
export const redactDocumentJob: JobHandler = async ({ db, job, progress }) => {
  const { documentId } = job.payload as { documentId: string }
  const doc = await db
    .selectFrom('disclosure_documents')
    .select(['status', 'original_text', 'redaction_job_id'])
    .where('id', '=', documentId)
    .executeTakeFirst()
  if (doc?.status !== 'redacting' || doc.redaction_job_id !== job.id || doc.original_text === null)
    return { skipped: true }
  await progress(0, 1)
  const spans = await redact(doc.original_text)
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('disclosure_document_spans')
      .where('document_id', '=', documentId)
      .execute()
    for (let i = 0; i < spans.length; i += 500) {
      await trx
        .insertInto('disclosure_document_spans')
        .values(
          spans.slice(i, i + 500).map((s) => ({
            document_id: documentId,
            start_at: s.start,
            end_at: s.end,
            type: s.type,
            reason: s.reason,
            decision: s.needsReview ? ('proposed' as const) : ('accepted' as const),
          })),
        )
        .execute()
    }
    await trx
      .updateTable('disclosure_documents')
      .set({ status: 'in_review' })
      .where('id', '=', documentId)
      .where('redaction_job_id', '=', job.id)
      .execute()
  })
  await progress(1, 1)
  return { spans: spans.length }
}

export interface DocumentReview {
  document: ReleasedDocument
  spans: DocumentSpan[]
}

export async function getDocumentReview(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<DocumentReview> {
  authorize(actor, canManageDisclosure)
  const document = await findDocument(db, id)
  if (!document) throw notFound()
  return { document, spans: await spansOf(db, id) }
}

async function lockInReview(trx: Db, id: string, version: number) {
  const row = await trx
    .selectFrom('disclosure_documents')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw notFound()
  if (row.status !== 'in_review') throw conflict('disclosure.error.notInReview')
  if (row.version !== version) throw conflict()
  await trx
    .updateTable('disclosure_documents')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute()
  return row
}

export async function decideDocumentSpan(
  db: Db,
  actor: Actor | null,
  documentId: string,
  spanId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(spanDecisionSchema, input)
  await withTransaction(db, async (trx) => {
    await lockInReview(trx, documentId, data.version)
    const row = await trx
      .updateTable('disclosure_document_spans')
      .set({ decision: data.decision })
      .where('id', '=', spanId)
      .where('document_id', '=', documentId)
      .returning('type')
      .executeTakeFirst()
    if (!row) throw notFound()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `disclosure.document.span.${data.decision}`,
      entity: 'disclosure_documents',
      entityId: documentId,
      data: { spanId, type: row.type },
    })
  })
}

/** Withholds every occurrence of a text the engine missed (not already inside a kept span). */
export async function withholdText(
  db: Db,
  actor: Actor | null,
  documentId: string,
  input: unknown,
): Promise<number> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(manualSpanSchema, input)
  return withTransaction(db, async (trx) => {
    const row = await lockInReview(trx, documentId, data.version)
    const text = row.original_text ?? ''
    const kept = (await spansOf(trx, documentId)).filter((s) => s.decision !== 'rejected')
    const added: { start: number; end: number }[] = []
    for (let at = text.indexOf(data.spanText); at >= 0; at = text.indexOf(data.spanText, at + 1)) {
      const end = at + data.spanText.length
      const overlaps = [...kept, ...added].some((s) => s.start < end && at < s.end)
      if (!overlaps) added.push({ start: at, end })
    }
    if (added.length === 0) throw invalidField('spanText', 'disclosure.error.spanNotFound')
    const type = data.spanType as SpanType
    await trx
      .insertInto('disclosure_document_spans')
      .values(
        added.map((s) => ({
          document_id: documentId,
          start_at: s.start,
          end_at: s.end,
          type,
          reason: reasonOf(type),
          decision: 'accepted' as const,
        })),
      )
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.document.span.add',
      entity: 'disclosure_documents',
      entityId: documentId,
      data: { type, count: added.length },
    })
    return added.length
  })
}

/** Releases a document: every proposal decided, the accepted spans replaced by markers. */
export async function releaseDocument(
  db: Db,
  actor: Actor | null,
  documentId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const { version } = parseInput(spanDecisionSchema.pick({ version: true }), input)
  await withTransaction(db, async (trx) => {
    const row = await lockInReview(trx, documentId, version)
    const spans = await spansOf(trx, documentId)
    if (spans.some((s) => s.decision === 'proposed'))
      throw conflict('disclosure.error.undecidedSpans')
    const redacted =
      row.original_text === null
        ? null
        : applyRedactions(
            row.original_text,
            spans.filter((s) => s.decision === 'accepted'),
          )
    await trx
      .updateTable('disclosure_documents')
      .set({ status: 'released', redacted_text: redacted, released_at: new Date() })
      .where('id', '=', documentId)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.document.release',
      entity: 'disclosure_documents',
      entityId: documentId,
      data: { spans: spans.filter((s) => s.decision === 'accepted').length },
    })
  })
}
