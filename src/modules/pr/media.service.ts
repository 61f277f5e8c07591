import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import {
  type ProgramRef,
  programCatalogue,
  type UnitDirectory,
  unitDirectory,
} from './pr.lookups.ts'
import { canEditMediaOf, canViewPr } from './pr.policy.ts'
import type { MediaFilter, MediumInput, MediumUpdate } from './pr.schemas.ts'
import type { Medium } from './pr.types.ts'

function mediaBase(db: Db) {
  return db
    .selectFrom('pr_media as m')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .selectAll('m')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      sql<string | null>`to_char(m.reach_from, 'YYYY-MM-DD')`.as('reach_from_text'),
      sql<string | null>`to_char(m.reach_to, 'YYYY-MM-DD')`.as('reach_to_text'),
    ])
}

const num = (v: string | number | null) => (v === null ? null : Number(v))

/** Media rows with their audiences and programmes (programme names from the registry). */
export async function loadMedia(
  db: Db,
  dir: UnitDirectory,
  programs: Map<string, ProgramRef>,
  where: { ids?: string[]; unitIds?: string[]; channel?: string | null } = {},
): Promise<Medium[]> {
  let query = mediaBase(db)
  if (where.ids) query = query.where('m.id', 'in', where.ids.length ? where.ids : [null as never])
  if (where.unitIds)
    query = query.where('m.unit_id', 'in', where.unitIds.length ? where.unitIds : [null as never])
  if (where.channel) query = query.where('m.channel', '=', where.channel as Medium['channel'])
  const rows = await query.orderBy('u.sort_order').orderBy('m.name').execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const audiences = await db
    .selectFrom('pr_media_audiences as ma')
    .innerJoin('pr_audiences as a', 'a.id', 'ma.audience_id')
    .select(['ma.medium_id', 'a.id', 'a.name'])
    .where('ma.medium_id', 'in', ids)
    .orderBy('a.sort_order')
    .execute()
  const links = await db
    .selectFrom('pr_media_programs')
    .selectAll()
    .where('medium_id', 'in', ids)
    .execute()
  return rows.map((r) => {
    const department = dir.departmentOf(r.unit_id)
    return {
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      name: r.name,
      channel: r.channel,
      url: r.url,
      description: r.description,
      costPerYear: num(r.cost_per_year),
      printRun: r.print_run,
      stock: r.stock,
      reachMetric: r.reach_metric,
      reachValue: num(r.reach_value),
      reachFrom: r.reach_from_text,
      reachTo: r.reach_to_text,
      audiences: audiences
        .filter((a) => a.medium_id === r.id)
        .map((a) => ({ id: a.id, name: a.name })),
      programs: links
        .filter((l) => l.medium_id === r.id)
        .flatMap((l) => {
          const p = programs.get(l.program_id)
          return p ? [{ id: p.id, code: p.code, name: p.name }] : []
        })
        .sort((a, b) => a.code.localeCompare(b.code)),
      surveyId: r.survey_id,
      version: r.version,
      updatedAt: r.updated_at,
    }
  })
}

async function context(db: Db, actor: Actor) {
  const dir = await unitDirectory(db, actor)
  const { programs } = await programCatalogue(db, actor)
  return { dir, programs: new Map(programs.map((p) => [p.id, p])) }
}

/** The inventory, filtered by the owner's department, the channel and an audience. */
export async function listMedia(db: Db, actor: Actor | null, filter: MediaFilter = {}) {
  authorize(actor, canViewPr)
  const { dir, programs } = await context(db, actor)
  let media = await loadMedia(db, dir, programs, { channel: filter.channel || null })
  if (filter.department) media = media.filter((m) => m.departmentId === filter.department)
  if (filter.audience)
    media = media.filter((m) => m.audiences.some((a) => a.id === filter.audience))
  return media
}

export async function getMedium(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canViewPr)
  const { dir, programs } = await context(db, actor)
  const [medium] = await loadMedia(db, dir, programs, { ids: [id] })
  if (!medium) throw notFound()
  const unit = dir.byId.get(medium.unitId)
  return { medium, canEdit: !!unit && canEditMediaOf(actor, unit.path) }
}

/** Checks what the input names (the unit, audiences, programmes) and writes a medium's links. */
export async function checkMediumInput(trx: Db, actor: Actor, input: MediumInput) {
  const dir = await unitDirectory(trx, actor)
  const unit = dir.byId.get(input.unitId)
  if (!unit || !dir.owners.includes(unit)) throw invalidField('unitId', 'validation.choice')
  if (!canEditMediaOf(actor, unit.path)) throw forbidden()
  const audiences = await trx.selectFrom('pr_audiences').select('id').execute()
  const known = new Set(audiences.map((a) => a.id))
  if (input.audienceIds.some((id) => !known.has(id)))
    throw invalidField('audienceIds', 'validation.choice')
  const { programs } = await programCatalogue(trx, actor)
  const programIds = new Set(programs.map((p) => p.id))
  if (input.programIds.some((id) => !programIds.has(id)))
    throw invalidField('programIds', 'validation.choice')
  return unit
}

