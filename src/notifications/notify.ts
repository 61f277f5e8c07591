import type { Db } from '../db/schema.ts'
import { translator } from '../i18n/index.ts'
import { enqueueJob } from '../jobs/queue.ts'
import type { JobHandler } from '../jobs/worker.ts'
import type { Mailer } from './mailer.ts'

export interface NotificationInput {
  userId: string
  title: string
  body?: string
  /** A path inside the app, e.g. `/proposals/…`. */
  link?: string
}

export const EMAIL_JOB = 'notification.email'

/**
 * Puts a notice in the user's inbox and, in the same transaction, queues its e-mail: the
 * mail goes out after the change commits, and is retried if the SMTP server is down.
 */
export async function notify(
  db: Db,
  input: NotificationInput,
  options: { email: boolean },
): Promise<string> {
  const row = await db
    .insertInto('notifications')
    .values({
      user_id: input.userId,
      title: input.title,
      body: input.body ?? '',
      link: input.link ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (options.email) await enqueueJob(db, EMAIL_JOB, { notificationId: row.id })
  return row.id
}

/**
 * The same notice for many users in two statements: one insert for the inbox, one for the
 * e-mail jobs. For fan-outs to thousands of accounts, which would take minutes one by one.
 */
export async function notifyMany(
  db: Db,
  userIds: readonly string[],
  input: Omit<NotificationInput, 'userId'>,
  options: { email: boolean },
): Promise<number> {
  if (userIds.length === 0) return 0
  const rows = await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        title: input.title,
        body: input.body ?? '',
        link: input.link ?? null,
      })),
    )
    .returning('id')
    .execute()
  if (options.email)
    await db
      .insertInto('jobs')
      .values(
        rows.map((row) => ({
          kind: EMAIL_JOB,
          payload: JSON.stringify({ notificationId: row.id }),
        })),
      )
      .execute()
  return rows.length
}

export function emailJobHandler(mailer: Mailer, publicUrl: string): JobHandler {
  return async ({ db, job }) => {
    const { notificationId } = job.payload as { notificationId: string }
    const row = await db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select([
        'notifications.title',
        'notifications.body',
        'notifications.link',
        'users.email',
        'users.locale',
      ])
      .where('notifications.id', '=', notificationId)
      .executeTakeFirst()
    if (!row) return { skipped: 'notification deleted' }
    const t = translator(row.locale)
    const lines = [
      row.body,
      '',
      row.link ? t('mail.open', { url: publicUrl + row.link }) : '',
      '',
      t('mail.footer'),
    ]
    await mailer.send({
      to: row.email,
      subject: `[${t('app.short')}] ${row.title}`,
      text: lines.filter((l, i) => l !== '' || i > 0).join('\n'),
    })
    return { sentTo: row.email }
  }
}
