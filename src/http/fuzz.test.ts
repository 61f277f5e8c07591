// Property-based fuzzing of every form and JSON write route: malformed ids, fields, types,
// bodies, content types and If-Match headers, sent by a role that may use the route (with a valid
// CSRF token). Never a 5xx; a 4xx changes nothing in the database.
//   FUZZ_RUNS=50 node --import tsx --test src/http/fuzz.test.ts   (more runs per route)
//   FUZZ_SEED=<seed> …                                            (replay a failure's seed)
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import type { Role } from '../auth/actor.ts'
import { createTestApp, type TestApp, type TestClient } from '../testing/app.ts'
import { databaseFingerprint, diffFingerprints, writeWatermark } from '../testing/fingerprint.ts'
import { type Ids, loadIds, type Rule, WRITE_RULES } from './role-matrix.table.ts'

const RUNS = Number(process.env.FUZZ_RUNS ?? 3)
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined

/** Writes that would end the fuzzing session itself. */
const SKIPPED = new Set(['POST /logout', 'POST /account/password'])

/** Field names the app's forms and APIs use (from the views and schemas). */
const FIELDS = `_csrf action active actualValue advice affiliation agenda allowlist area areaUnitId
attachments audience audienceId audienceIds becomes body campaign channel choice closedReason closesOn
coAuthors code confirmPassword councilDescription criteria currentPassword dataKind datasetId decidedOn
decision department dependsOn description displayName documentText documentTitle dueOn duplicateOf email
endsAt endsOn extendedTo extensionReason feedback finding fiscalYear format frequency galleryCapacity
galleryContact generator goal grade heading heldOn holdingTitle id indicator initiativeIds into isPublic
issues jobFamily kind lateNoticeReason lead leaveDays licenseId link materialTitle meetingTitle memberRole
minutesText month name nameEn nameKana newPassword next nextSteps nextYearPlan note notes noticeDays onDate
opensOn outcome overtimeHours owner ownerUnitId parentId partial password percent periodDays personId place
position present programId programIds progress progressNote proposalIds purpose reachMetric reason
receivedOn refId reflectedAmount repeatCount requesterType requiresAdvice resourceDescription resourceName
retentionUntil reviewGroupId reviewersPerProposal role scaleMax scopeUnitId sortOrder sourceKind spanText
spanType startsAt startsOn status storage storageDetail subject subjects summary tags targetForm
targetLeaveDays targetOvertimeHours targetValue theme threshold title tokenName unit unitId verdict
verdictNote version visibility workstream workstreamCode year yearEndSummary youngStaffViews`.split(
  /\s+/,
)

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\r\n\r\n',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '𠮷野家🙂',
  'ｶﾀｶﾅ㍻',
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '-9223372036854775809',
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '2026-13-01T25:61',
  'x'.repeat(20_000),
  '改'.repeat(5_000),
]

function oddString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...ODD_STRINGS),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  )
}

function idValue(ids: Ids): fc.Arbitrary<string> {
  const real = Object.values(ids).filter((v): v is string => typeof v === 'string')
  return fc.oneof(fc.constantFrom(...real), fc.uuid(), oddString())
}

/** A form or query value: a string, or a plausible one (an id, a version, a date). */
function fieldValue(ids: Ids): fc.Arbitrary<string> {
  return fc.oneof(oddString(), idValue(ids), fc.constantFrom('1', '2', '2026-12-01', 'ja', 'on'))
}

function jsonValue(ids: Ids): fc.Arbitrary<unknown> {
  return fc.oneof(
    fieldValue(ids),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e300),
    fc.array(fieldValue(ids), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), fieldValue(ids), { maxKeys: 3 }),
  )
}

interface FuzzRequest {
  params: string[]
  fields: Record<string, string>
  json: unknown
  body: 'form' | 'multipart' | 'json' | 'broken-json' | 'wrong-type' | 'none'
  ifMatch: string | null
}

function requestArb(ids: Ids, paramCount: number): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    params: fc.array(idValue(ids), { minLength: paramCount, maxLength: paramCount }),
    fields: fc.dictionary(fc.constantFrom(...FIELDS), fieldValue(ids), { maxKeys: 8 }),
    json: fc.oneof(
      fc.dictionary(fc.constantFrom(...FIELDS), jsonValue(ids), { maxKeys: 8 }),
      jsonValue(ids),
    ),
    body: fc.constantFrom('form', 'multipart', 'json', 'broken-json', 'wrong-type', 'none'),
    ifMatch: fc.option(
      fc.oneof(fc.constantFrom('"1"', 'W/"1"', '*', '"x"', '1', '""'), oddString()),
    ),
  })
}

function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80' // a lone surrogate, as a client would send it
  }
}

/** The pattern with each parameter replaced; `{a|b}` constraints keep their first choice. */
function fillPath(pattern: string, params: string[]): string {
  let i = 0
  return pattern.replace(/:[a-zA-Z]+(\{([^|}]+)[^}]*\})?/g, (_m, _c, first) =>
    first ? first : encodeSegment(params[i++] ?? ''),
  )
}

