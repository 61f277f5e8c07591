import { withTransaction } from '../../src/db/transaction.ts'
import { JobWorker } from '../../src/jobs/worker.ts'
import { createLogger } from '../../src/logger.ts'
import {
  addMember,
  createCouncil,
  scheduleMeeting,
} from '../../src/modules/councils/councils.service.ts'
import { REDACT_MINUTES_JOB, redactMinutesJob } from '../../src/modules/councils/index.ts'
import {
  decideSpan,
  draftMinutes,
  publishMinutes,
  signOffMinutes,
  submitMinutes,
} from '../../src/modules/councils/minutes.service.ts'
import type { Context } from './generate.ts'
import { minutesText, personName, pick, prng, TOPICS } from './japanese.ts'

export const GENERATED_COUNCIL = 'ベンチマーク審議会'
const BATCH = 20
const DAY = 86_400_000
const MEMBERS = 6

const memberNames = (c: number) => {
  const rnd = prng(5_000_000 + c)
  return Array.from({ length: MEMBERS }, () => personName(rnd))
}

/**
 * Councils with members, and past meetings whose minutes go the whole way through the
 * minutes workflow: drafted, redacted by the engine (the job, run here by a job worker),
 * proposals decided, submitted, signed off by the disclosure officer, published (and so
 * put into the portal's search index). Meetings are spread over the last ten years.
 */
export async function generateCouncils(ctx: Context) {
  const { db, scale } = ctx
  const secretary = await ctx.actor('council_secretary')
  const officer = await ctx.actor('disclosure_officer')
  const councilIds: string[] = []
  for (let c = 0; c < scale.councils; c++) {
    const name = `${GENERATED_COUNCIL}${c + 1}（${TOPICS[c % TOPICS.length]}）`
    const found = await db
      .selectFrom('councils')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst()
    if (found) {
      councilIds.push(found.id)
      continue
    }
    const id = await withTransaction(db, async (trx) => {
      const council = await createCouncil(trx, secretary, {
        name,
        councilDescription: `${TOPICS[c % TOPICS.length]}について審議する。`,
        noticeDays: 7,
      })
      for (const [k, member] of memberNames(c).entries())
        await addMember(trx, secretary, council.id, {
          name: member,
          affiliation: '学識経験者',
          memberRole: k === 0 ? '会長' : '委員',
        })
      return council.id
    })
    councilIds.push(id)
  }
  const ofGenerated = () =>
    db
      .selectFrom('council_meetings as m')
      .innerJoin('councils as c', 'c.id', 'm.council_id')
      .where('c.name', 'like', `${GENERATED_COUNCIL}%`)
  const existing = Number(
    (
      await ofGenerated()
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  const target = scale.meetings
  const worker = new JobWorker(db, createLogger('silent')).register(
    REDACT_MINUTES_JOB,
    redactMinutesJob,
  )
  const now = Date.now()
  let characters = 0
  await advance()
  for (let start = existing; start < target; start += BATCH) {
    await withTransaction(db, async (trx) => {
      for (let i = start; i < Math.min(target, start + BATCH); i++) {
        const c = i % councilIds.length
        const rnd = prng(6_000_000 + i)
        const startsAt = new Date(now - Math.ceil(((target - i) / target) * 3650) * DAY - 2 * DAY)
        const isPublic = i % 10 !== 0
        const meeting = await scheduleMeeting(
          trx,
          secretary,
          councilIds[c]!,
          {
            meetingTitle: `第${Math.floor(i / councilIds.length) + 1}回`,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
            place: '都庁第一本庁舎 会議室',
            agenda: `${pick(rnd, TOPICS)}について`,
            isPublic,
            closedReason: isPublic ? null : '個人に関する情報を扱うため',
            lateNoticeReason: null,
            galleryCapacity: isPublic ? 20 : 0,
            allowlist: [],
          },
          new Date(startsAt.getTime() - 30 * DAY),
        )
        const text = minutesText(rnd, scale.minutesChars, memberNames(c))
        characters += text.length
        await draftMinutes(trx, secretary, meeting.id, { text })
      }
    })
    await advance()
    ctx.progress('meetings', Math.min(target, start + BATCH), target)
  }
  return { kind: 'meetings', target, existing, made: Math.max(0, target - existing), characters }

  /** Runs queued redaction jobs and takes every generated minutes to published. */
  async function advance() {
    await worker.drain()
    const open = await db
      .selectFrom('council_minutes as n')
      .innerJoin('council_meetings as m', 'm.id', 'n.meeting_id')
      .innerJoin('councils as c', 'c.id', 'm.council_id')
      .select('n.id')
      .where('c.name', 'like', `${GENERATED_COUNCIL}%`)
      .where('n.status', 'in', ['in_review', 'submitted', 'approved'])
      .execute()
    const version = async (id: string) =>
      await db
        .selectFrom('council_minutes')
        .select(['version', 'status'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    for (const { id } of open) {
      let v = await version(id)
      if (v.status === 'in_review') {
        const proposed = await db
          .selectFrom('council_minute_spans')
          .select('id')
          .where('minutes_id', '=', id)
          .where('decision', '=', 'proposed')
          .execute()
        for (const span of proposed) {
          await decideSpan(db, secretary, id, span.id, { decision: 'accepted', version: v.version })
          v = await version(id)
        }
        await submitMinutes(db, secretary, id, v.version)
        v = await version(id)
      }
      if (v.status === 'submitted') {
        await signOffMinutes(db, officer, id, v.version, true)
        v = await version(id)
      }
      if (v.status === 'approved') await publishMinutes(db, secretary, id, v.version)
    }
  }
}
