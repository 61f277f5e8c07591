import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import {
  type IncomingFile,
  readStoredFile,
  type StoredFileInfo,
  storeFile,
} from '../../files/index.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { selectDatasets, toDatasets } from './catalogue.queries.ts'
import { canManageDisclosure } from './disclosure.policy.ts'
import {
  datasetInputSchema,
  datasetUpdateSchema,
  generatedResourceSchema,
  resourceInputSchema,
  visibilitySchema,
} from './disclosure.schemas.ts'
import type { ResourceFormat } from './disclosure.tables.ts'
import type { Dataset } from './disclosure.types.ts'
import { generateFile } from './generators.ts'

const RESOURCE_POLICY = {
  maxBytes: 50 * 1024 * 1024,
  kinds: ['csv', 'xlsx', 'json', 'txt'] as const,
}
const FORMAT_OF: Record<string, ResourceFormat> = {
  csv: 'CSV',
  xlsx: 'XLSX',
  json: 'JSON',
  txt: 'TXT',
}

export async function listDatasets(db: Db, actor: Actor | null): Promise<Dataset[]> {
  authorize(actor, canManageDisclosure)
  const rows = await selectDatasets(db)
    .where('d.state', '=', 'active')
    .orderBy('d.metadata_modified', 'desc')
    .orderBy('d.id')
    .execute()
  return toDatasets(db, rows)
}

export async function getDataset(db: Db, actor: Actor | null, id: string): Promise<Dataset> {
  authorize(actor, canManageDisclosure)
  const row = await selectDatasets(db).where('d.id', '=', id).executeTakeFirst()
  if (row?.state !== 'active') throw notFound()
  return (await toDatasets(db, [row]))[0]!
}

async function checkUnit(trx: Db, unitId: string) {
  const unit = await trx
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .executeTakeFirst()
  if (!unit) throw invalidField('unitId', 'validation.choice')
}

async function checkNameFree(trx: Db, name: string, except?: string) {
  let query = trx.selectFrom('opendata_datasets').select('id').where('name', '=', name)
  if (except) query = query.where('id', '<>', except)
  if (await query.executeTakeFirst()) throw invalidField('name', 'disclosure.error.nameTaken')
}

/** A new dataset is private until the officer publishes it. */
export async function createDataset(
  db: Db,
  actor: Actor | null,
  input: unknown,
  options: { isPrivate?: boolean } = {},
): Promise<Dataset> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(datasetInputSchema, input)
  return withTransaction(db, async (trx) => {
    await checkUnit(trx, data.unitId)
    await checkNameFree(trx, data.name)
    const row = await trx
      .insertInto('opendata_datasets')
      .values({
        name: data.name,
        title: data.title,
        notes: data.notes,
        unit_id: data.unitId,
        license_id: data.licenseId,
        tags: JSON.stringify(data.tags),
        frequency: data.frequency,
        is_private: options.isPrivate ?? true,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'opendata.dataset.create',
      entity: 'opendata_datasets',
      entityId: row.id,
      data: { name: data.name },
    })
    return getDataset(trx, actor, row.id)
  })
}

