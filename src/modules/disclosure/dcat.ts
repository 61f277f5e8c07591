import type { Db } from '../../db/schema.ts'
import { searchPublicDatasets } from './catalogue.queries.ts'
import type { Dataset } from './disclosure.types.ts'
import { LICENSES } from './licenses.ts'

const FREQUENCY: Record<string, string> = {
  daily: 'http://purl.org/cld/freq/daily',
  monthly: 'http://purl.org/cld/freq/monthly',
  quarterly: 'http://purl.org/cld/freq/quarterly',
  annual: 'http://purl.org/cld/freq/annual',
  irregular: 'http://purl.org/cld/freq/irregular',
}

async function allPublic(db: Db): Promise<Dataset[]> {
  const { datasets } = await searchPublicDatasets(db, {
    terms: [],
    filters: [],
    sort: [{ field: 'name', direction: 'asc' }],
    rows: 100_000,
    start: 0,
  })
  return datasets
}

const base = (url: string) => url.replace(/\/$/, '')

/** The catalogue as DCAT in JSON-LD (one graph: the catalogue, its datasets, distributions). */
export async function catalogJsonLd(db: Db, publicUrl: string) {
  const url = base(publicUrl)
  const datasets = await allPublic(db)
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@graph': [
      {
        '@id': `${url}/catalog`,
        '@type': 'dcat:Catalog',
        'dct:title': { '@value': '産業労働局 オープンデータカタログ', '@language': 'ja' },
        'dct:language': 'ja',
        'foaf:homepage': { '@id': `${url}/portal/data` },
        'dcat:dataset': datasets.map((d) => ({ '@id': `${url}/portal/data/${d.name}` })),
      },
      ...datasets.map((d) => ({
        '@id': `${url}/portal/data/${d.name}`,
        '@type': 'dcat:Dataset',
        'dct:identifier': d.id,
        'dct:title': { '@value': d.title, '@language': 'ja' },
        'dct:description': { '@value': d.notes, '@language': 'ja' },
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': d.unitName },
        'dct:issued': { '@value': d.metadataCreated.toISOString(), '@type': 'xsd:dateTime' },
        'dct:modified': { '@value': d.metadataModified.toISOString(), '@type': 'xsd:dateTime' },
        'dct:license': { '@id': LICENSES[d.licenseId].url },
        'dct:accrualPeriodicity': { '@id': FREQUENCY[d.frequency] ?? FREQUENCY.irregular },
        'dcat:keyword': d.tags,
        'dcat:landingPage': { '@id': `${url}/portal/data/${d.name}` },
        'dcat:distribution': d.resources.map((r) => ({
          '@id': `${url}/portal/data/resources/${r.id}`,
          '@type': 'dcat:Distribution',
          'dct:title': r.name,
          'dct:format': r.format,
          'dcat:mediaType': r.mimetype,
          'dcat:byteSize': { '@value': String(r.size), '@type': 'xsd:decimal' },
          'dcat:downloadURL': { '@id': `${url}/portal/data/resources/${r.id}/download` },
          'dcat:accessURL': { '@id': `${url}/portal/data/${d.name}` },
          'dct:license': { '@id': LICENSES[d.licenseId].url },
          'dct:modified': { '@value': r.lastModified.toISOString(), '@type': 'xsd:dateTime' },
        })),
      })),
    ],
  }
}

/** A Turtle string literal: backslash, quote and line breaks escaped. */
function lit(value: string, lang?: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
  return `"${escaped}"${lang ? `@${lang}` : ''}`
}
const iri = (value: string) => `<${value.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent)}>`
const dateTime = (d: Date) => `"${d.toISOString()}"^^xsd:dateTime`

/** The same catalogue in Turtle. */
export async function catalogTurtle(db: Db, publicUrl: string): Promise<string> {
  const url = base(publicUrl)
  const datasets = await allPublic(db)
  const lines = [
    '@prefix dcat: <http://www.w3.org/ns/dcat#> .',
    '@prefix dct: <http://purl.org/dc/terms/> .',
    '@prefix foaf: <http://xmlns.com/foaf/0.1/> .',
    '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .',
    '',
    `${iri(`${url}/catalog`)} a dcat:Catalog ;`,
    `  dct:title ${lit('産業労働局 オープンデータカタログ', 'ja')} ;`,
    `  dct:language ${lit('ja')} ;`,
    `  foaf:homepage ${iri(`${url}/portal/data`)}${datasets.length ? ' ;' : ' .'}`,
  ]
  if (datasets.length)
    lines.push(
      `  dcat:dataset ${datasets.map((d) => iri(`${url}/portal/data/${d.name}`)).join(', ')} .`,
    )
  for (const d of datasets) {
    const page = `${url}/portal/data/${d.name}`
    lines.push(
      '',
      `${iri(page)} a dcat:Dataset ;`,
      `  dct:identifier ${lit(d.id)} ;`,
      `  dct:title ${lit(d.title, 'ja')} ;`,
      `  dct:description ${lit(d.notes, 'ja')} ;`,
      `  dct:publisher [ a foaf:Organization ; foaf:name ${lit(d.unitName, 'ja')} ] ;`,
      `  dct:issued ${dateTime(d.metadataCreated)} ;`,
      `  dct:modified ${dateTime(d.metadataModified)} ;`,
      `  dct:license ${iri(LICENSES[d.licenseId].url)} ;`,
      `  dct:accrualPeriodicity ${iri(FREQUENCY[d.frequency] ?? FREQUENCY.irregular!)} ;`,
      ...d.tags.map((t) => `  dcat:keyword ${lit(t, 'ja')} ;`),
      ...d.resources.map(
        (r) => `  dcat:distribution ${iri(`${url}/portal/data/resources/${r.id}`)} ;`,
      ),
      `  dcat:landingPage ${iri(page)} .`,
    )
    for (const r of d.resources) {
      lines.push(
        '',
        `${iri(`${url}/portal/data/resources/${r.id}`)} a dcat:Distribution ;`,
        `  dct:title ${lit(r.name, 'ja')} ;`,
        `  dct:format ${lit(r.format)} ;`,
        `  dcat:mediaType ${lit(r.mimetype)} ;`,
        `  dcat:byteSize "${r.size}"^^xsd:decimal ;`,
        `  dct:license ${iri(LICENSES[d.licenseId].url)} ;`,
        `  dct:modified ${dateTime(r.lastModified)} ;`,
        `  dcat:accessURL ${iri(page)} ;`,
        `  dcat:downloadURL ${iri(`${url}/portal/data/resources/${r.id}/download`)} .`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}
