import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { canSeeRanking } from './proposals.policy.ts'
import type { FunnelCounts } from './proposals.types.ts'

export const FUNNEL_STAGES = [
  'submitted',
  'reviewed',
  'shortlisted',
  'adopted',
  'implemented',
] as const

const SHORTLISTED = ['shortlisted', 'adopted', 'deferred', 'declined', 'done']

interface FunnelRow {
  campaignId: string
  departmentId: string | null
  status: string
  reviewed: boolean
}

function count(rows: FunnelRow[]): FunnelCounts {
  return {
    submitted: rows.length,
    reviewed: rows.filter((r) => r.reviewed).length,
    shortlisted: rows.filter((r) => SHORTLISTED.includes(r.status)).length,
    adopted: rows.filter((r) => r.status === 'adopted' || r.status === 'done').length,
    implemented: rows.filter((r) => r.status === 'done').length,
  }
}

export interface Dashboard {
  campaigns: { id: string; title: string; funnel: FunnelCounts }[]
  departments: { id: string | null; name: string | null; funnel: FunnelCounts }[]
}

/**
 * The funnel submitted → reviewed → shortlisted → adopted → implemented, per campaign and per
 * department of the area a proposal concerns (never the proposer's department, which would
 * narrow down who proposed).
 */
export async function proposalDashboard(db: Db, actor: Actor | null): Promise<Dashboard> {
  authorize(actor, canSeeRanking)
  const [campaigns, departments, proposals] = [
    await db.selectFrom('proposal_campaigns').select(['id', 'title']).orderBy('opens_on').execute(),
    await db
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('kind', '=', 'department')
      .orderBy('sort_order')
      .execute(),
    await db
      .selectFrom('proposals as p')
      .leftJoin('units as area', 'area.id', 'p.area_unit_id')
      .select([
        'p.campaign_id',
        'p.status',
        'area.path as area_path',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('proposal_reviews as r')
                .select('r.reviewer_id')
                .whereRef('r.proposal_id', '=', 'p.id'),
            )
            .as('reviewed'),
      ])
      .where('p.status', 'not in', ['draft', 'merged'])
      .execute(),
  ]
  const rows: FunnelRow[] = proposals.map((p) => ({
    campaignId: p.campaign_id,
    departmentId: departments.find((d) => p.area_path?.startsWith(d.path))?.id ?? null,
    status: p.status,
    reviewed: !!p.reviewed,
  }))
  const byDepartment = [
    ...departments.map((d) => ({ id: d.id as string | null, name: d.name as string | null })),
    { id: null, name: null },
  ]
    .map((d) => ({ ...d, funnel: count(rows.filter((r) => r.departmentId === d.id)) }))
    .filter((d) => d.funnel.submitted > 0)
  return {
    campaigns: campaigns.map((c) => ({
      ...c,
      funnel: count(rows.filter((r) => r.campaignId === c.id)),
    })),
    departments: byDepartment,
  }
}
