import type { Db } from '../../db/schema.ts'
import { loadActor } from '../accounts/index.ts'
import { demoEmail } from '../org/index.ts'
import type { MemberInput } from './councils.schemas.ts'
import { addMember, createCouncil, scheduleMeeting } from './councils.service.ts'

const DAY = 86_400_000

/** A date `days` from now at 14:00 Japan time. */
function at(days: number, hour = 14): Date {
  const d = new Date(Date.now() + days * DAY)
  const ymd = new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
  return new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00+09:00`)
}

const COUNCILS: {
  name: string
  description: string
  members: MemberInput[]
  meetings: { title: string; days: number; agenda: string; capacity: number; isPublic: boolean }[]
}[] = [
  {
    name: '東京都観光事業審議会',
    description:
      '観光産業の振興に関する重要事項を調査審議する。自律改革の推進方針（③審議会等の公開）に基づき、開催予定の事前周知、会議の公開、議事録の公開を進める。',
    members: [
      { name: '山本 直樹', affiliation: '東都大学 教授', memberRole: '会長' },
      { name: '井上 陽子', affiliation: '東京観光協会 理事', memberRole: '副会長' },
      { name: '小池 健一', affiliation: '公募委員', memberRole: '委員' },
    ],
    meetings: [
      {
        title: '第12回',
        days: -30,
        agenda: '(1) 観光振興施策の実施状況について\n(2) その他',
        capacity: 10,
        isPublic: true,
      },
      {
        title: '第13回',
        days: 21,
        agenda: '(1) 多言語案内の充実について\n(2) 令和9年度予算要求について',
        capacity: 20,
        isPublic: true,
      },
    ],
  },
  {
    name: '東京都中小企業振興対策審議会',
    description: '中小企業の振興に関する施策を調査審議する。',
    members: [
      { name: '高木 誠', affiliation: '城南経済研究所 所長', memberRole: '会長' },
      { name: '西田 一', affiliation: '東京商工団体連合会', memberRole: '委員' },
    ],
    meetings: [
      {
        title: '第3部会',
        days: 35,
        agenda: '(1) 事業承継支援について',
        capacity: 0,
        isPublic: false,
      },
    ],
  },
]

/** The demo councils, created by the demo council secretary through the services. */
export async function seedCouncils(db: Db): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail('council_secretary'))
    .executeTakeFirst()
  if (!user) return
  const actor = await loadActor(db, user.id)
  for (const spec of COUNCILS) {
    const council = await createCouncil(db, actor, {
      name: spec.name,
      councilDescription: spec.description,
      noticeDays: 7,
    })
    for (const member of spec.members) await addMember(db, actor, council.id, member)
    for (const m of spec.meetings) {
      const startsAt = at(m.days)
      // A past meeting was announced in its time: a month before it.
      const announced = new Date(Math.min(Date.now(), startsAt.getTime() - 30 * DAY))
      await scheduleMeeting(
        db,
        actor,
        council.id,
        {
          meetingTitle: m.title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          place: '都庁第一本庁舎 33階 特別会議室',
          agenda: m.agenda,
          isPublic: m.isPublic,
          closedReason: m.isPublic ? null : '個別企業の経営情報を扱うため（条例第7条第3号）',
          lateNoticeReason: null,
          galleryCapacity: m.capacity,
          allowlist: [],
        },
        announced,
      )
    }
  }
}
