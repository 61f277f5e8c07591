import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { translator } from '../../i18n/index.ts'
import { notify } from '../../notifications/notify.ts'
import { rankSimilar } from '../../text/similarity.ts'
import { addDays, todayInTokyo } from './dates.ts'
import { canManageDisclosure } from './disclosure.policy.ts'
import { closeCandidateSchema, settingsSchema } from './disclosure.schemas.ts'
import type { Candidate } from './disclosure.types.ts'

export interface DisclosureSettings {
  repeatCount: number
  periodDays: number
  version: number
}

export async function readSettings(db: Db): Promise<DisclosureSettings> {
  const row = await db.selectFrom('disclosure_settings').selectAll().executeTakeFirstOrThrow()
  return { repeatCount: row.repeat_count, periodDays: row.period_days, version: row.version }
}

/**
 * Request subjects are short titles: the same topic worded differently scores 0.65–0.92,
 * different topics sharing words such as 補助金・交付 up to 0.30 (the demo's subjects), so
 * grouping asks for more than the platform's default of 0.3.
 */
export const CLUSTER_THRESHOLD = 0.45

interface Subject {
  id: string
  text: string
  receivedOn: string
}

/** The topic of the most similar earlier subject (at or above the threshold), or null: a new topic. */
export function chooseTopic(
  text: string,
  earlier: readonly { topicId: string; text: string }[],
  threshold = CLUSTER_THRESHOLD,
): string | null {
  const [best] = rankSimilar(
    text,
    earlier.map((e) => ({ id: e.topicId, text: e.text })),
    { threshold, limit: 1 },
  )
  return best?.item.id ?? null
}

/** Groups subjects in order the way requests are grouped as they are logged (for tests and checks). */
export function clusterSubjects(subjects: readonly Subject[], threshold = CLUSTER_THRESHOLD) {
  const earlier: { topicId: string; text: string }[] = []
  const groups = new Map<string, Subject[]>()
  for (const s of subjects) {
    const topicId = chooseTopic(s.text, earlier, threshold) ?? s.id
    groups.set(topicId, [...(groups.get(topicId) ?? []), s])
    earlier.push({ topicId, text: s.text })
  }
  return [...groups.values()]
}

/**
 * Puts a newly logged request in the topic of the most similar request of the period, or in a
 * topic of its own: one pass over the period's subjects, so logging stays fast with thousands.
 */
export async function assignTopic(trx: Db, requestId: string, today = todayInTokyo()) {
  const settings = await readSettings(trx)
  const request = await trx
    .selectFrom('disclosure_requests')
    .select('subject')
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow()
  const earlier = await trx
    .selectFrom('disclosure_requests')
    .select(['topic_id', 'subject'])
    .where('received_on', '>=', addDays(today, -settings.periodDays))
    .where('topic_id', 'is not', null)
    .where('id', '<>', requestId)
    .execute()
  const topicId =
    chooseTopic(
      request.subject,
      earlier.map((e) => ({ topicId: e.topic_id!, text: e.subject })),
    ) ?? randomUUID()
  await trx
    .updateTable('disclosure_requests')
    .set({ topic_id: topicId })
    .where('id', '=', requestId)
    .execute()
}

/**
 * Keeps one open candidate per topic asked for repeatedly (the configured count within the
 * configured period). Requests of topics already published are left out, so a topic comes
 * back only if it is asked for that often again.
 */
