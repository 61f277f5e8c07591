import ExcelJS from 'exceljs'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { notFound } from '../../http/errors.ts'
import { translator } from '../../i18n/index.ts'
import { krippendorffAlpha } from './alpha.ts'
import { canSeeRanking } from './proposals.policy.ts'
import { blindQuery, selectCampaign, toBlindProposal } from './proposals.queries.ts'
import type { Campaign, RankedProposal, Ranking, Rubric } from './proposals.types.ts'

/** One reviewer's weighted total on a 0–100 scale: Σ wᵢ·sᵢ / (Σ wᵢ · scaleMax) · 100. */
export function weightedTotal(rubric: Rubric, scores: Record<string, number>): number | null {
  let sum = 0
  let weights = 0
  for (const c of rubric.criteria) {
    const s = scores[c.key]
    if (s === undefined) return null
    sum += c.weight * s
    weights += c.weight
  }
  return weights === 0 ? null : (sum / (weights * rubric.scaleMax)) * 100
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** Reviewed proposals ranked by mean weighted score; alpha over the reviewers' totals. */
export async function campaignRanking(
  db: Db,
  actor: Actor | null,
  campaignId: string,
): Promise<Ranking> {
  authorize(actor, canSeeRanking)
  const campaign = await selectCampaign(db, campaignId)
  if (!campaign) throw notFound()
  const proposals = await blindQuery(db)
    .where('p.campaign_id', '=', campaignId)
    .where('p.status', 'not in', ['draft', 'merged'])
    .execute()
  const reviews = await db
    .selectFrom('proposal_reviews as r')
    .innerJoin('proposals as p', 'p.id', 'r.proposal_id')
    .select(['r.proposal_id', 'r.reviewer_id', 'r.scores'])
    .where('p.campaign_id', '=', campaignId)
    .execute()
  const totalsByProposal = new Map<string, number[]>()
  for (const r of reviews) {
    const total = weightedTotal(campaign.rubric, r.scores)
    if (total === null) continue
    totalsByProposal.set(r.proposal_id, [...(totalsByProposal.get(r.proposal_id) ?? []), total])
  }
  const rows: RankedProposal[] = proposals.map((row) => {
    const p = toBlindProposal(row)
    const totals = totalsByProposal.get(p.id) ?? []
    const mine = reviews.filter((r) => r.proposal_id === p.id)
    const criterionMeans = Object.fromEntries(
      campaign.rubric.criteria.map((c) => {
        const values = mine.map((r) => r.scores[c.key]).filter((v): v is number => v !== undefined)
        return [
          c.key,
          values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null,
        ]
      }),
    )
    return {
      proposal: { id: p.id, title: p.title, status: p.status, areaName: p.areaName },
      reviews: totals.length,
      score: totals.length ? round1(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
      spread: totals.length >= 2 ? round1(Math.max(...totals) - Math.min(...totals)) : null,
      criterionMeans,
      rank: null,
    }
  })
  rows.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) || a.proposal.title.localeCompare(b.proposal.title, 'ja'),
  )
  let rank = 0
  for (const row of rows) if (row.score !== null) row.rank = ++rank
  const alpha = krippendorffAlpha([...totalsByProposal.values()], 'interval')
  return {
    campaign,
    rows,
    alpha: alpha === null ? null : Math.round(alpha * 1000) / 1000,
    reviewers: new Set(reviews.map((r) => r.reviewer_id)).size,
  }
}

/** The shortlist (and proposals HQ has already decided on) of a campaign, ranked. */
export async function shortlistReport(db: Db, actor: Actor | null, campaignId: string) {
  const ranking = await campaignRanking(db, actor, campaignId)
  const shortlisted = ranking.rows.filter((r) =>
    ['shortlisted', 'adopted', 'deferred', 'declined', 'done'].includes(r.proposal.status),
  )
  return { ...ranking, rows: shortlisted }
}

/** The report to HQ as an xlsx workbook: one row per shortlisted proposal with its scores. */
export async function reportWorkbook(
  campaign: Campaign,
  rows: RankedProposal[],
  alpha: number | null,
): Promise<Buffer> {
  const t = translator('ja')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kaikaku'
  const sheet = workbook.addWorksheet(t('proposals.report.sheet'))
  sheet.columns = [
    { header: t('proposals.ranking.rank'), key: 'rank', width: 6 },
    { header: t('proposals.field.title'), key: 'title', width: 40 },
    { header: t('proposals.field.area'), key: 'area', width: 20 },
    { header: t('proposals.ranking.score'), key: 'score', width: 10 },
    { header: t('proposals.ranking.reviews'), key: 'reviews', width: 8 },
    { header: t('proposals.ranking.spread'), key: 'spread', width: 10 },
    ...campaign.rubric.criteria.map((c) => ({
      header: `${c.label}（×${c.weight}）`,
      key: `c_${c.key}`,
      width: 14,
    })),
    { header: t('proposals.field.status'), key: 'status', width: 12 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    sheet.addRow({
      rank: row.rank,
      title: row.proposal.title,
      area: row.proposal.areaName ?? '',
      score: row.score,
      reviews: row.reviews,
      spread: row.spread,
      ...Object.fromEntries(
        campaign.rubric.criteria.map((c) => [`c_${c.key}`, row.criterionMeans[c.key]]),
      ),
      status: t(`proposals.status.${row.proposal.status}`),
    })
  }
  const info = workbook.addWorksheet(t('proposals.report.about'))
  info.addRow([t('proposals.campaign'), campaign.title])
  info.addRow([t('proposals.field.period'), `${campaign.opensOn} – ${campaign.closesOn}`])
  info.addRow([t('proposals.ranking.alpha'), alpha ?? t('proposals.ranking.alphaUndefined')])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
