import type { Db } from '../../db/schema.ts'
import { isoDate } from '../schedule/index.ts'
import { selectHqMembers } from './hq.queries.ts'

/**
 * The seed's two HQ meetings (執行体制: 第1回9月2日、第2回9月16日 ⇒ 推進方針決定), placed in the
 * demo's fiscal year, with everyone present and the policy decided at the second.
 */
export async function seedHq(trx: Db, fiscalYear: number): Promise<void> {
  const members = await selectHqMembers(trx)
  const meetings = [
    {
      title: '第1回 産業労働局業務改革推進本部',
      heldOn: isoDate(fiscalYear, 9, 2),
      items: [
        {
          title: '自律改革の推進方針（案）について',
          outcome: 'noted',
          note: '各部会で検討を進め、第2回で決定する。',
        },
      ],
    },
    {
      title: '第2回 産業労働局業務改革推進本部',
      heldOn: isoDate(fiscalYear, 9, 16),
      items: [
        {
          title: '産業労働局の自律改革の推進方針',
          outcome: 'approved',
          note: '本方針を決定した。',
        },
      ],
    },
  ]
  for (const m of meetings) {
    const meeting = await trx
      .insertInto('hq_meetings')
      .values({ title: m.title, held_on: m.heldOn, place: '第一本庁舎' })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [i, item] of m.items.entries())
      await trx
        .insertInto('hq_agenda_items')
        .values({
          meeting_id: meeting.id,
          title: item.title,
          sort_order: i + 1,
          outcome: item.outcome,
          note: item.note,
          decided_at: new Date(`${m.heldOn}T06:00:00Z`),
        })
        .execute()
    if (members.length)
      await trx
        .insertInto('hq_attendance')
        .values(
          members.map((p) => ({ meeting_id: meeting.id, person_id: p.personId, present: true })),
        )
        .execute()
  }
}
