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
        grams
          .slice(i, i + 2000)
          .map(([gram, occurrences]) => ({ minutes_id: doc.minutesId, gram, occurrences })),
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

/** Terms separated by spaces must all occur; results ranked by occurrences, newest first on ties. */
export async function searchDocuments(
  db: Db,
  query: string,
  options: { limit?: number; offset?: number } = {},
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = [...new Set(searchForm(query).split(/\s+/).filter(Boolean))].slice(0, 5)
  if (terms.length === 0) return { hits: [], total: 0 }
  // The common case, one two-character word (観光, 農業): the index alone answers it, exactly,
  // ranked by the occurrence counts it keeps.
  if (terms.length === 1 && terms[0]!.length === 2 && !/\s/.test(terms[0]!))
    return searchOneBigram(db, terms[0]!, options)
  // Each term's rarest bigram narrows the documents to check (the index's document counts
  // tell which is rarest); strpos then keeps only those that contain the whole term.
  const allGrams = [...new Set(terms.flatMap((t) => bigramsOf(t)))]
  const frequency = new Map<string, number>()
  if (allGrams.length) {
    const rows = await db
      .selectFrom('council_search_bigrams')
      .select(['gram', (eb) => eb.fn.countAll<string>().as('n')])
      .where('gram', 'in', allGrams)
      .groupBy('gram')
      .execute()
    for (const r of rows) frequency.set(r.gram, Number(r.n))
    if (allGrams.some((g) => !frequency.has(g))) return { hits: [], total: 0 }
  }
  let matching = db.selectFrom('council_search_documents as d')
  for (const term of terms) {
    const grams = bigramsOf(term)
    if (grams.length === 0) {
      matching = matching.where('d.search_text', 'like', `%${escapeLike(term)}%`)
      continue
    }
    const rarest = grams.reduce((a, b) => (frequency.get(b)! < frequency.get(a)! ? b : a))
    matching = matching
      .where('d.minutes_id', 'in', (eb) =>
        eb.selectFrom('council_search_bigrams').select('minutes_id').where('gram', '=', rarest),
      )
      .where(sql<boolean>`strpos(d.search_text, ${term}) > 0`)
  }
  const occurrences = sql<number>`(${sql.join(
    terms.map(
      (t) => sql`(length(d.search_text) - length(replace(d.search_text, ${t}, ''))) / ${t.length}`,
    ),
    sql` + `,
  )})`
  const ranked = await matching
    .select(['d.minutes_id', 'd.published_at'])
    .select(occurrences.as('score'))
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy('score', 'desc')
    .orderBy('d.published_at', 'desc')
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0)
    .execute()
  const ids = ranked.map((r) => r.minutes_id)
  const docs = ids.length
    ? await db
        .selectFrom('council_search_documents')
        .select(['minutes_id', 'meeting_id', 'title', 'body'])
        .where('minutes_id', 'in', ids)
        .execute()
    : []
  const byId = new Map(docs.map((d) => [d.minutes_id, d]))
  return {
    total: ranked.length ? Number(ranked[0]!.total) : 0,
    hits: ranked.map((r) => {
      const d = byId.get(r.minutes_id)!
      return {
        minutesId: r.minutes_id,
        meetingId: d.meeting_id,
        title: d.title,
        publishedAt: r.published_at,
        score: Number(r.score),
        snippet: snippetOf(d.body, terms[0]!),
      }
    }),
  }
}

async function searchOneBigram(
  db: Db,
  gram: string,
  options: { limit?: number; offset?: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('council_search_bigrams as b')
      .innerJoin('council_search_documents as d', 'd.minutes_id', 'b.minutes_id')
      .select([
        'd.minutes_id',
        'd.meeting_id',
        'd.title',
        'd.body',
        'd.published_at',
        'b.occurrences',
      ])
      .where('b.gram', '=', gram)
      .orderBy('b.occurrences', 'desc')
      .orderBy('d.published_at', 'desc')
      .limit(options.limit ?? 20)
      .offset(options.offset ?? 0)
      .execute(),
    db
      .selectFrom('council_search_bigrams')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('gram', '=', gram)
      .executeTakeFirstOrThrow(),
  ])
  return {
    total: Number(total.n),
    hits: rows.map((r) => ({
      minutesId: r.minutes_id,
      meetingId: r.meeting_id,
      title: r.title,
      publishedAt: r.published_at,
      score: r.occurrences,
      snippet: snippetOf(r.body, gram),
    })),
  }
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
