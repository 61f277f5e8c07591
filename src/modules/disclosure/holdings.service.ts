import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { translator } from '../../i18n/index.ts'
import { notify } from '../../notifications/notify.ts'
import { todayInTokyo } from './dates.ts'
import {
  canKeepHoldingsOf,
  canManageDisclosure,
  canOpenRegister,
  canSeeHoldingTotals,
} from './disclosure.policy.ts'
import { campaignSchema, holdingInputSchema, holdingReviewSchema } from './disclosure.schemas.ts'
import type { Holding, HoldingFlag } from './disclosure.types.ts'

export interface Campaign {
  id: string
  fiscalYear: number
  dueOn: string
}

/** Why a holding needs attention (情報セキュリティの強化): no need, kept too long, off the server. */
export function flagsOf(
  h: { purpose: string; retentionUntil: string | null; storage: string },
  today: string,
): HoldingFlag[] {
  const flags: HoldingFlag[] = []
  if (!h.purpose.trim()) flags.push('no_need')
  if (h.retentionUntil && h.retentionUntil < today) flags.push('past_retention')
  if (h.storage !== 'shared_server') flags.push('outside_shared_server')
  return flags
}

export async function currentCampaign(db: Db): Promise<Campaign | null> {
  const row = await db
    .selectFrom('data_holding_campaigns')
    .select(['id', 'fiscal_year', sql<string>`due_on::text`.as('due_on')])
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst()
  return row ? { id: row.id, fiscalYear: row.fiscal_year, dueOn: row.due_on } : null
}

async function selectHoldings(db: Db, campaignId: string | null, id?: string) {
  let query = db
    .selectFrom('data_holdings as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('data_holding_reviews as r', (join) =>
      join
        .onRef('r.holding_id', '=', 'h.id')
        .on('r.campaign_id', '=', campaignId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'h.id',
      'h.unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'h.title',
      'h.data_kind',
      'h.subjects',
      'h.purpose',
      'h.storage',
      'h.storage_detail',
      sql<string | null>`h.retention_until::text`.as('retention_until'),
      'h.owner',
      sql<string | null>`h.last_reviewed_on::text`.as('last_reviewed_on'),
      'h.version',
      'r.action',
      'r.note',
    ])
    .where('h.status', '=', 'active')
  if (id) query = query.where('h.id', '=', id)
  const rows = await query.orderBy('u.path').orderBy('h.title').orderBy('h.id').execute()
  const today = todayInTokyo()
  return rows.map(
    (r): Holding => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitPath: r.unit_path,
      title: r.title,
      dataKind: r.data_kind,
      subjects: r.subjects,
      purpose: r.purpose,
      storage: r.storage,
      storageDetail: r.storage_detail,
      retentionUntil: r.retention_until,
      owner: r.owner,
      lastReviewedOn: r.last_reviewed_on,
      version: r.version,
      flags: flagsOf(
        { purpose: r.purpose, retentionUntil: r.retention_until, storage: r.storage },
        today,
      ),
      review: r.action ? { action: r.action, note: r.note ?? '' } : null,
    }),
  )
}

export interface Register {
  holdings: Holding[]
  campaign: Campaign | null
  canManage: boolean
  canSeeTotals: boolean
  /** Units the actor may add holdings to. */
  units: { id: string; name: string }[]
}

/** The register as the actor may see it: everything for the officer and HQ, own units for managers. */
export async function listHoldings(db: Db, actor: Actor | null): Promise<Register> {
  authorize(actor, canOpenRegister)
  const campaign = await currentCampaign(db)
  const all = await selectHoldings(db, campaign?.id ?? null)
  const seesAll = canSeeHoldingTotals(actor)
  const units = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .orderBy('path')
    .execute()
  return {
    holdings: seesAll ? all : all.filter((h) => canKeepHoldingsOf(actor, h.unitPath)),
    campaign,
    canManage: canManageDisclosure(actor),
    canSeeTotals: seesAll,
    units: units
      .filter((u) => canKeepHoldingsOf(actor, u.path))
      .map((u) => ({ id: u.id, name: u.name })),
  }
}

async function unitPath(trx: Db, unitId: string): Promise<string> {
  const unit = await trx
    .selectFrom('units')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirst()
  if (!unit) throw invalidField('unitId', 'validation.choice')
  return unit.path
}

export async function createHolding(db: Db, actor: Actor | null, input: unknown): Promise<string> {
  authorize(actor, canOpenRegister)
  const data = parseInput(holdingInputSchema, input)
  return withTransaction(db, async (trx) => {
    if (!canKeepHoldingsOf(actor, await unitPath(trx, data.unitId))) throw forbidden()
    const row = await trx
      .insertInto('data_holdings')
      .values({
        unit_id: data.unitId,
        title: data.holdingTitle,
        data_kind: data.dataKind,
        subjects: data.subjects,
        purpose: data.purpose,
        storage: data.storage,
        storage_detail: data.storageDetail,
        retention_until: data.retentionUntil,
        owner: data.owner,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.holding.create',
      entity: 'data_holdings',
      entityId: row.id,
      data: { unitId: data.unitId, storage: data.storage },
    })
    return row.id
  })
}

/**
 * Starts the annual review: each unit with holdings is asked (in its inbox and by e-mail) to
 * confirm, delete or move every holding by the due date.
 */
