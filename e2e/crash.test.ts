// Crash safety: the real server, killed with SIGKILL while 32 clients write, must come back
// quickly on the same data with every write it acknowledged, and with an intact audit chain.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import {
  ADMIN_EMAIL,
  type Backend,
  createBackend,
  DEMO_PASSWORD,
  HttpSession,
  killStrayServers,
  runCli,
  type ServerProcess,
  startServer,
} from './support/kaikaku-process.ts'

const WRITERS = 32
const WRITE_MS = 3000
const KILL_CYCLES = 2
const RESTART_LIMIT_MS = 15_000

let backend: Backend
before(async () => {
  backend = await createBackend()
})
after(async () => {
  await killStrayServers()
  backend?.cleanup()
})

interface WriteRound {
  acknowledged: string[]
  inFlightAtKill: number
}

/** WRITERS clients add people until the server is killed WRITE_MS in. */
async function writeThenKill(
  server: ServerProcess,
  session: HttpSession,
  unitId: string,
  cycle: number,
): Promise<WriteRound> {
  const acknowledged: string[] = []
  let inFlight = 0
  let killed = false
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const name = `crash-${cycle}-${w}-${i}-${randomBytes(3).toString('hex')}`
      inFlight++
      try {
        const res = await session.request('/api/v1/org/people', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ unitId, name, grade: 'staff', jobFamily: 'administrative' }),
        })
        const text = await res.text()
        if (res.status >= 200 && res.status < 300) acknowledged.push(name)
        else if (!killed) throw new Error(`POST /api/v1/org/people: ${res.status} ${text}`)
      } catch (error) {
        if (!killed) throw error
      } finally {
        inFlight--
      }
    }
  }
  const writers = Array.from({ length: WRITERS }, (_, w) => writer(w))
  await new Promise((resolve) => setTimeout(resolve, WRITE_MS))
  const inFlightAtKill = inFlight
  killed = true
  const status = await server.kill()
  assert.equal(status, 'SIGKILL')
  await Promise.all(writers)
  return { acknowledged, inFlightAtKill }
}

async function peopleNames(session: HttpSession, unitId: string): Promise<Set<string>> {
  const { people } = await session.json<{ people: { name: string }[] }>(
    `/api/v1/org/units/${unitId}`,
  )
  return new Set(people.map((p) => p.name))
}

test(`SIGKILL mid-write: acknowledged writes survive, restart < ${RESTART_LIMIT_MS / 1000} s, audit chain intact`, async () => {
  // The first start seeds the demo bureau.
  let server = await startServer(backend.env)
  assert.match(server.stdout(), new RegExp(`\\(${backend.kind}\\)`))
  const session = await new HttpSession(server.url).signIn(ADMIN_EMAIL, DEMO_PASSWORD)
  const { units } = await session.json<{ units: { id: string; kind: string }[] }>(
    '/api/v1/org/units',
  )
  const unit = units.find((u) => u.kind === 'section')
  assert.ok(unit, 'a section of the demo bureau')

  const acknowledged: string[] = []
  const restarts: number[] = []
  for (let cycle = 1; cycle <= KILL_CYCLES; cycle++) {
    const round = await writeThenKill(server, session, unit.id, cycle)
    assert.ok(round.acknowledged.length > 0, `cycle ${cycle}: some writes were acknowledged`)
    assert.ok(round.inFlightAtKill > 0, `cycle ${cycle}: the kill came mid-write`)
    acknowledged.push(...round.acknowledged)

    // Same data: on PGlite this start must also take over the dead process's lock.
    server = await startServer(backend.env)
    restarts.push(server.readyMs)
    console.log(
      `[crash ${backend.kind}] cycle ${cycle}: ${round.acknowledged.length} writes acknowledged, ` +
        `${round.inFlightAtKill} in flight at SIGKILL; restart to first 200 /healthz: ${server.readyMs} ms`,
    )
    assert.ok(
      server.readyMs < RESTART_LIMIT_MS,
      `restart took ${server.readyMs} ms (limit ${RESTART_LIMIT_MS})`,
    )
    session.baseUrl = server.url
    const present = await peopleNames(session, unit.id)
    const lost = acknowledged.filter((name) => !present.has(name))
    assert.deepEqual(lost, [], `cycle ${cycle}: acknowledged people lost in the crash`)
  }

  assert.equal(await server.stop(), 0, 'a clean stop exits 0')
  const verify = await runCli(['audit', 'verify'], backend.env)
  assert.equal(verify.code, 0, `audit verify: ${verify.stdout}${verify.stderr}`)
  const entries = Number(/audit chain ok: (\d+) entries/.exec(verify.stdout)?.[1])
  assert.ok(
    entries >= acknowledged.length,
    `the audit log (${entries} entries) records each of the ${acknowledged.length} acknowledged writes`,
  )
  console.log(
    `[crash ${backend.kind}] restart times after SIGKILL: ${restarts.join(' ms, ')} ms; ` +
      `${acknowledged.length} acknowledged writes all present; audit chain ok (${entries} entries)`,
  )
})
