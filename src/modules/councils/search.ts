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

export function bigramsOf(text: string): string[] {
  const grams = new Set<string>()
  for (let i = 0; i + 2 <= text.length; i++) {
    const gram = text.slice(i, i + 2)
    if (!/\s/.test(gram)) grams.add(gram)
  }
  return [...grams]
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
  const grams = bigramsOf(searchText)
  for (let i = 0; i < grams.length; i += 2000) {
    await trx
      .insertInto('council_search_bigrams')
      .values(grams.slice(i, i + 2000).map((gram) => ({ minutes_id: doc.minutesId, gram })))
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
  let candidates = db.selectFrom('council_search_documents as d').select('d.minutes_id')
  for (const term of terms) {
    const grams = bigramsOf(term)
    if (grams.length === 0) {
      candidates = candidates.where('d.search_text', 'like', `%${escapeLike(term)}%`)
      continue
    }
    candidates = candidates
      .where(
        'd.minutes_id',
        'in',
        db
          .selectFrom('council_search_bigrams')
          .select('minutes_id')
          .where('gram', 'in', grams)
          .groupBy('minutes_id')
          .having(sql`count(*)`, '=', grams.length),
      )
      .where(sql<boolean>`strpos(d.search_text, ${term}) > 0`)
  }
  const occurrences = sql<number>`(${sql.join(
    terms.map(
      (t) => sql`(length(d.search_text) - length(replace(d.search_text, ${t}, ''))) / ${t.length}`,
    ),
    sql` + `,
  )})`
  const rows = await db
    .selectFrom('council_search_documents as d')
    .select(['d.minutes_id', 'd.meeting_id', 'd.title', 'd.body', 'd.published_at'])
    .select(occurrences.as('score'))
    .select(sql<string>`count(*) over ()`.as('total'))
    .where('d.minutes_id', 'in', candidates)
    .orderBy('score', 'desc')
    .orderBy('d.published_at', 'desc')
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0)
    .execute()
  return {
    total: rows.length ? Number(rows[0]!.total) : 0,
    hits: rows.map((r) => ({
      minutesId: r.minutes_id,
      meetingId: r.meeting_id,
      title: r.title,
      publishedAt: r.published_at,
      score: Number(r.score),
      snippet: snippetOf(r.body, terms[0]!),
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
