import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, notFound } from '../../http/errors.ts'
import { type MessageKey, translator } from '../../i18n/index.ts'
import { enqueueJob } from '../../jobs/queue.ts'
import { canEditNews, canReadNews } from './newsletter.policy.ts'
import { selectIssues } from './newsletter.queries.ts'
import type { IssueUpdate, ItemInput } from './newsletter.schemas.ts'
import { NEWS_ACTIONS, NEWSLETTER_DELIVERY_JOB, type NewsIssue } from './newsletter.types.ts'

export async function listIssues(db: Db, actor: Actor | null, q = '') {
  authorize(actor, canReadNews)
  const canEdit = canEditNews(actor)
  return { issues: await selectIssues(db, { publishedOnly: !canEdit, q }), canEdit }
}

/** A draft is the secretariat's until published; for anyone else it does not exist yet. */
export async function getIssue(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canReadNews)
  const [issue] = await selectIssues(db, { id })
  const canEdit = canEditNews(actor)
  if (!issue || (issue.status === 'draft' && !canEdit)) throw notFound()
  return { issue, canEdit: canEdit && issue.status === 'draft' }
}

async function draftOrThrow(trx: Db, id: string): Promise<NewsIssue> {
  const [issue] = await selectIssues(trx, { id })
  if (!issue) throw notFound()
  if (issue.status !== 'draft') throw conflict('newsletter.errors.published')
  return issue
}

/**
 * Items proposed from the audit log since the issue's start line, one per entry, skipping
 * entries the issue already holds. Only `data.title` (and a link inside the app) is used.
 */
async function proposeItems(
  trx: Db,
  issue: { id: string; coversFrom: Date | null },
): Promise<number> {
  let query = trx
    .selectFrom('audit_log')
    .select(['seq', 'action', 'data'])
    .where('action', 'in', [...NEWS_ACTIONS])
    .orderBy('seq')
  if (issue.coversFrom) query = query.where('at', '>', issue.coversFrom)
  const entries = await query.execute()
  const held = new Set(
    (
      await trx
        .selectFrom('newsletter_items')
        .select('source_seq')
        .where('issue_id', '=', issue.id)
        .execute()
    ).map((r) => Number(r.source_seq)),
  )
  const t = translator('ja')
  let order = Number(
    (
      await trx
        .selectFrom('newsletter_items')
        .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
        .where('issue_id', '=', issue.id)
        .executeTakeFirstOrThrow()
    ).m,
  )
  let added = 0
  for (const entry of entries) {
    const title = typeof entry.data.title === 'string' ? entry.data.title.trim() : ''
    if (!title || held.has(Number(entry.seq))) continue
    const href =
      typeof entry.data.href === 'string' && /^\/[^/]/.test(entry.data.href)
        ? entry.data.href
        : null
    await trx
      .insertInto('newsletter_items')
      .values({
        issue_id: issue.id,
        sort_order: ++order,
        heading: title,
        body: t(`newsletter.item.${entry.action}` as MessageKey, { title }),
        source_action: entry.action,
        source_seq: Number(entry.seq),
        href,
      })
      .execute()
    added++
  }
  return added
}

/** Starts the next issue with the items proposed since the last one was published. */
export async function startIssue(db: Db, actor: Actor | null): Promise<string> {
  authorize(actor, canEditNews)
  return withTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('newsletter_issues')
      .select(['number', 'published_at'])
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst()
    const lastPublished = await trx
      .selectFrom('newsletter_issues')
      .select('published_at')
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    const number = (last?.number ?? 0) + 1
    const row = await trx
      .insertInto('newsletter_issues')
      .values({
        number,
        title: translator('ja')('newsletter.defaultTitle', { number }),
        covers_from: lastPublished?.published_at ?? null,
        created_by: actor.userId,
      })
      .returning(['id', 'covers_from'])
      .executeTakeFirstOrThrow()
    await proposeItems(trx, { id: row.id, coversFrom: row.covers_from })
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.start',
      entity: 'newsletter_issue',
      entityId: row.id,
      data: { number },
    })
    return row.id
  })
}

