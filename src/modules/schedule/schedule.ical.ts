import ical from 'ical-generator'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { todayInTokyo } from './jun.ts'
import { canViewSchedule } from './schedule.policy.ts'
import { selectTasks } from './schedule.queries.ts'

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The ★ milestones as an iCalendar file of all-day events, for the staff's calendars. */
export async function milestonesIcal(
  db: Db,
  actor: Actor | null,
  publicUrl: string,
): Promise<string> {
  authorize(actor, canViewSchedule)
  const tasks = (await selectTasks(db, todayInTokyo())).filter((task) => task.milestone)
  const calendar = ical({
    name: '全体スケジュール（マイルストーン）',
    prodId: { company: 'Kaikaku', product: 'schedule' },
  })
  for (const task of tasks) {
    calendar.createEvent({
      id: `${task.id}@kaikaku`,
      summary: `★${task.title}`,
      description: task.theme,
      // All-day events end on the day after their last day (RFC 5545 DTEND is exclusive).
      start: new Date(`${task.startsOn}T00:00:00Z`),
      end: new Date(`${nextDay(task.endsOn)}T00:00:00Z`),
      allDay: true,
      url: `${publicUrl}/schedule/tasks/${task.id}`,
    })
  }
  return calendar.toString()
}
