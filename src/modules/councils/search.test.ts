import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Database } from '../../db/client.ts'
import { createTestDatabase } from '../../testing/database.ts'
import { generatedDocuments } from '../redaction/eval/generate.ts'
import { handwrittenDocuments } from '../redaction/eval/handwritten.ts'
import { bigramsOf, indexDocument, removeFromIndex, searchDocuments, searchForm } from './search.ts'

let database: Database
const docs = [...handwrittenDocuments(), ...generatedDocuments(60, 99)]
const ids: string[] = []

before(async () => {
  database = await createTestDatabase()
  const { db } = database
  const council = await db
    .insertInto('councils')
    .values({ name: '検索の審議会' })
    .returning('id')
    .executeTakeFirstOrThrow()
  // The index is tested on its own: each document is one meeting's published minutes.
  for (const [i, d] of docs.entries()) {
    const meeting = await db
      .insertInto('council_meetings')
      .values({
        council_id: council.id,
        title: `第${i + 1}回`,
        starts_at: new Date(),
        place: '会議室',
        is_public: true,
        allowlist: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const minutes = await db
      .insertInto('council_minutes')
      .values({ meeting_id: meeting.id, status: 'published', original_text: d.text })
      .returning(['id', 'meeting_id'])
      .executeTakeFirstOrThrow()
    ids.push(minutes.id)
    await indexDocument(db, {
      minutesId: minutes.id,
      meetingId: minutes.meeting_id,
      title: d.id,
      body: d.text,
      publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    })
  }
})
after(() => database.close())

/** What a plain scan finds: every document whose searchable text contains each term. */
function scan(query: string): Set<string> {
  const terms = searchForm(query).split(/\s+/).filter(Boolean)
  return new Set(
    docs.flatMap((d, i) =>
      terms.every((t) => searchForm(`${d.id}\n${d.text}`).includes(t)) ? [ids[i]!] : [],
    ),
  )
}

describe('Japanese search over published minutes', () => {
  test('bigrams of normalised text', () => {
    assert.deepEqual(bigramsOf(searchForm('観光振興 ＡＢ')), ['観光', '光振', '振興', 'ab'])
  })

  test('recall and precision 1.0 against a substring scan, for 2-character and longer queries', async () => {
    // Queries taken from the corpus itself (every 2- to 6-character stretch at sampled places),
    // plus words that are common in minutes and words that are absent.
    const queries = new Set([
      '観光',
      '農業',
      '予算',
      '委員',
      '審議会',
      '担い手',
      '議事録',
      '存在しない語',
      'ｶﾞｽ',
      '個人 番号',
      '1,234',
    ])
    docs.slice(0, 40).forEach((d, i) => {
      for (let len = 1; len <= 6; len++) {
        const at = (i * 37 + len * 11) % Math.max(1, d.text.length - len)
        const q = d.text.slice(at, at + len).trim()
        if (q && !/[%_\\]/.test(q)) queries.add(q)
      }
    })
    let checked = 0
    for (const q of queries) {
      const { hits, total } = await searchDocuments(database.db, q, { limit: 1000 })
      const found = new Set(hits.map((h) => h.minutesId))
      const expected = scan(q)
      assert.equal(total, expected.size, `total for ${q}`)
      assert.deepEqual([...found].sort(), [...expected].sort(), `results for ${q}`)
      checked++
    }
    assert.ok(checked > 200, `${checked} queries`)
  })

  test('ranked by occurrences and highlighted', async () => {
    const { hits } = await searchDocuments(database.db, '委員', { limit: 5 })
    assert.ok(hits.length > 1)
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score)
    assert.equal(hits[0]!.snippet.match, '委員')
    const empty = await searchDocuments(database.db, '   ')
    assert.deepEqual(empty, { hits: [], total: 0, totalIsEstimate: false })
    // LIKE wildcards are plain characters.
    assert.equal((await searchDocuments(database.db, '%')).total, scan('%').size)
  })

  test('past exactTotalUpTo candidates, pages are checked as needed and the total is estimated', async () => {
    const q = ['審議会', 'について', '委員長', 'します'].find((w) => scan(w).size > 6)
    assert.ok(q, 'a word of three or more characters in several documents')
    const expected = scan(q)
    const exact = await searchDocuments(database.db, q, { limit: 1000 })
    assert.equal(exact.totalIsEstimate, false, 'all candidates checked')
    for (let i = 1; i < exact.hits.length; i++)
      assert.ok(exact.hits[i - 1]!.score >= exact.hits[i]!.score, `ranked at ${i}`)
    const paged = []
    for (let offset = 0; offset < expected.size; offset += 3) {
      const page = await searchDocuments(database.db, q, { limit: 3, offset, exactTotalUpTo: 2 })
      paged.push(...page.hits.map((h) => h.minutesId))
      if (offset === 0) {
        assert.equal(page.totalIsEstimate, true, 'first page: not every candidate checked')
        assert.ok(page.total >= 3, `estimate ${page.total}`)
      }
    }
    assert.deepEqual(
      paged,
      exact.hits.map((h) => h.minutesId),
      'the pages follow the ranking',
    )
  })

  test('a document removed from the index is no longer found', async () => {
    const title = docs[0]!.id
    const before = await searchDocuments(database.db, title, { limit: 100 })
    assert.ok(before.hits.some((h) => h.minutesId === ids[0]))
    await removeFromIndex(database.db, ids[0]!)
    const after = await searchDocuments(database.db, title, { limit: 100 })
    assert.equal(after.total, before.total - 1)
    assert.ok(!after.hits.some((h) => h.minutesId === ids[0]))
    const leftovers = await database.db
      .selectFrom('council_search_bigrams')
      .select('gram')
      .where('minutes_id', '=', ids[0]!)
      .execute()
    assert.deepEqual(leftovers, [])
  })

  test('the per-bigram document counts follow removals, cascades included', async () => {
    const { db } = database
    // A meeting deleted outright takes its minutes, document and bigrams by cascade.
    await db
      .deleteFrom('council_meetings')
      .where('id', '=', (await meetingOf(ids[1]!))!)
      .execute()
    const counted = await db
      .selectFrom('council_search_bigrams')
      .select(['gram', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('gram')
      .execute()
    const kept = await db.selectFrom('council_search_grams').select(['gram', 'documents']).execute()
    assert.ok(counted.length > 100, `${counted.length} bigrams`)
    assert.deepEqual(
      new Map(kept.map((k) => [k.gram, k.documents])),
      new Map(counted.map((c) => [c.gram, Number(c.n)])),
      'council_search_grams equals a count of the index',
    )
  })
})

async function meetingOf(minutesId: string) {
  const row = await database.db
    .selectFrom('council_minutes')
    .select('meeting_id')
    .where('id', '=', minutesId)
    .executeTakeFirst()
  return row?.meeting_id
}
