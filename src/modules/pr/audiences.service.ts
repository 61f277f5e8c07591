/** The audience taxonomy (広報ターゲット) and the audiences each programme targets. */
import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, invalidField, notFound } from '../../http/errors.ts'
import { programCatalogue } from './pr.lookups.ts'
import { canRunSurvey, canViewPr, isPrDesk } from './pr.policy.ts'
import type { Audience } from './pr.types.ts'

export async function selectAudiences(db: Db, onlyActive = false): Promise<Audience[]> {
  let query = db.selectFrom('pr_audiences').selectAll().orderBy('sort_order').orderBy('name')
  if (onlyActive) query = query.where('active', '=', true)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sortOrder: r.sort_order,
    active: r.active,
    version: r.version,
  }))
}

export async function listAudiences(db: Db, actor: Actor | null, onlyActive = false) {
  authorize(actor, canViewPr)
  return selectAudiences(db, onlyActive)
}

export async function insertAudience(trx: Db, actorId: string | null, name: string) {
  const taken = await trx
    .selectFrom('pr_audiences')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst()
  if (taken) throw invalidField('name', 'pr.errors.duplicateName')
  const { max } = await trx
    .selectFrom('pr_audiences')
    .select((eb) => eb.fn.max<number>('sort_order').as('max'))
    .executeTakeFirstOrThrow()
  const row = await trx
    .insertInto('pr_audiences')
    .values({ name, sort_order: (max ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  await recordAudit(trx, {
    actorId,
    action: 'pr.audience.created',
    entity: 'pr_audience',
    entityId: row.id,
    data: { name },
  })
  return row.id
}

export async function createAudience(db: Db, actor: Actor | null, input: { name: string }) {
  authorize(actor, canRunSurvey)
  return withTransaction(db, (trx) => insertAudience(trx, actor.userId, input.name))
}

/** Renames an audience or retires it (a retired audience keeps its links but is not offered). */
export async function updateAudience(
  db: Db,
  actor: Actor | null,
  id: string,
  input: { name: string; active: boolean; version: number },
) {
  authorize(actor, canRunSurvey)
  await withTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('pr_audiences')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (!current) throw notFound()
    const taken = await trx
      .selectFrom('pr_audiences')
      .select('id')
      .where('name', '=', input.name)
      .where('id', '<>', id)
      .executeTakeFirst()
    if (taken) throw invalidField('name', 'pr.errors.duplicateName')
    const row = await trx
      .updateTable('pr_audiences')
      .set({ name: input.name, active: input.active, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.audience.updated',
      entity: 'pr_audience',
      entityId: id,
      data: { ...input },
    })
  })
}

/** Programme id → the audiences it targets. */
export async function selectTargets(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom('pr_program_audiences').selectAll().execute()
  const out = new Map<string, Set<string>>()
  for (const r of rows) {
    const set = out.get(r.program_id) ?? new Set<string>()
    set.add(r.audience_id)
    out.set(r.program_id, set)
  }
  return out
}

export async function getTargets(db: Db, actor: Actor | null, programId: string) {
  authorize(actor, canViewPr)
  const { programs } = await programCatalogue(db, actor)
  const program = programs.find((p) => p.id === programId)
  if (!program) throw notFound()
  const targets = (await selectTargets(db)).get(programId) ?? new Set<string>()
  return {
    program,
    audiences: await selectAudiences(db),
    targeted: [...targets],
    canEdit: isPrDesk(actor),
  }
}

export async function writeTargets(
  trx: Db,
  actorId: string | null,
  programId: string,
  audienceIds: string[],
) {
  await trx.deleteFrom('pr_program_audiences').where('program_id', '=', programId).execute()
  const ids = [...new Set(audienceIds)]
  if (ids.length)
    await trx
      .insertInto('pr_program_audiences')
      .values(ids.map((audience_id) => ({ program_id: programId, audience_id })))
      .execute()
  await recordAudit(trx, {
    actorId,
    action: 'pr.targets.set',
    entity: 'program',
    entityId: programId,
    data: { audienceIds: ids },
  })
}

/** Which audiences a programme is meant to reach: the PR desk sets them, the matrix's gaps follow. */
export async function setTargets(
  db: Db,
  actor: Actor | null,
  programId: string,
  input: { audienceIds: string[] },
) {
  authorize(actor, isPrDesk)
  await withTransaction(db, async (trx) => {
    const { programs } = await programCatalogue(trx, actor)
    if (!programs.some((p) => p.id === programId)) throw notFound()
    const known = new Set((await selectAudiences(trx)).map((a) => a.id))
    if (input.audienceIds.some((id) => !known.has(id)))
      throw invalidField('audienceIds', 'validation.choice')
    await writeTargets(trx, actor.userId, programId, input.audienceIds)
  })
}
