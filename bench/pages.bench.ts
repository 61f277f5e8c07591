/**
 * Pages and API calls under load, on the data of `npm run bench:data`: the real server is
 * started as a child process (PGlite data dir BENCH_DATA_DIR, default bench-data/metropolis or
 * else bench-data/bureau; or DATABASE_URL), signed in as the demo roles, and each URL of a fixed
 * list is loaded by autocannon on loopback, BENCH_SECONDS (5) s with one connection (p50/p95/p99
 * latency: the goal) and then with BENCH_CONNECTIONS (10): requests/s, latency under load,
 * non-2xx. Then the same server's requests/s (at BENCH_CONNECTIONS) for a static
 * file of the same size (the ceiling) and the page's ratio to it. Then the server's peak RSS.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import autocannon from 'autocannon'
import { HttpSession, repoRoot, startServer } from '../e2e/support/kaikaku-process.ts'
import { openDatabase } from '../src/db/client.ts'
import type { Db } from '../src/db/schema.ts'
import { demoEmail } from '../src/modules/org/index.ts'

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const PASSWORD = process.env.KAIKAKU_DEMO_PASSWORD ?? 'kaikaku-demo'
const GOAL_P95_MS = 50
const CEILING_DIR = path.join(repoRoot, 'public', 'bench-ceiling')

interface Target {
  name: string
  path: string
  /** the demo role signed in, or null for an anonymous visitor */
  role: string | null
}

function dataDir(): string | undefined {
  if (process.env.DATABASE_URL) return undefined
  if (process.env.BENCH_DATA_DIR) return path.resolve(process.env.BENCH_DATA_DIR)
  for (const scale of ['metropolis', 'bureau']) {
    const dir = path.join(repoRoot, 'bench-data', scale)
    if (existsSync(dir)) return dir
  }
  throw new Error('no benchmark data: run `npm run bench:data -- --scale bureau|metropolis` first')
}

const count = async (query: Promise<{ n: unknown }>) => Number((await query).n)