function roleFor(rule: Rule): Role | 'anon' {
  if (rule.allow === 'public') return 'anon'
  if (rule.allow === 'staff' || rule.allow === 'none') return 'hq_secretariat'
  for (const preferred of ['hq_secretariat', 'admin'] as const)
    if (rule.allow.includes(preferred)) return preferred
  return rule.allow[0]!
}

async function send(client: TestClient, method: string, path: string, req: FuzzRequest) {
  const headers: Record<string, string> = { 'x-csrf-token': client.csrf }
  if (req.ifMatch !== null) headers['if-match'] = req.ifMatch.replace(/[^\x20-\x7e]/g, '?')
  const fields = { ...req.fields, _csrf: req.fields._csrf ?? client.csrf }
  let body: string | FormData | undefined
  switch (req.body) {
    case 'form':
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(fields).toString()
      break
    case 'multipart': {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.set(k, v)
      form.set('file', new File(['\u0000garbage'], 'x.xlsx'))
      body = form
      break
    }
    case 'json':
      headers['content-type'] = 'application/json'
      body = JSON.stringify(req.json)
      break
    case 'broken-json':
      headers['content-type'] = 'application/json'
      body = `{"version": 1, ${JSON.stringify(req.json).slice(0, 20)}`
      break
    case 'wrong-type':
      headers['content-type'] = 'text/plain'
      body = JSON.stringify(req.json)
      break
    case 'none':
      break
  }
  return client.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
}

let t: TestApp
let ids: Ids
const clients = new Map<Role | 'anon', TestClient>()

before(async () => {
  t = await createTestApp()
  ids = await loadIds(t.database.db)
})
after(() => t.close())

async function clientFor(who: Role | 'anon'): Promise<TestClient> {
  let client = clients.get(who)
  if (!client) {
    client = who === 'anon' ? t.client() : await t.signIn(who)
    if (who === 'anon') await client.get('/login')
    clients.set(who, client)
  }
  return client
}

describe('fuzzing the write routes', () => {
  test(`every form and API write route, ${RUNS} malformed requests each`, async (ctx) => {
    const routes = Object.entries(WRITE_RULES).filter(([key]) => !SKIPPED.has(key))
    const db = t.database.db
    let current = await databaseFingerprint(db)
    let watermark = await writeWatermark(db)
    let hashed = 0
    let requests = 0
    let fingerprintMs = 0
    const failures: string[] = []
    const statuses = new Map<number, number>()
    for (const [key, rule] of routes) {
      const [method, pattern] = key.split(' ') as [string, string]
      const paramCount = (pattern.match(/:[a-zA-Z]+(?!\{)/g) ?? []).length
      const who = roleFor(rule)
      const result = await fc.check(
        fc.asyncProperty(requestArb(ids, paramCount), async (req) => {
          const signedIn = clients.has(who)
          const client = await clientFor(who)
          // Signing in is audited: the fingerprint to compare with is taken after it.
          if (!signedIn) {
            current = await databaseFingerprint(db)
            watermark = await writeWatermark(db)
          }
          const path = fillPath(pattern, req.params)
          const res = await send(client, method, path, req)
          await res.arrayBuffer()
          requests++
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
          const started = performance.now()
          // No transaction wrote since the last fingerprint: nothing changed, no need to hash.
          const mark = await writeWatermark(db)
          let changed: string[] = []
          if (mark !== watermark) {
            const next = await databaseFingerprint(db)
            hashed++
            changed = diffFingerprints(current, next)
            current = next
            watermark = mark
          }
          fingerprintMs += performance.now() - started
          assert.ok(res.status < 500, `${method} ${path} as ${who}: ${res.status}`)
          if (res.status >= 400)
            assert.deepEqual(changed, [], `${method} ${path} as ${who}: ${res.status} but changed`)
          // A write that went through may sign the client out (a revoked session): start again.
          if (res.status === 401 && who !== 'anon') clients.delete(who)
        }),
        {
          numRuns: RUNS,
          includeErrorInReport: true,
          ...(SEED === undefined ? {} : { seed: SEED }),
        },
      )
      if (result.failed) failures.push(`${key} as ${who}\n${fc.defaultReportMessage(result)}`)
    }
    // fast-check's report names the seed and the counterexample: FUZZ_SEED=<seed> replays it.
    for (const failure of failures) console.log(failure)
    assert.deepEqual(
      failures.map((f) => f.split('\n')[0]),
      [],
      'routes that failed (their reports above)',
    )
    assert.ok(requests >= routes.length * RUNS, `sent ${requests} requests`)
    ctx.diagnostic(
      `${routes.length} routes, ${requests} requests; ${hashed} fingerprints, ${fingerprintMs.toFixed(0)} ms in all; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    )
  })
})
