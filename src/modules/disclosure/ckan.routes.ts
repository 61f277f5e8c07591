import { type Context, Hono } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../../http/context.ts'
import {
  findPublicDataset,
  publicOrganizations,
  searchPublicDatasets,
} from './catalogue.queries.ts'
import {
  CkanError,
  notFoundError,
  organizationDict,
  type Params,
  packageDict,
  parseSearch,
  validationError,
} from './ckan.ts'
import { catalogJsonLd, catalogTurtle } from './dcat.ts'
import { LICENSES } from './licenses.ts'

type Action = (c: Context<AppEnv>, params: Params, baseUrl: string) => Promise<unknown>

function idParam(params: Params, ...names: string[]): string {
  for (const name of names) {
    const v = params[name]
    const value = Array.isArray(v) ? v[0] : v
    if (value) return value
  }
  throw validationError({ [names.at(-1)!]: ['Missing value'] })
}

function paging(params: Params): { limit: number | null; offset: number } {
  const errors: Record<string, string[]> = {}
  const read = (name: string) => {
    const v = params[name]
    if (v === undefined || v === '') return null
    const text = Array.isArray(v) ? v[0]! : v
    if (!/^\d+$/.test(text.trim())) {
      errors[name] = [/^-\d+$/.test(text.trim()) ? 'Must be a natural number' : 'Invalid integer']
      return null
    }
    return Number(text)
  }
  const limit = read('limit')
  const offset = read('offset') ?? 0
  if (Object.keys(errors).length) throw validationError(errors)
  return { limit, offset }
}

const truthy = (v: string | string[] | undefined) =>
  ['true', '1', 'yes', 'True'].includes(Array.isArray(v) ? v[0]! : (v ?? ''))

/** The read-only actions of CKAN's v3 Action API that harvesters use. Only public datasets. */
const ACTIONS: Record<string, Action> = {
  async package_search(c, params, baseUrl) {
    const search = parseSearch(params)
    const { count, datasets } = await searchPublicDatasets(c.get('deps').db, search)
    return {
      count,
      facets: {},
      results: datasets.map((d) => packageDict(d, baseUrl)),
      sort:
        (Array.isArray(params.sort) ? params.sort[0] : params.sort) ??
        'score desc, metadata_modified desc',
      search_facets: {},
    }
  },
  async package_show(c, params, baseUrl) {
    const id = idParam(params, 'id', 'name_or_id')
    const dataset = await findPublicDataset(c.get('deps').db, id)
    if (!dataset) throw notFoundError()
    return packageDict(dataset, baseUrl)
  },
  async package_list(c, params) {
    const { limit, offset } = paging(params)
    const { datasets } = await searchPublicDatasets(c.get('deps').db, {
      terms: [],
      filters: [],
      sort: [{ field: 'name', direction: 'asc' }],
      rows: limit ?? 1_000_000,
      start: offset,
    })
    return datasets.map((d) => d.name)
  },
  async organization_list(c, params) {
    const { limit, offset } = paging(params)
    const orgs = await publicOrganizations(c.get('deps').db)
    const page = orgs.slice(offset, limit === null ? undefined : offset + limit)
    return truthy(params.all_fields) ? page.map(organizationDict) : page.map((o) => o.name)
  },
  async organization_show(c, params, baseUrl) {
    const id = idParam(params, 'id')
    const orgs = await publicOrganizations(c.get('deps').db)
    const org = orgs.find((o) => o.name === id || o.id === id)
    if (!org) throw notFoundError('Organization was not found.')
    const dict: Record<string, unknown> = organizationDict(org)
    if (truthy(params.include_datasets)) {
      const { datasets } = await searchPublicDatasets(c.get('deps').db, {
        terms: [],
        filters: [{ field: 'organization', value: org.name }],
        sort: [{ field: 'name', direction: 'asc' }],
        rows: 1000,
        start: 0,
      })
      dict.packages = datasets.map((d) => packageDict(d, baseUrl))
    }
    return dict
  },
  async license_list() {
    return Object.values(LICENSES).map((l) => ({
      ...l,
      status: 'active',
      maintainer: '',
      family: '',
      domain_content: false,
      domain_data: true,
      domain_software: false,
      osd_conformance: 'not reviewed',
      is_generic: false,
    }))
  },
  async group_list() {
    return []
  },
  async status_show(_c, _params, baseUrl) {
    return { site_url: baseUrl, ckan_version: '2.10.0', site_title: 'Kaikaku', extensions: [] }
  },
}

/** Query string or JSON body, as CKAN reads them: repeated keys become lists. */
async function requestParams(c: Context<AppEnv>): Promise<Params> {
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? ''
    if (
      type.startsWith('application/x-www-form-urlencoded') ||
      type.startsWith('multipart/form-data')
    ) {
      const body = await c.req.parseBody({ all: true })
      return Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
      )
    }
    const text = await c.req.text()
    if (!text.trim()) return {}
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new CkanError(
        400,
        `Bad request - JSON Error: Error decoding JSON data. Error: ${String(error)}`,
      )
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new CkanError(
        400,
        `Bad request - JSON Error: Request data JSON decoded to ${JSON.stringify(data)} but it needs to be a dictionary.`,
      )
    return Object.fromEntries(
      Object.entries(data as Record<string, unknown>).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    )
  }
  const url = new URL(c.req.url)
  const out: Params = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    out[key] = values.length === 1 ? values[0]! : values
  }
  return out
}

async function runAction(c: Context<AppEnv>) {
  const name = c.req.param('action') ?? ''
  const baseUrl = c.get('deps').config.publicUrl.replace(/\/$/, '')
  const help = `${baseUrl}/api/3/action/help_show?name=${encodeURIComponent(name)}`
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Cache-Control', 'public, max-age=60')
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined
  try {
    if (!action) throw new CkanError(400, `Bad request - Action name not known: ${name}`)
    const params = await requestParams(c)
    delete params.callback
    const result = await action(c, params, baseUrl)
    return c.json({ help, success: true, result })
  } catch (error) {
    if (!(error instanceof CkanError)) throw error
    c.header('Cache-Control', 'no-store')
    if (typeof error.error === 'string') return c.json(error.error, error.status as 400)
    return c.json({ help, success: false, error: error.error }, error.status as 400)
  }
}

/** Mounted at `/api/3`: public and read-only, outside sign-in and CSRF (nothing here writes). */
export const ckanApiRoutes = new Hono<AppEnv>()
  // Harvesters poll: an unchanged answer costs them a 304 and no body.
  .use('/action/*', etag())
  .get('/', (c) => c.json({ version: 3 }))
  .get('/action/:action', runAction)
  .post('/action/:action', runAction)

/** The DCAT catalogue for harvesters that speak RDF. */
export const dcatRoutes = new Hono<AppEnv>()
  .get('/catalog.ttl', async (c) => {
    const body = await catalogTurtle(c.get('deps').db, c.get('deps').config.publicUrl)
    return c.body(body, 200, { 'Content-Type': 'text/turtle; charset=utf-8' })
  })
  .get('/catalog.jsonld', async (c) => {
    const body = await catalogJsonLd(c.get('deps').db, c.get('deps').config.publicUrl)
    return c.body(JSON.stringify(body), 200, {
      'Content-Type': 'application/ld+json; charset=utf-8',
    })
  })