export async function startCampaign(db: Db, actor: Actor | null, input: unknown): Promise<string> {
  authorize(actor, canManageDisclosure)
  const data = parseInput(campaignSchema, input)
  return withTransaction(db, async (trx) => {
    const exists = await trx
      .selectFrom('data_holding_campaigns')
      .select('id')
      .where('fiscal_year', '=', data.fiscalYear)
      .executeTakeFirst()
    if (exists) throw invalidField('fiscalYear', 'disclosure.error.campaignExists')
    const row = await trx
      .insertInto('data_holding_campaigns')
      .values({ fiscal_year: data.fiscalYear, due_on: data.dueOn, started_by: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow()
    const paths = await trx
      .selectFrom('data_holdings as h')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .select('u.path')
      .distinct()
      .where('h.status', '=', 'active')
      .execute()
    const keepers = await trx
      .selectFrom('user_roles as g')
      .leftJoin('units as u', 'u.id', 'g.scope_unit_id')
      .select(['g.user_id', 'u.path'])
      .where('g.role', 'in', ['office_manager', 'dept_lead'])
      .execute()
    const t = translator('ja')
    const asked = new Set(
      keepers
        .filter((k) => paths.some((p) => k.path === null || p.path.startsWith(k.path)))
        .map((k) => k.user_id),
    )
    for (const userId of asked) {
      await notify(
        trx,
        {
          userId,
          title: t('disclosure.notify.campaignTitle', { year: data.fiscalYear }),
          body: t('disclosure.notify.campaignBody', { due: data.dueOn }),
          link: '/disclosure/holdings',
        },
        { email: true },
      )
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'disclosure.campaign.start',
      entity: 'data_holding_campaigns',
      entityId: row.id,
      data: { fiscalYear: data.fiscalYear, asked: asked.size },
    })
    return row.id
  })
}

/** A unit's answer for one holding: confirmed, deleted, or moved to the shared server. */
export async function reviewHolding(
  db: Db,
  actor: Actor | null,
  holdingId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, canOpenRegister)
  await withTransaction(db, async (trx) => {
    const campaign = await currentCampaign(trx)
    const [holding] = await selectHoldings(trx, campaign?.id ?? null, holdingId)
    if (!holding) throw notFound()
    if (!canKeepHoldingsOf(actor, holding.unitPath)) throw forbidden()
    if (!campaign) throw conflict('disclosure.error.noCampaign')
    const data = parseInput(holdingReviewSchema, input)
    if (data.action === 'confirm' && holding.flags.includes('no_need') && !data.note)
      throw invalidField('note', 'disclosure.error.needRequired')
    await trx
      .insertInto('data_holding_reviews')
      .values({
        campaign_id: campaign.id,
        holding_id: holdingId,
        action: data.action,
        note: data.note,
        reviewed_by: actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(['campaign_id', 'holding_id']).doUpdateSet({
          action: data.action,
          note: data.note,
          reviewed_by: actor.userId,
          reviewed_at: new Date(),
        }),
      )
      .execute()
    const changes: Record<string, unknown> = {
      last_reviewed_on: todayInTokyo(),
      updated_at: new Date(),
    }
    if (data.action === 'delete') changes.status = 'deleted'
    if (data.action === 'move') changes.storage = 'shared_server'
    if (data.action === 'confirm' && !holding.purpose && data.note) changes.purpose = data.note
    await trx
      .updateTable('data_holdings')
      .set({ ...changes, version: sql<number>`version + 1` })
      .where('id', '=', holdingId)
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `disclosure.holding.${data.action}`,
      entity: 'data_holdings',
      entityId: holdingId,
      data: { campaignId: campaign.id },
    })
  })
}

export interface DepartmentTotals {
  unitName: string
  holdings: number
  flagged: number
  outsideShared: number
  confirmed: number
  deleted: number
  moved: number
  pending: number
}

/** HQ's view: per department, how many holdings, how many flagged, how the review went. */
export async function holdingTotals(
  db: Db,
  actor: Actor | null,
): Promise<{ campaign: Campaign | null; rows: DepartmentTotals[]; total: DepartmentTotals }> {
  authorize(actor, canSeeHoldingTotals)
  const campaign = await currentCampaign(db)
  const today = todayInTokyo()
  const departments = await db
    .selectFrom('units')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'department')
    .orderBy('sort_order')
    .orderBy('path')
    .execute()
  const rows = await db
    .selectFrom('data_holdings as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .leftJoin('data_holding_reviews as r', (join) =>
      join
        .onRef('r.holding_id', '=', 'h.id')
        .on('r.campaign_id', '=', campaign?.id ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([
      'u.path',
      'h.status',
      'h.purpose',
      'h.storage',
      sql<string | null>`h.retention_until::text`.as('retention_until'),
      'r.action',
    ])
    .execute()
  const empty = (unitName: string): DepartmentTotals => ({
    unitName,
    holdings: 0,
    flagged: 0,
    outsideShared: 0,
    confirmed: 0,
    deleted: 0,
    moved: 0,
    pending: 0,
  })
  const t = translator(actor.locale)
  const byDept = new Map(departments.map((d) => [d.id, empty(d.name)]))
  const other = empty(t('disclosure.totals.other'))
  const total = empty(t('disclosure.totals.total'))
  for (const r of rows) {
    const dept = departments.find((d) => r.path.startsWith(d.path))
    const bucket = dept ? byDept.get(dept.id)! : other
    for (const b of [bucket, total]) {
      if (r.action === 'confirm') b.confirmed++
      if (r.action === 'delete') b.deleted++
      if (r.action === 'move') b.moved++
      if (r.status !== 'active') continue
      b.holdings++
      const flags = flagsOf(
        { purpose: r.purpose, retentionUntil: r.retention_until, storage: r.storage },
        today,
      )
      if (flags.length) b.flagged++
      if (flags.includes('outside_shared_server')) b.outsideShared++
      if (campaign && !r.action) b.pending++
    }
  }
  const list = [...byDept.values()]
  if (other.holdings || other.deleted) list.push(other)
  return { campaign, rows: list, total }
}
