import { type ExpressionBuilder, sql } from 'kysely'
import type { DB, Db } from '../../db/schema.ts'
import type { Dataset, Resource } from './disclosure.types.ts'

export function selectDatasets(db: Db) {
  return db
    .selectFrom('opendata_datasets as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'd.id',
      'd.name',
      'd.title',
      'd.notes',
      'd.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'd.license_id',
      'd.tags',
      'd.frequency',
      'd.is_private',
      'd.state',
      'd.metadata_created',
      'd.metadata_modified',
      'd.version',
    ])
}

/** What anyone may see: public, not deleted. */
export function publicDatasets(db: Db) {
  return selectDatasets(db).where('d.is_private', '=', false).where('d.state', '=', 'active')
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDatasets>['execute']>>[number]

export async function resourcesOf(db: Db, datasetIds: string[]): Promise<Map<string, Resource[]>> {
  const out = new Map<string, Resource[]>()
  if (datasetIds.length === 0) return out
  const rows = await db
    .selectFrom('opendata_resources as r')
    .innerJoin('stored_files as f', 'f.id', 'r.file_id')
    .select([
      'r.id',
      'r.dataset_id',
      'r.name',
      'r.description',
      'r.format',
      'r.generator',
      'r.created_at',
      'r.last_modified',
      'f.content_type',
      'f.size',
      'f.sha256',
      'f.filename',
    ])
    .where('r.dataset_id', 'in', datasetIds)
    .orderBy('r.sort_order')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute()
  for (const r of rows) {
    const list = out.get(r.dataset_id) ?? []
    list.push({
      id: r.id,
      datasetId: r.dataset_id,
      name: r.name,
      description: r.description,
      format: r.format,
      mimetype: r.content_type,
      size: r.size,
      hash: r.sha256,
      filename: r.filename,
      generator: r.generator,
      created: r.created_at,
      lastModified: r.last_modified,
    })
    out.set(r.dataset_id, list)
  }
  return out
}

export async function toDatasets(db: Db, rows: Row[]): Promise<Dataset[]> {
  const resources = await resourcesOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    title: r.title,
    notes: r.notes,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    licenseId: r.license_id,
    tags: r.tags,
    frequency: r.frequency,
    isPrivate: r.is_private,
    state: r.state,
    metadataCreated: r.metadata_created,
    metadataModified: r.metadata_modified,
    version: r.version,
    resources: resources.get(r.id) ?? [],
  }))
}

export type SortField = 'id' | 'name' | 'title' | 'metadata_modified' | 'metadata_created'
export type Filter =
  | {
      field: 'organization' | 'owner_org' | 'tags' | 'res_format' | 'license_id' | 'name' | 'id'
      value: string
    }
  | { field: 'metadata_modified' | 'metadata_created'; from: Date | null; to: Date | null }

export interface PublicSearch {
  terms: string[]
  filters: Filter[]
  sort: { field: SortField; direction: 'asc' | 'desc' }[]
  rows: number
  start: number
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

type Scope = DB & { d: DB['opendata_datasets']; u: DB['units'] }

function applyFilter(eb: ExpressionBuilder<Scope, 'd' | 'u'>, f: Filter) {
  switch (f.field) {
    case 'organization':
      return eb('u.code', '=', f.value)
    case 'tags':
      return eb(sql`d.tags`, '@>', sql`${JSON.stringify([f.value])}::jsonb`)
    case 'res_format':
      return eb.exists(
        eb
          .selectFrom('opendata_resources as r')
          .select('r.id')
          .whereRef('r.dataset_id', '=', 'd.id')
          .where(sql`upper(r.format)`, '=', f.value.toUpperCase()),
      )
    case 'license_id':
      return eb('d.license_id', '=', f.value as never)
    case 'owner_org':
      return eb(sql`d.unit_id::text`, '=', f.value)
    case 'name':
      return eb('d.name', '=', f.value)
    case 'id':
      return eb(sql`d.id::text`, '=', f.value)
    default: {
      const column = f.field === 'metadata_modified' ? 'd.metadata_modified' : 'd.metadata_created'
      const parts = []
      if (f.from) parts.push(eb(column, '>=', f.from))
      if (f.to) parts.push(eb(column, '<=', f.to))
      return eb.and(parts)
    }
  }
}

/** The public catalogue searched: every term in title, notes, name or tags; filters ANDed. */
export async function searchPublicDatasets(
  db: Db,
  search: PublicSearch,
): Promise<{ count: number; datasets: Dataset[] }> {
  let query = publicDatasets(db)
  for (const term of search.terms) {
    const pattern = `%${likeEscape(term)}%`
    query = query.where((eb) =>
      eb.or([
        eb('d.title', 'ilike', pattern),
        eb('d.notes', 'ilike', pattern),
        eb('d.name', 'ilike', pattern),
        eb(sql`d.tags::text`, 'ilike', pattern),
        eb('u.name', 'ilike', pattern),
      ]),
    )
  }
  for (const f of search.filters) query = query.where((eb) => applyFilter(eb as never, f))
  const { count } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  let ordered = query
  for (const s of search.sort) ordered = ordered.orderBy(`d.${s.field}`, s.direction)
  // A total order, so that paging with rows/start sees every dataset exactly once.
  if (!search.sort.some((s) => s.field === 'id')) ordered = ordered.orderBy('d.id', 'asc')
  const rows = await ordered.limit(search.rows).offset(search.start).execute()
  return { count: Number(count), datasets: await toDatasets(db, rows) }
}

export async function findPublicDataset(db: Db, idOrName: string): Promise<Dataset | undefined> {
  const row = await publicDatasets(db)
    .where((eb) => eb.or([eb('d.name', '=', idOrName), eb(sql`d.id::text`, '=', idOrName)]))
    .executeTakeFirst()
  return row && (await toDatasets(db, [row]))[0]
}

export interface Organization {
  id: string
  name: string
  title: string
  created: Date
  packageCount: number
}

/** The units that publish at least one public dataset, by code. */
export async function publicOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('opendata_datasets as d', 'd.unit_id', 'u.id')
    .select(['u.id', 'u.code', 'u.name', 'u.created_at'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('d.is_private', '=', false)
    .where('d.state', '=', 'active')
    .groupBy(['u.id', 'u.code', 'u.name', 'u.created_at'])
    .orderBy('u.code')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.code,
    title: r.name,
    created: r.created_at,
    packageCount: Number(r.count),
  }))
}