export function mediumValues(input: MediumInput) {
  return {
    unit_id: input.unitId,
    name: input.name,
    channel: input.channel,
    url: input.url,
    description: input.description,
    cost_per_year: input.costPerYear,
    print_run: input.printRun,
    stock: input.stock,
    reach_metric: input.reachMetric,
    reach_value: input.reachValue,
    reach_from: input.reachFrom,
    reach_to: input.reachTo,
  }
}

export async function writeLinks(trx: Db, mediumId: string, input: MediumInput) {
  await trx.deleteFrom('pr_media_audiences').where('medium_id', '=', mediumId).execute()
  await trx.deleteFrom('pr_media_programs').where('medium_id', '=', mediumId).execute()
  const audienceIds = [...new Set(input.audienceIds)]
  const programIds = [...new Set(input.programIds)]
  if (audienceIds.length)
    await trx
      .insertInto('pr_media_audiences')
      .values(audienceIds.map((audience_id) => ({ medium_id: mediumId, audience_id })))
      .execute()
  if (programIds.length)
    await trx
      .insertInto('pr_media_programs')
      .values(programIds.map((program_id) => ({ medium_id: mediumId, program_id })))
      .execute()
}

async function nameTaken(trx: Db, unitId: string, name: string, except: string | null) {
  let query = trx
    .selectFrom('pr_media')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('name', '=', name)
  if (except) query = query.where('id', '<>', except)
  return !!(await query.executeTakeFirst())
}

/** A new medium, stamped with the open survey it answers (if any). */
export async function insertMedium(
  trx: Db,
  actorId: string | null,
  input: MediumInput,
): Promise<string> {
  if (await nameTaken(trx, input.unitId, input.name, null))
    throw invalidField('name', 'pr.errors.duplicateName')
  const survey = await trx
    .selectFrom('pr_surveys')
    .select('id')
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  const row = await trx
    .insertInto('pr_media')
    .values({ ...mediumValues(input), survey_id: survey?.id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeLinks(trx, row.id, input)
  await recordAudit(trx, {
    actorId,
    action: 'pr.medium.created',
    entity: 'pr_medium',
    entityId: row.id,
    data: { ...input },
  })
  return row.id
}

export async function createMedium(db: Db, actor: Actor | null, input: MediumInput) {
  authorize(actor, canViewPr)
  return withTransaction(db, async (trx) => {
    await checkMediumInput(trx, actor, input)
    return insertMedium(trx, actor.userId, input)
  })
}

/** Saves an edit made on `version`; someone else's later save makes it a 409. */
export async function updateMedium(db: Db, actor: Actor | null, id: string, input: MediumUpdate) {
  authorize(actor, canViewPr)
  await withTransaction(db, async (trx) => {
    const current = await mediaBase(trx).where('m.id', '=', id).executeTakeFirst()
    if (!current) throw notFound()
    if (!canEditMediaOf(actor, current.unit_path)) throw forbidden()
    await checkMediumInput(trx, actor, input)
    if (await nameTaken(trx, input.unitId, input.name, id))
      throw invalidField('name', 'pr.errors.duplicateName')
    const updated = await trx
      .updateTable('pr_media')
      .set({ ...mediumValues(input), version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw conflict()
    await writeLinks(trx, id, input)
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.medium.updated',
      entity: 'pr_medium',
      entityId: id,
      data: { ...input },
    })
  })
}

export async function deleteMedium(db: Db, actor: Actor | null, id: string) {
  authorize(actor, canViewPr)
  await withTransaction(db, async (trx) => {
    const current = await mediaBase(trx).where('m.id', '=', id).executeTakeFirst()
    if (!current) throw notFound()
    if (!canEditMediaOf(actor, current.unit_path)) throw forbidden()
    await trx.deleteFrom('pr_media').where('id', '=', id).execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'pr.medium.deleted',
      entity: 'pr_medium',
      entityId: id,
      data: { name: current.name, unitId: current.unit_id },
    })
  })
}

/** The units this person may enter media for, for the form's owner choice. */
export async function ownerChoices(db: Db, actor: Actor | null) {
  authorize(actor, canViewPr)
  const dir = await unitDirectory(db, actor)
  return dir.owners.filter((u) => canEditMediaOf(actor, u.path))
}

/** What one survey respondent answers for: an office its own media, a department its own and its sections'. */
export async function listUnitMedia(db: Db, actor: Actor | null, unitId: string) {
  authorize(actor, canViewPr)
  const { dir, programs } = await context(db, actor)
  const unit = dir.byId.get(unitId)
  if (!unit) throw notFound()
  const unitIds = dir.units
    .filter((u) => u.path.startsWith(unit.path) && (u.id === unit.id || u.kind === 'section'))
    .map((u) => u.id)
  return loadMedia(db, dir, programs, { unitIds })
}