/** Locks a dataset at a version and marks it modified (harvesters look at metadata_modified). */
async function touch(trx: Db, id: string, version: number | null) {
  const row = await trx
    .selectFrom('opendata_datasets')
    .select(['version', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (row?.state !== 'active') throw notFound()
  if (version !== null && row.version !== version) throw conflict()
  await trx
    .updateTable('opendata_datasets')
    .set({ version: sql<number>`version + 1`, metadata_modified: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function updateDataset(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(datasetUpdateSchema, input)
  await withTransaction(db, async (trx) => {
    await touch(trx, id, data.version)
    await checkUnit(trx, data.unitId)
    await checkNameFree(trx, data.name, id)
    await trx
      .updateTable('opendata_datasets')
      .set({
        name: data.name,
        title: data.title,
        notes: data.notes,
        unit_id: data.unitId,
        license_id: data.licenseId,
        tags: JSON.stringify(data.tags),
        frequency: data.frequency,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'opendata.dataset.update',
      entity: 'opendata_datasets',
      entityId: id,
      data: { name: data.name },
    })
  })
}

/** Publishes (public) or withdraws (private) a dataset; a public one needs a resource. */
export async function setVisibility(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(visibilitySchema, input)
  await withTransaction(db, async (trx) => {
    await touch(trx, id, data.version)
    if (data.visibility === 'public') {
      const resource = await trx
        .selectFrom('opendata_resources')
        .select('id')
        .where('dataset_id', '=', id)
        .executeTakeFirst()
      if (!resource) throw conflict('disclosure.error.noResources')
    }
    await trx
      .updateTable('opendata_datasets')
      .set({ is_private: data.visibility === 'private' })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `opendata.dataset.${data.visibility === 'public' ? 'publish' : 'withdraw'}`,
      entity: 'opendata_datasets',
      entityId: id,
    })
  })
}

async function insertResource(
  trx: Db,
  actor: Actor,
  datasetId: string,
  values: { name: string; description: string; generator: 'programs' | 'meetings' | null },
  file: StoredFileInfo,
  format: ResourceFormat,
) {
  const row = await trx
    .insertInto('opendata_resources')
    .values({
      dataset_id: datasetId,
      name: values.name,
      description: values.description,
      format,
      file_id: file.id,
      generator: values.generator,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, {
    actorId: actor.userId,
    action: 'opendata.resource.add',
    entity: 'opendata_resources',
    entityId: row.id,
    data: { datasetId, format, generator: values.generator, size: file.size },
  })
  return row.id
}

export async function addUploadedResource(
  db: Db,
  actor: Actor | null,
  datasetId: string,
  input: unknown,
  file: IncomingFile | undefined,
): Promise<string> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(resourceInputSchema, input)
  if (!file) throw invalidField('resourceFile', 'validation.required')
  return withTransaction(db, async (trx) => {
    await touch(trx, datasetId, null)
    const stored = await storeFile(trx, actor.userId, 'resourceFile', file, RESOURCE_POLICY)
    const ext = stored.filename.toLowerCase().split('.').pop() ?? ''
    return insertResource(
      trx,
      actor,
      datasetId,
      { name: data.resourceName, description: data.resourceDescription, generator: null },
      stored,
      FORMAT_OF[ext] ?? 'CSV',
    )
  })
}

/** A resource made from the app's own data (the programme registry, the council meetings). */
export async function addGeneratedResource(
  db: Db,
  actor: Actor | null,
  datasetId: string,
  input: unknown,
): Promise<string> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(generatedResourceSchema, input)
  return withTransaction(db, async (trx) => {
    await touch(trx, datasetId, null)
    const file = await generateFile(trx, actor, data.generator, data.format)
    const stored = await storeFile(trx, actor.userId, 'generator', file, RESOURCE_POLICY)
    const name = `${data.generator === 'programs' ? '予算事業一覧' : '審議会等の会議一覧'}（${data.format}）`
    return insertResource(
      trx,
      actor,
      datasetId,
      { name, description: '', generator: data.generator },
      stored,
      data.format,
    )
  })
}

/** Makes a generated resource again from today's data; the old file is replaced. */
export async function regenerateResource(
  db: Db,
  actor: Actor | null,
  resourceId: string,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  await withTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('opendata_resources')
      .selectAll()
      .where('id', '=', resourceId)
      .executeTakeFirst()
    if (!row?.generator) throw notFound()
    await touch(trx, row.dataset_id, null)
    const file = await generateFile(trx, actor, row.generator, row.format as 'CSV')
    const stored = await storeFile(trx, actor.userId, 'generator', file, RESOURCE_POLICY)
    await trx
      .updateTable('opendata_resources')
      .set({ file_id: stored.id, last_modified: new Date() })
      .where('id', '=', resourceId)
      .execute()
    await trx.deleteFrom('stored_files').where('id', '=', row.file_id).execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'opendata.resource.regenerate',
      entity: 'opendata_resources',
      entityId: resourceId,
      data: { size: stored.size },
    })
  })
}

/** A resource's file for anyone: only if its dataset is public. */
export async function publicResourceFile(db: Db, resourceId: string) {
  const row = await db
    .selectFrom('opendata_resources as r')
    .innerJoin('opendata_datasets as d', 'd.id', 'r.dataset_id')
    .select(['r.file_id'])
    .where('r.id', '=', resourceId)
    .where('d.is_private', '=', false)
    .where('d.state', '=', 'active')
    .executeTakeFirst()
  const file = row && (await readStoredFile(db, row.file_id))
  if (!file) throw notFound()
  return file
}

/** A resource's file for the officer, public or not. */
export async function resourceFile(db: Db, actor: Actor | null, resourceId: string) {
  authorize(actor, canManageDisclosure)
  const row = await db
    .selectFrom('opendata_resources')
    .select('file_id')
    .where('id', '=', resourceId)
    .executeTakeFirst()
  const file = row && (await readStoredFile(db, row.file_id))
  if (!file) throw notFound()
  return file
}
