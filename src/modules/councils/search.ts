import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'

/**
 * Japanese full-text search over published minutes: a character-bigram index in two plain
 * tables (no extension, so it runs on PGlite and PostgreSQL alike). Every document that
 * contains the query contains all of its bigrams, so the index never loses a match (recall
 * equals a substring scan); each candidate is then checked with strpos, so none is false.
 */
export function searchForm(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** The distinct bigrams of a text with how often each occurs (whitespace never inside one). */
export function bigramCounts(text: string): Map<string, number> {
  const grams = new Map<string, number>()
  for (let i = 0; i + 2 <= text.length; i++) {
    const gram = text.slice(i, i + 2)
    if (!/\s/.test(gram)) grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

export function bigramsOf(text: string): string[] {
  return [...bigramCounts(text).keys()]
}

/** Adds (or replaces) one document: only ever called with published, redacted text. */
export async function indexDocument(
  trx: Db,
  doc: { minutesId: string; meetingId: string; title: string; body: string; publishedAt: Date },
): Promise<void> {
  await removeFromIndex(trx, doc.minutesId)
  const searchText = searchForm(`${doc.title}\n${doc.body}`)
  await trx
    .insertInto('council_search_documents')
    .values({
      minutes_id: doc.minutesId,
      meeting_id: doc.meetingId,
      title: doc.title,
      body: doc.body,
      search_text: searchText,
      published_at: doc.publishedAt,
    })
    .execute()
  const grams = [...bigramCounts(searchText)]
  for (let i = 0; i < grams.length; i += 2000) {
    await trx
      .insertInto('council_search_bigrams')
      .values(
        grams.slice(i, i + 2000).map(([gram, occurrences]) => ({
          minutes_id: doc.minutesId,
          gram,
          occurrences,
          published_at: doc.publishedAt,
        })),
      )
      .execute()
  }
}

export async function removeFromIndex(trx: Db, minutesId: string): Promise<void> {
  await trx.deleteFrom('council_search_bigrams').where('minutes_id', '=', minutesId).execute()
  await trx.deleteFrom('council_search_documents').where('minutes_id', '=', minutesId).execute()
}

export interface SearchHit {
  minutesId: string
  meetingId: string
  title: string
  publishedAt: Date
  /** How often the terms occur: the ranking. */
  score: number
  /** Text around the first match, split so that the match can be highlighted. */
  snippet: { before: string; match: string; after: string }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

export interface SearchResult {
  hits: SearchHit[]
  total: number
  /**
   * True when the total is estimated: past `exactTotalUpTo` candidates, only the documents
   * walked to fill the page are checked against the text, and the total is extrapolated
   * from the share of them that matched.
   */
  totalIsEstimate: boolean
}

export interface SearchOptions {
  limit?: number
  offset?: number
  /** Up to this many candidate documents, every one is checked, so the total is exact. */
  exactTotalUpTo?: number
}

const EXACT_TOTAL_UP_TO = 100

/**
 * Terms separated by spaces must all occur. Ranked by how often the query's least frequent
 * bigram occurs in the document (for a two-character query, exactly how often it occurs; for a
 * longer one, an upper bound of it), newest first on ties.
 */
export async function searchDocuments(
  db: Db,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const terms = [...new Set(searchForm(query).split(/\s+/).filter(Boolean))].slice(0, 5)
  if (terms.length === 0) return { hits: [], total: 0, totalIsEstimate: false }
  if (terms.some((t) => bigramsOf(t).length === 0)) return scanDocuments(db, terms, options)
  const grams = [...new Set(terms.flatMap((t) => bigramsOf(t)))]
  const frequency = new Map(
    (
      await db
        .selectFrom('council_search_grams')
        .select(['gram', 'documents'])
        .where('gram', 'in', grams)
        .execute()
    ).map((r) => [r.gram, r.documents]),
  )
  if (grams.some((g) => !frequency.has(g))) return { hits: [], total: 0, totalIsEstimate: false }
  const rarest = grams.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a))
  return walkPostings(db, terms, rarest, frequency.get(rarest)!, options)
}

/**
 * Walks the rarest bigram's documents in rank order (one index range), checking each with
 * strpos for every term, only as far as the page needs. A two-character query needs no check:
 * its bigram is the query. The total is exact when the walk reached the end (or the bigram is
 * in at most `exactTotalUpTo` documents); else it is estimated from the share that matched.
 */
async function walkPostings(
  db: Db,
  terms: string[],
  rarest: string,
  documents: number,
  options: SearchOptions,
): Promise<SearchResult> {
  const limit = options.limit ?? 20
  const offset = options.offset ?? 0
  const isBigram = terms.length === 1 && terms[0] === rarest
  const exactUpTo = options.exactTotalUpTo ?? EXACT_TOTAL_UP_TO
  const wanted = !isBigram && documents <= exactUpTo ? documents : offset + limit
  const chunk = isBigram ? offset + limit : 2 * (offset + limit)
  const matched: { minutes_id: string; score: number }[] = []
  let checked = 0
  while (checked < documents && matched.length < wanted) {
    const postings = await db
      .selectFrom('council_search_bigrams')
      .select(['minutes_id', 'occurrences as score'])
      .where('gram', '=', rarest)
      .orderBy('occurrences', 'desc')
      .orderBy('published_at', 'desc')
      .orderBy('minutes_id', 'desc')
      .limit(chunk)
      .offset(checked)
      .execute()
    if (postings.length === 0) break
    checked += postings.length
    const found = isBigram ? null : await containingAll(db, postings, terms)
    for (const p of postings) if (!found || found.has(p.minutes_id)) matched.push(p)
  }
  const exhausted = checked >= documents
  const total = isBigram
    ? documents
    : exhausted
      ? matched.length
      : Math.round((documents * matched.length) / Math.max(1, checked))
  return {
    hits: await withSnippets(db, matched.slice(offset, offset + limit), terms[0]!),
    total,
    totalIsEstimate: !isBigram && !exhausted,
  }
}

async function containingAll(db: Db, postings: { minutes_id: string }[], terms: string[]) {
  let q = db
    .selectFrom('council_search_documents')
    .select('minutes_id')
    .where(
      'minutes_id',
      'in',
      postings.map((p) => p.minutes_id),
    )
  for (const term of terms) q = q.where(sql<boolean>`strpos(search_text, ${term}) > 0`)
  return new Set((await q.execute()).map((r) => r.minutes_id))
}

/** A term of one character has no bigram: the documents are scanned (short, rare queries). */
async function scanDocuments(
  db: Db,
  terms: string[],
  options: SearchOptions,
): Promise<SearchResult> {
  let matching = db.selectFrom('council_search_documents as d')
  for (const term of terms)
    matching = matching.where('d.search_text', 'like', `%${escapeLike(term)}%`)
  const occurrences = sql<number>`(${sql.join(
    terms.map(
      (t) => sql`(length(d.search_text) - length(replace(d.search_text, ${t}, ''))) / ${t.length}`,
    ),
    sql` + `,
  )})`
  const ranked = await matching
    .select(['d.minutes_id', occurrences.as('score'), sql<string>`count(*) over ()`.as('total')])
    .orderBy('score', 'desc')
    .orderBy('d.published_at', 'desc')
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0)
    .execute()
  return {
    hits: await withSnippets(db, ranked, terms[0]!),
    total: ranked.length ? Number(ranked[0]!.total) : 0,
    totalIsEstimate: false,
  }
}

async function withSnippets(
  db: Db,
  ranked: { minutes_id: string; score: number }[],
  term: string,
): Promise<SearchHit[]> {
  const ids = ranked.map((r) => r.minutes_id)
  const docs = ids.length
    ? await db
        .selectFrom('council_search_documents')
        .select(['minutes_id', 'meeting_id', 'title', 'body', 'published_at'])
        .where('minutes_id', 'in', ids)
        .execute()
    : []
  const byId = new Map(docs.map((d) => [d.minutes_id, d]))
  return ranked.map((r) => {
    const d = byId.get(r.minutes_id)!
    return {
      minutesId: r.minutes_id,
      meetingId: d.meeting_id,
      title: d.title,
      publishedAt: d.published_at,
      score: Number(r.score),
      snippet: snippetOf(d.body, term),
    }
  })
}

function snippetOf(body: string, term: string): SearchHit['snippet'] {
  const display = body.normalize('NFKC')
  const lower = display.toLowerCase()
  const shown = lower.length === display.length ? display : lower
  const at = lower.indexOf(term)
  if (at < 0) return { before: shown.slice(0, 120), match: '', after: '' }
  return {
    before: (at > 60 ? '…' : '') + shown.slice(Math.max(0, at - 60), at),
    match: shown.slice(at, at + term.length),
    after:
      shown.slice(at + term.length, at + term.length + 80) +
      (at + term.length + 80 < shown.length ? '…' : ''),
  }
}
