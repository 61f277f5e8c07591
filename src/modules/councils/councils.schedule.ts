import type { Db } from '../../db/schema.ts'
import { todayInTokyo } from '../../i18n/dates.ts'
import { upsertLinkedTask } from '../schedule/index.ts'
import type { Council, Meeting } from './councils.types.ts'

/**
 * Keeps a scheduled council meeting on the overall schedule (workstream ③, 情報公開), as a
 * one-day milestone owned by the council's unit, inside the transaction that scheduled it.
 */
export async function linkMeetingToSchedule(trx: Db, council: Council, meeting: Meeting) {
  const day = todayInTokyo(meeting.startsAt)
  await upsertLinkedTask(trx, {
    source: 'councils.meeting',
    sourceId: meeting.id,
    workstream: '③',
    title: `${council.name} ${meeting.title}`,
    startsOn: day,
    endsOn: day,
    milestone: true,
    ownerUnitId: council.unitId,
    href: `/councils/meetings/${meeting.id}`,
  })
}
