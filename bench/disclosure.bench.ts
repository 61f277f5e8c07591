// The CKAN API as a harvester pages it, and logging a disclosure request (its topic is chosen
// against every request of the period). BENCH_DATASETS public datasets (default 5,000) and
// BENCH_REQUESTS earlier requests (default 5,000), on the database of the run.
import { randomUUID } from 'node:crypto'
import { loadActor } from '../src/modules/accounts/index.ts'
import { createRequest } from '../src/modules/disclosure/requests.service.ts'
import { demoEmail } from '../src/modules/org/index.ts'
import { createTestApp } from '../src/testing/app.ts'

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}
const round = (n: number) => Math.round(n * 10) / 10
const WORDS = [
  '観光',
  '補助金',
  '交付',
  '決定',
  '一覧',
  '中小企業',
  '融資',
  '職業訓練',
  '契約書',
  '公用車',
  '運行記録',
  '労働相談',
  '委託',
  '議事録',
  '名簿',
  '予算',
  '執行',
  '調査',
  '統計',
]

export default async function benchDisclosure() {
  const datasets = Number(process.env.BENCH_DATASETS ?? 5000)
  const requests = Number(process.env.BENCH_REQUESTS ?? 5000)
  const t = await createTestApp()
  try {
    const db = t.database.db
    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'somu')
      .executeTakeFirstOrThrow()
    const file = await db.selectFrom('stored_files').select('id').executeTakeFirstOrThrow()
    for (let i = 0; i < datasets; i += 500) {
      const rows = Array.from({ length: Math.min(500, datasets - i) }, (_, k) => ({
        id: randomUUID(),
        name: `bench-${i + k}`,
        title: `統計 ${WORDS[(i + k) % WORDS.length]} ${i + k}`,
        unit_id: unit.id,
        license_id: 'cc-by-4.0' as const,
        tags: JSON.stringify([WORDS[(i + k) % WORDS.length]]),
        is_private: (i + k) % 10 === 0,
      }))
      await db.insertInto('opendata_datasets').values(rows).execute()
      await db
        .insertInto('opendata_resources')
        .values(
          rows.map((r) => ({
            dataset_id: r.id,
            name: 'data',
            format: 'CSV' as const,
            file_id: file.id,
          })),
        )
        .execute()
    }
    const pages: number[] = []
    let seen = 0
    for (let start = 0; ; start += 100) {
      const t0 = performance.now()
      const res = await t.app.request(
        `/api/3/action/package_search?rows=100&start=${start}&sort=id%20asc`,
      )
      const body = (await res.json()) as { result: { results: unknown[] } }
      pages.push(performance.now() - t0)
      if (body.result.results.length === 0) break
      seen += body.result.results.length
    }
    const shows: number[] = []
    for (let i = 1; i < 200; i += 2) {
      const t0 = performance.now()
      await (await t.app.request(`/api/3/action/package_show?id=bench-${i}`)).json()
      shows.push(performance.now() - t0)
    }
    const since: number[] = []
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now()
      await (
        await t.app.request(
          `/api/3/action/package_search?rows=100&fq=${encodeURIComponent('metadata_modified:[NOW-1DAY TO *]')}&q=${encodeURIComponent(WORDS[i % WORDS.length]!)}`,
        )
      ).json()
      since.push(performance.now() - t0)
    }

    const received = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    for (let i = 0; i < requests; i += 500) {
      await db
        .insertInto('disclosure_requests')
        .values(
          Array.from({ length: Math.min(500, requests - i) }, (_, k) => ({
            subject: Array.from(
              { length: 4 },
              (_, j) => WORDS[((i + k) * 7 + j * 13) % WORDS.length],
            ).join('の'),
            unit_id: unit.id,
            requester_type: 'individual' as const,
            received_on: received,
            due_on: received,
            topic_id: randomUUID(),
          })),
        )
        .execute()
    }
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail('disclosure_officer'))
      .executeTakeFirstOrThrow()
    const actor = await loadActor(db, user.id)
    const logs: number[] = []
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now()
      await createRequest(db, actor, {
        subject: `${WORDS[i % WORDS.length]}に関する${WORDS[(i * 3) % WORDS.length]}の文書`,
        unitId: unit.id,
        requesterType: 'press',
        receivedOn: received,
      })
      logs.push(performance.now() - t0)
    }
    return {
      datasets,
      publicSeen: seen,
      harvestPages: pages.length,
      harvestPageP50Ms: round(percentile(pages, 50)),
      harvestPageP95Ms: round(percentile(pages, 95)),
      packageShowP95Ms: round(percentile(shows, 95)),
      searchModifiedSinceP95Ms: round(percentile(since, 95)),
      earlierRequests: requests,
      logRequestP95Ms: round(percentile(logs, 95)),
    }
  } finally {
    await t.close()
  }
}
