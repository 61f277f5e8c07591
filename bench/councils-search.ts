// Japanese search over published minutes at scale: builds an index of BENCH_MINUTES_CHARS
// characters of minutes (default 100 M) on PGlite (a temporary data directory) or on
// PostgreSQL (DATABASE_URL: a fresh database), then times queries and checks every result
// count against a substring scan (strpos over all documents).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { type Database, openDatabase } from '../src/db/client.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { indexDocument, searchDocuments, searchForm } from '../src/modules/councils/search.ts'
import { generatedDocuments } from '../src/modules/redaction/eval/generate.ts'
import { createPostgresDatabaseUrl } from '../src/testing/database.ts'

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
const round = (x: number) => Math.round(x * 100) / 100

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabaseUrl(process.env.DATABASE_URL)
    const database = await openDatabase({ databaseUrl: created.url })
    return { database, cleanup: () => created.drop() }
  }
  // BENCH_SEARCH_DATA_DIR keeps the index between runs (100 M characters take long to index).
  const kept = process.env.BENCH_SEARCH_DATA_DIR
  const dir = kept ? path.resolve(kept) : mkdtempSync(path.join(tmpdir(), 'kaikaku-bench-'))
  const database = await openDatabase({ dataDir: dir })
  return {
    database,
    cleanup: async () => (kept ? undefined : rmSync(dir, { recursive: true, force: true })),
  }
}

export async function benchCouncilsSearch(totalChars: number, docChars = 5000) {
  const { database, cleanup } = await open()
  const { db } = database
  try {
    await migrateToLatest(db)
    // Minutes assembled from the evaluation corpus's paragraphs, reshuffled: realistic
    // vocabulary, each document different.
    const paragraphs = generatedDocuments(400, 4242).flatMap((d) => d.text.split('\n'))
    const council =
      (await db
        .selectFrom('councils')
        .select('id')
        .where('name', '=', 'ベンチ審議会')
        .executeTakeFirst()) ??
      (await db
        .insertInto('councils')
        .values({ name: 'ベンチ審議会' })
        .returning('id')
        .executeTakeFirstOrThrow())
    const built = await db
      .selectFrom('council_search_documents')
      .select((eb) => [
        eb.fn.countAll<string>().as('docs'),
        eb.fn.coalesce(eb.fn.sum<string>(eb.fn('length', ['body'])), eb.lit(0)).as('chars'),
      ])
      .executeTakeFirstOrThrow()
    let chars = Number(built.chars)
    let docs = Number(built.docs)
    let seed = 1 + docs
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed
    }
    const indexStarted = performance.now()
    while (chars < totalChars) {
      await db.transaction().execute(async (trx) => {
        for (let k = 0; k < 50 && chars < totalChars; k++) {
          const parts: string[] = []
          let length = 0
          while (length < docChars) {
            const p = paragraphs[next() % paragraphs.length]!
            parts.push(p)
            length += p.length + 1
          }
          const body = parts.join('\n')
          const meeting = await trx
            .insertInto('council_meetings')
            .values({
              council_id: council.id,
              title: `第${docs + 1}回`,
              starts_at: new Date(),
              place: '会議室',
              is_public: true,
              allowlist: '[]',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
          const minutes = await trx
            .insertInto('council_minutes')
            .values({ meeting_id: meeting.id, status: 'published', original_text: '' })
            .returning('id')
            .executeTakeFirstOrThrow()
          await indexDocument(trx, {
            minutesId: minutes.id,
            meetingId: meeting.id,
            title: `ベンチ審議会 第${docs + 1}回`,
            body,
            publishedAt: new Date(),
          })
          chars += body.length
          docs++
        }
      })
    }
    const indexSeconds = (performance.now() - indexStarted) / 1000
    await sql`analyze`.execute(db)

    const twoChar = ['観光', '農業', '予算', '委員', '事業', '相談', '会議', '担い', '振興', '番号']
    const longer = [
      '審議会',
      '担い手',
      '個人番号',
      '事業承継',
      '商店街の活性化',
      '消費生活相談',
      '観光振興 予算',
      '存在しない語句',
    ]
    const timings: Record<'two' | 'longer', number[]> = { two: [], longer: [] }
    let mismatches = 0
    const estimates: number[] = []
    for (const [kind, queries] of [
      ['two', twoChar],
      ['longer', longer],
    ] as const) {
      for (const q of queries) {
        for (let r = 0; r < 10; r++) {
          const t0 = performance.now()
          const result = await searchDocuments(db, q, { limit: 20 })
          timings[kind].push(performance.now() - t0)
          if (r === 0) {
            const terms = searchForm(q).split(/\s+/)
            let scan = db
              .selectFrom('council_search_documents')
              .select((eb) => eb.fn.countAll<string>().as('n'))
            for (const term of terms)
              scan = scan.where(sql<boolean>`strpos(search_text, ${term}) > 0`)
            const expected = Number((await scan.executeTakeFirstOrThrow()).n)
            // An estimated total (約N件) is compared as a relative error; an exact one must agree.
            if (result.totalIsEstimate)
              estimates.push(Math.abs(result.total - expected) / Math.max(1, expected))
            else if (expected !== result.total) mismatches++
          }
        }
      }
    }
    const scanStarted = performance.now()
    await db
      .selectFrom('council_search_documents')
      .select('minutes_id')
      .where(sql<boolean>`strpos(search_text, '観光') > 0`)
      .execute()
    const scanMs = performance.now() - scanStarted
    const all = [...timings.two, ...timings.longer]
    return {
      database: database.kind,
      documents: docs,
      characters: chars,
      indexSeconds: round(indexSeconds),
      p50Ms: round(percentile(all, 50)),
      p95Ms: round(percentile(all, 95)),
      twoCharacterP95Ms: round(percentile(timings.two, 95)),
      longerP95Ms: round(percentile(timings.longer, 95)),
      substringScanMs: round(scanMs),
      exactTotalsAgreeWithSubstringScan: mismatches === 0,
      queriesWithDifferentExactCounts: mismatches,
      estimatedTotals: estimates.length,
      largestEstimateError: estimates.length ? round(Math.max(...estimates)) : null,
    }
  } finally {
    await database.close()
    await cleanup()
  }
}
