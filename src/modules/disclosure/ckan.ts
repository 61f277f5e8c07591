import type { Filter, Organization, PublicSearch, SortField } from './catalogue.queries.ts'
import type { Dataset } from './disclosure.types.ts'
import { LICENSES } from './licenses.ts'

/** An action's failure as CKAN reports it: the HTTP status and the `error` object. */
export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown> | string,
  ) {
    super(typeof error === 'string' ? error : String(error.__type))
  }
}

export const validationError = (fields: Record<string, string[]>) =>
  new CkanError(409, { ...fields, __type: 'Validation Error' })
export const notFoundError = (what = '') =>
  new CkanError(404, {
    __type: 'Not Found Error',
    message: what ? `Not found: ${what}` : 'Not found',
  })
export const searchQueryError = (message: string) =>
  new CkanError(400, {
    __type: 'Search Query Error',
    message: `Search Query is invalid: ("${message}",)`,
  })
export const searchError = (message: string) =>
  new CkanError(409, { __type: 'Search Error', message: `Search error: ("${message}",)` })

type FilterField = Extract<Filter, { value: string }>['field']
const FILTER_FIELDS = new Set([
  'organization',
  'owner_org',
  'tags',
  'res_format',
  'license_id',
  'name',
  'id',
])

export type Params = Record<string, string | string[]>

const ROWS_MAX = 1000

/** CKAN's `natural_number_validator`/`non_negative_integer` messages. */
function integerParam(
  params: Params,
  name: string,
  fallback: number,
  errors: Record<string, string[]>,
  kind: 'natural' | 'non_negative',
): number {
  const raw = params[name]
  if (raw === undefined || raw === '') return fallback
  const text = Array.isArray(raw) ? raw[0]! : raw
  if (!/^\s*-?\d+\s*$/.test(text)) {
    errors[name] = ['Invalid integer']
    return fallback
  }
  const value = Number.parseInt(text, 10)
  if (value < 0) {
    errors[name] = [kind === 'natural' ? 'Must be a natural number' : 'Must be a positive integer']
    return fallback
  }
  return value
}

const SEARCH_PARAMS = new Set([
  'q',
  'fq',
  'rows',
  'start',
  'sort',
  'fl',
  'facet',
  'facet.field',
  'facet.limit',
  'facet.mincount',
  'include_private',
  'include_drafts',
  'include_deleted',
  'use_default_schema',
  'defType',
  'qf',
  'wt',
  'callback',
  '_',
])

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(' ') : (v ?? ''))

function parseDate(value: string): Date | null | 'bad' {
  if (value === '*') return null
  const v = value.replace(/^"|"$/g, '')
  const m = /^NOW(?:-(\d+)(DAYS?|HOURS?|MONTHS?|YEARS?))?$/.exec(v)
  if (m) {
    const d = new Date()
    const n = Number(m[1] ?? 0)
    const unit = m[2] ?? 'DAY'
    if (unit.startsWith('DAY')) d.setUTCDate(d.getUTCDate() - n)
    else if (unit.startsWith('HOUR')) d.setUTCHours(d.getUTCHours() - n)
    else if (unit.startsWith('MONTH')) d.setUTCMonth(d.getUTCMonth() - n)
    else d.setUTCFullYear(d.getUTCFullYear() - n)
    return d
  }
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(v)) return 'bad'
  const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`)
  return Number.isNaN(d.getTime()) ? 'bad' : d
}

/**
 * The Solr filter queries harvesters send: `field:value` and `field:"value"` clauses joined by
 * spaces or AND, with ranges `[from TO to]` for the metadata dates (`*` and `NOW-1DAY` allowed).
 */
export function parseFq(fq: string): Filter[] {
  const filters: Filter[] = []
  const clause =
    /\+?([a-z_]+):(\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[^\s"[\]]+)|\s+|AND(?=\s)|\+?dataset_type:dataset/gy
  let at = 0
  const text = fq.trim()
  while (at < text.length) {
    clause.lastIndex = at
    const m = clause.exec(text)
    if (!m) throw searchError(`Can't parse fq: ${text}`)
    at = clause.lastIndex
    if (!m[1]) continue
    const field = m[1]
    const raw = m[2]!
    if (field === 'dataset_type' || field === 'capacity' || field === 'state') continue
    if (field === 'metadata_modified' || field === 'metadata_created') {
      const range = /^\[(\S+)\s+TO\s+(\S+)\]$/.exec(raw)
      const from = range ? parseDate(range[1]!) : parseDate(raw)
      const to = range ? parseDate(range[2]!) : from
      if (from === 'bad' || to === 'bad') throw searchError(`Invalid date in fq: ${raw}`)
      filters.push({ field, from, to })
      continue
    }
    const value = raw.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1')
    if (FILTER_FIELDS.has(field)) {
      filters.push({ field: field as FilterField, value })
      continue
    }
    throw searchError(`undefined field ${field}`)
  }
  return filters
}