export async function refreshCandidates(trx: Db, today = todayInTokyo()): Promise<number> {
  const settings = await readSettings(trx)
  const candidates = await trx.selectFrom('disclosure_candidates').selectAll().execute()
  const closedIds = new Set(
    candidates.filter((c) => c.status === 'closed').flatMap((c) => c.request_ids),
  )
  const rows = await trx
    .selectFrom('disclosure_requests')
    .select(['id', 'subject', 'topic_id'])
    .where('received_on', '>=', addDays(today, -settings.periodDays))
    .where('topic_id', 'is not', null)
    .orderBy('received_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const topics = new Map<string, { id: string; subject: string }[]>()
  for (const r of rows) {
    if (closedIds.has(r.id)) continue
    topics.set(r.topic_id!, [...(topics.get(r.topic_id!) ?? []), r])
  }
  let created = 0
  for (const group of topics.values()) {
    if (group.length < settings.repeatCount) continue
    const ids = group.map((s) => s.id)
    const open = candidates.find(
      (c) => c.status === 'open' && c.request_ids.some((id) => ids.includes(id)),
    )
    if (open) {
      const same =
        open.request_ids.length === ids.length && ids.every((id) => open.request_ids.includes(id))
      if (!same)
        await trx
          .updateTable('disclosure_candidates')
          .set({ request_ids: JSON.stringify(ids) })
          .where('id', '=', open.id)
          .execute()
      continue
    }
    await trx
      .insertInto('disclosure_candidates')
      .values({ title: group[0]!.subject, request_ids: JSON.stringify(ids) })
      .execute()
    created++
    await notifyOfficers(trx, group[0]!.subject, group.length)
  }
  return created
}

async function notifyOfficers(trx: Db, title: string, count: number) {
  const t = translator('ja')
  const officers = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .distinct()
    .where('role', '=', 'disclosure_officer')
    .execute()
  for (const o of officers) {
    await notify(
      trx,
      {
        userId: o.user_id,
        title: t('disclosure.notify.candidateTitle'),
        body: t('disclosure.notify.candidateBody', { title, count }),
        link: '/disclosure/candidates',
      },
      // The inbox is enough: a candidate waits for the officer, nothing is due on a date.
      { email: false },
    )
  }
}

export async function listCandidates(db: Db, actor: Actor | null): Promise<Candidate[]> {
  authorize(actor, canManageDisclosure)
  const rows = await db
    .selectFrom('disclosure_candidates')
    .selectAll()
    .orderBy('status', 'desc')
    .orderBy('created_at', 'desc')
    .execute()
  const ids = [...new Set(rows.flatMap((r) => r.request_ids))]
  const requests = ids.length
    ? await db
        .selectFrom('disclosure_requests')
        .select(['id', 'subject', sql<string>`received_on::text`.as('received_on')])
        .where('id', 'in', ids)
        .execute()
    : []
  const byId = new Map(requests.map((r) => [r.id, r]))
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    requests: r.request_ids
      .map((id) => byId.get(id))
      .filter((x) => !!x)
      .map((x) => ({ id: x.id, subject: x.subject, receivedOn: x.received_on })),
    status: r.status,
    datasetId: r.dataset_id,
    link: r.link,
    closedAt: r.closed_at,
    version: r.version,
  }))
}

export async function updateSettings(db: Db, actor: Actor | null, input: unknown): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(settingsSchema, input)
  await withTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('disclosure_settings')
      .set({
        repeat_count: data.repeatCount,
        period_days: data.periodDays,
        version: sql<number>`version + 1`,
      })
      .where('version', '=', data.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.settings.update',
      entity: 'disclosure_settings',
      data: { repeatCount: data.repeatCount, periodDays: data.periodDays },
    })
    await refreshCandidates(trx)
  })
}

/** Closes a candidate with what was published: a dataset of the catalogue, or a link. */
export async function closeCandidate(
  db: Db,
  actor: Actor | null,
  id: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(closeCandidateSchema, input)
  if (!data.datasetId && !data.link) throw invalidField('link', 'disclosure.error.closeWith')
  await withTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('disclosure_candidates')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw notFound()
    if (row.version !== data.version) throw conflict()
    if (row.status !== 'open') throw conflict('disclosure.error.candidateClosed')
    let link = data.link ?? null
    if (data.datasetId) {
      const dataset = await trx
        .selectFrom('opendata_datasets')
        .select(['name', 'is_private', 'state'])
        .where('id', '=', data.datasetId)
        .executeTakeFirst()
      if (dataset?.state !== 'active' || dataset.is_private)
        throw invalidField('datasetId', 'disclosure.error.datasetNotPublic')
      link = `/portal/data/${dataset.name}`
    }
    await trx
      .updateTable('disclosure_candidates')
      .set({
        status: 'closed',
        dataset_id: data.datasetId ?? null,
        link,
        closed_by: actor.userId,
        closed_at: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.candidate.close',
      entity: 'disclosure_candidates',
      entityId: id,
      data: { datasetId: data.datasetId ?? null, link },
    })
  })
}
