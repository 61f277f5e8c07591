import { sql } from 'kysely'
import type { Db } from '../db/schema.ts'

export interface Notification {
  id: string
  title: string
  body: string
  link: string | null
  createdAt: Date
  read: boolean
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function listNotifications(
  db: Db,
  userId: string,
  limit = 100,
): Promise<Notification[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
    read: r.read_at !== null,
  }))
}

/** Marks one notification (or, without an id, all) of this user as read. */
export async function markRead(db: Db, userId: string, id?: string): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` as unknown as Date })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id) query = query.where('id', '=', id)
  await query.execute()
}