const SORT_FIELDS: Record<string, SortField> = {
  id: 'id',
  name: 'name',
  title_string: 'title',
  title: 'title',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
}

function parseSort(sort: string): PublicSearch['sort'] {
  if (!sort.trim()) return [{ field: 'metadata_modified', direction: 'desc' }]
  return sort.split(',').flatMap((part) => {
    const [field, direction = 'asc', ...rest] = part.trim().split(/\s+/)
    if (field === 'score') return []
    const mapped = SORT_FIELDS[field ?? '']
    if (!mapped || rest.length || (direction !== 'asc' && direction !== 'desc'))
      throw searchError(`Can't determine a sort order: ${part.trim()}`)
    return [{ field: mapped, direction }]
  })
}

/** package_search's parameters checked the way CKAN checks them. */
export function parseSearch(params: Params): PublicSearch {
  const errors: Record<string, string[]> = {}
  const rows = Math.min(integerParam(params, 'rows', 10, errors, 'non_negative'), ROWS_MAX)
  const start = integerParam(params, 'start', 0, errors, 'natural')
  if (Object.keys(errors).length) throw validationError(errors)
  const unknown = Object.keys(params).filter((k) => !SEARCH_PARAMS.has(k))
  if (unknown.length)
    throw searchQueryError(
      `Invalid search parameters: [${unknown.map((k) => `'${k}'`).join(', ')}]`,
    )
  const q = str(params.q).trim()
  const terms = q === '' || q === '*:*' ? [] : q.split(/\s+/).filter((t) => t !== 'AND')
  return { terms, filters: parseFq(str(params.fq)), sort: parseSort(str(params.sort)), rows, start }
}

const iso = (d: Date) => d.toISOString().replace(/Z$/, '')

export function organizationDict(
  o: Pick<Organization, 'id' | 'name' | 'title' | 'created'> & { packageCount?: number },
) {
  return {
    id: o.id,
    name: o.name,
    title: o.title,
    display_name: o.title,
    type: 'organization',
    description: '',
    image_url: '',
    created: iso(o.created),
    is_organization: true,
    approval_status: 'approved',
    state: 'active',
    ...(o.packageCount === undefined ? {} : { package_count: o.packageCount }),
  }
}

/** A dataset in CKAN's package dictionary (field names as CKAN spells them). */
export function packageDict(d: Dataset, baseUrl: string) {
  const license = LICENSES[d.licenseId]
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    notes: d.notes,
    type: 'dataset',
    state: d.state,
    private: d.isPrivate,
    owner_org: d.unitId,
    organization: organizationDict({
      id: d.unitId,
      name: d.unitCode,
      title: d.unitName,
      created: d.metadataCreated,
    }),
    license_id: license.id,
    license_title: license.title,
    license_url: license.url,
    isopen: true,
    metadata_created: iso(d.metadataCreated),
    metadata_modified: iso(d.metadataModified),
    url: `${baseUrl}/portal/data/${d.name}`,
    frequency: d.frequency,
    extras: [{ key: 'frequency', value: d.frequency }],
    num_tags: d.tags.length,
    tags: d.tags.map((t) => ({
      id: t,
      name: t,
      display_name: t,
      state: 'active',
      vocabulary_id: null,
    })),
    groups: [],
    num_resources: d.resources.length,
    resources: d.resources.map((r, i) => ({
      id: r.id,
      package_id: d.id,
      name: r.name,
      description: r.description,
      format: r.format,
      mimetype: r.mimetype,
      size: r.size,
      hash: `sha256:${r.hash}`,
      url: `${baseUrl}/portal/data/resources/${r.id}/download`,
      url_type: null,
      created: iso(r.created),
      last_modified: iso(r.lastModified),
      metadata_modified: iso(r.lastModified),
      position: i,
      state: 'active',
    })),
  }
}
