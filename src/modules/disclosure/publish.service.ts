import { z } from 'zod'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { closeCandidate } from './candidates.service.ts'
import { addUploadedResource, createDataset, setVisibility } from './catalogue.service.ts'
import { canManageDisclosure } from './disclosure.policy.ts'
import { datasetInputSchema } from './disclosure.schemas.ts'
import type { Dataset } from './disclosure.types.ts'

const publishSchema = datasetInputSchema.extend({ version: z.coerce.number().int().min(1) })

/**
 * Publishes a repeatedly requested topic: a public dataset whose resources are the documents
 * released for the topic's requests (their redacted text only), and the candidate closed with
 * a link to it. All in one transaction: nothing is half-published.
 */
export async function publishCandidate(
  db: Db,
  actor: Actor | null,
  candidateId: string,
  input: unknown,
): Promise<Dataset> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(publishSchema, input)
  return withTransaction(db, async (trx) => {
    const candidate = await trx
      .selectFrom('disclosure_candidates')
      .select(['request_ids', 'status', 'version'])
      .where('id', '=', candidateId)
      .executeTakeFirst()
    if (!candidate) throw notFound()
    if (candidate.version !== data.version) throw conflict()
    if (candidate.status !== 'open') throw conflict('disclosure.error.candidateClosed')
    const documents = candidate.request_ids.length
      ? await trx
          .selectFrom('disclosure_documents')
          .select(['title', 'redacted_text'])
          .where('request_id', 'in', candidate.request_ids)
          .where('status', '=', 'released')
          .where('redacted_text', 'is not', null)
          .orderBy('released_at')
          .execute()
      : []
    if (documents.length === 0) throw conflict('disclosure.error.nothingReleased')
    const dataset = await createDataset(trx, actor, input)
    for (const [i, doc] of documents.entries()) {
      await addUploadedResource(
        trx,
        actor,
        dataset.id,
        { resourceName: doc.title },
        {
          filename: `${dataset.name}-${i + 1}.txt`,
          bytes: new TextEncoder().encode(doc.redacted_text ?? ''),
        },
      )
    }
    const current = await trx
      .selectFrom('opendata_datasets')
      .select('version')
      .where('id', '=', dataset.id)
      .executeTakeFirstOrThrow()
    await setVisibility(trx, actor, dataset.id, { visibility: 'public', version: current.version })
    await closeCandidate(trx, actor, candidateId, { datasetId: dataset.id, version: data.version })
    return dataset
  })
}