/** What the data holds (so that the figures say at which scale they were taken), and the ids the URLs need. */
async function inspect(db: Db) {
  const n = (table: 'users' | 'proposals' | 'program_years' | 'council_meetings') =>
    count(
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    )
  const data = {
    users: await n('users'),
    proposals: await n('proposals'),
    programmeYears: await n('program_years'),
    meetings: await n('council_meetings'),
    publishedMinutes: await count(
      db
        .selectFrom('council_search_documents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    minutesCharacters: await count(
      db
        .selectFrom('council_minutes')
        .select((eb) =>
          eb.fn.coalesce(eb.fn.sum<number>(eb.fn('length', ['original_text'])), eb.lit(0)).as('n'),
        )
        .executeTakeFirstOrThrow(),
    ),
  }
  // The campaign with the most proposals, and a submitted proposal in it.
  const campaign = await db
    .selectFrom('proposals')
    .select(['campaign_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('campaign_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  const proposal = await db
    .selectFrom('proposals')
    .select('id')
    .where('campaign_id', '=', campaign.campaign_id)
    .where('status', '!=', 'draft')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow()
  const year = await db
    .selectFrom('program_years')
    .select((eb) => eb.fn.max('fiscal_year').as('y'))
    .executeTakeFirstOrThrow()
  return { data, campaignId: campaign.campaign_id, proposalId: proposal.id, fiscalYear: year.y }
}

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function load(url: string, headers: Record<string, string>, connections = CONNECTIONS) {
  const times: number[] = []
  const instance = autocannon({ url, connections, duration: SECONDS, headers })
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    times.push(responseTime)
  })
  const result = await instance
  times.sort((a, b) => a - b)
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    requestsPerSecond: Math.round((result.requests.total / SECONDS) * 10) / 10,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

export default async function benchPages(): Promise<Record<string, unknown>> {
  const dir = dataDir()
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: dir })
  const facts = await inspect(database.db).finally(() => database.close())
  const server = await startServer({
    ...(dir ? { KAIKAKU_DATA_DIR: dir } : { DATABASE_URL: process.env.DATABASE_URL }),
    KAIKAKU_DEMO_PASSWORD: PASSWORD,
    KAIKAKU_WORKERS: '0',
    LOG_LEVEL: 'silent',
  })
  mkdirSync(CEILING_DIR, { recursive: true })
  try {
    const sessions = new Map<string, HttpSession>()
    const cookie = async (role: string | null): Promise<Record<string, string>> => {
      if (!role) return {}
      if (!sessions.has(role))
        sessions.set(role, await new HttpSession(server.url).signIn(demoEmail(role), PASSWORD))
      // The session's cookies, as the browser would send them.
      const session = sessions.get(role)!
      const res = await session.request('/healthz')
      await res.body?.cancel()
      const jar = (session as unknown as { cookies: Map<string, string> }).cookies
      return { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
    }
    const targets: Target[] = [
      { name: 'home', path: '/', role: 'staff' },
      {
        name: 'proposalList',
        path: `/proposals/campaigns/${facts.campaignId}`,
        role: 'hq_secretariat',
      },
      { name: 'proposalDetail', path: `/proposals/${facts.proposalId}`, role: 'hq_secretariat' },
      { name: 'reviewerQueue', path: '/proposals/review', role: 'reviewer' },
      {
        name: 'programmeDashboard',
        path: `/programs/analysis?fiscalYear=${facts.fiscalYear}&threshold=60`,
        role: 'staff',
      },
      { name: 'portalHome', path: '/portal', role: null },
      { name: 'portalSearch2', path: `/portal/search?q=${encodeURIComponent('観光')}`, role: null },
      {
        name: 'portalSearch5',
        path: `/portal/search?q=${encodeURIComponent('事業の成果')}`,
        role: null,
      },
      {
        name: 'ckanPackageSearch',
        path: `/api/3/action/package_search?q=${encodeURIComponent('観光')}&rows=20`,
        role: null,
      },
    ]
    const pages: Record<string, unknown> = {}
    for (const target of targets) {
      process.stderr.write(`bench: pages ${target.name}…\n`)
      const headers = await cookie(target.role)
      const first = await fetch(`${server.url}${target.path}`, { headers, redirect: 'manual' })
      const body = Buffer.from(await first.arrayBuffer())
      if (first.status !== 200) {
        pages[target.name] = { path: target.path, error: `status ${first.status}` }
        continue
      }
      // One client at a time: the latency a visitor sees (the goal); then CONNECTIONS at once:
      // the throughput, and the latency with requests queueing (PGlite runs one query at a time).
      const single = await load(`${server.url}${target.path}`, headers, 1)
      const page = await load(`${server.url}${target.path}`, headers)
      const file = `${target.name}.html`
      writeFileSync(path.join(CEILING_DIR, file), Buffer.alloc(body.length, 'a'))
      const ceiling = await load(`${server.url}/static/bench-ceiling/${file}`, {})
      pages[target.name] = {
        path: target.path,
        role: target.role,
        bytes: body.length,
        p50: single.p50,
        p95: single.p95,
        p99: single.p99,
        underLoad: { connections: CONNECTIONS, p50: page.p50, p95: page.p95, p99: page.p99 },
        requestsPerSecond: page.requestsPerSecond,
        non2xx: single.non2xx + page.non2xx,
        errors: single.errors + page.errors,
        ceilingRequestsPerSecond: ceiling.requestsPerSecond,
        ratioToCeiling:
          Math.round((page.requestsPerSecond / Math.max(0.1, ceiling.requestsPerSecond)) * 1000) /
          1000,
        goalP95Ms: GOAL_P95_MS,
        met: single.p95 !== null && single.p95 <= GOAL_P95_MS && single.non2xx + page.non2xx === 0,
      }
    }
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
    return {
      database: dir ? 'pglite' : 'postgres',
      data: facts.data,
      connections: CONNECTIONS,
      secondsPerRun: SECONDS,
      pages,
      serverPeakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : null,
      met: Object.values(pages).every((p) => (p as { met?: boolean }).met === true),
    }
  } finally {
    rmSync(CEILING_DIR, { recursive: true, force: true })
    await server.stop()
  }
}