/** Adds what has happened since the draft was started. */
export async function refreshProposals(db: Db, actor: Actor | null, id: string): Promise<number> {
  authorize(actor, canEditNews)
  return withTransaction(db, async (trx) => proposeItems(trx, await draftOrThrow(trx, id)))
}

export async function updateIssue(db: Db, actor: Actor | null, id: string, input: IssueUpdate) {
  authorize(actor, canEditNews)
  await withTransaction(db, async (trx) => {
    await draftOrThrow(trx, id)
    const row = await trx
      .updateTable('newsletter_issues')
      .set({
        title: input.title,
        lead: input.lead,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.update',
      entity: 'newsletter_issue',
      entityId: id,
      data: { ...input },
    })
  })
}

export async function addItem(db: Db, actor: Actor | null, issueId: string, input: ItemInput) {
  authorize(actor, canEditNews)
  await withTransaction(db, async (trx) => {
    await draftOrThrow(trx, issueId)
    const { m } = await trx
      .selectFrom('newsletter_items')
      .select(sql<number>`coalesce(max(sort_order), 0)`.as('m'))
      .where('issue_id', '=', issueId)
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('newsletter_items')
      .values({
        issue_id: issueId,
        heading: input.heading,
        body: input.body,
        sort_order: Number(m) + 1,
      })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.item.add',
      entity: 'newsletter_issue',
      entityId: issueId,
      data: { ...input },
    })
  })
}

async function itemIssue(trx: Db, itemId: string): Promise<string> {
  const item = await trx
    .selectFrom('newsletter_items')
    .select('issue_id')
    .where('id', '=', itemId)
    .executeTakeFirst()
  if (!item) throw notFound()
  await draftOrThrow(trx, item.issue_id)
  return item.issue_id
}

export async function updateItem(
  db: Db,
  actor: Actor | null,
  itemId: string,
  input: ItemInput,
): Promise<string> {
  authorize(actor, canEditNews)
  return withTransaction(db, async (trx) => {
    const issueId = await itemIssue(trx, itemId)
    await trx
      .updateTable('newsletter_items')
      .set({ heading: input.heading, body: input.body })
      .where('id', '=', itemId)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.item.update',
      entity: 'newsletter_issue',
      entityId: issueId,
      data: { itemId, ...input },
    })
    return issueId
  })
}

export async function deleteItem(db: Db, actor: Actor | null, itemId: string): Promise<string> {
  authorize(actor, canEditNews)
  return withTransaction(db, async (trx) => {
    const issueId = await itemIssue(trx, itemId)
    await trx.deleteFrom('newsletter_items').where('id', '=', itemId).execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.item.delete',
      entity: 'newsletter_issue',
      entityId: issueId,
      data: { itemId },
    })
    return issueId
  })
}

/** The issue as plain text, for the e-mail. */
export function issueText(issue: NewsIssue): string {
  const parts = [issue.lead, ...issue.items.map((i) => `■ ${i.heading}\n${i.body}`)]
  return parts.filter(Boolean).join('\n\n')
}

/**
 * Publishes the draft: its page and feed entry appear, and the delivery job (queued in the same
 * transaction) puts it in every active account's inbox and queues the e-mails.
 */
export async function publishIssue(
  db: Db,
  actor: Actor | null,
  id: string,
  version: number,
): Promise<number> {
  authorize(actor, canEditNews)
  return withTransaction(db, async (trx) => {
    await draftOrThrow(trx, id)
    const row = await trx
      .updateTable('newsletter_issues')
      .set({
        status: 'published',
        published_at: new Date(),
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    const [issue] = await selectIssues(trx, { id })
    const { recipients } = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('recipients'))
      .where('active', '=', true)
      .executeTakeFirstOrThrow()
    await enqueueJob(trx, NEWSLETTER_DELIVERY_JOB, { issueId: id }, actor.userId)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'newsletter.published',
      entity: 'newsletter_issue',
      entityId: id,
      data: { title: issue!.title, recipients },
    })
    return recipients
  })
}
