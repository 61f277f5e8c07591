// The fixture of paging.test.ts and queue.test.ts: one campaign long enough to page.
import type { Db } from '../../db/schema.ts'
import { actorFor, openCampaign } from './proposals.testing.ts'

/** 110 proposals: three pages of 50. */
export const N = 110
export const title = (i: number) => `頁送り試験-${String(i).padStart(3, '0')}`

/** What a list item may carry: no author, no unit of an author, none of the four text fields. */
export const SUMMARY_KEYS = [
  'areaName',
  'campaignId',
  'campaignTitle',
  'id',
  'status',
  'submittedAt',
  'title',
  'updatedAt',
  'version',
]

/**
 * N proposals in one campaign, written by the demo staff member, all assigned to the demo
 * reviewer and every seventh reviewed by them. `listOrder` is the order the list must show:
 * updated_at descending, then id descending.
 */
export async function seedPagedCampaign(db: Db) {
  const campaign = await openCampaign(db, { title: '頁送りの募集' })
  const staff = await actorFor(db, 'staff')
  const reviewer = await actorFor(db, 'reviewer')
  const reviewerId = reviewer.userId
  const base = Date.parse('2026-04-01T00:00:00Z')
  // Five share one updated_at and one submitted_at, so that the id decides between them.
  const at = (i: number) => new Date(base + (i >= 20 && i < 25 ? 20 : i) * 60_000)
  const rows = await db
    .insertInto('proposals')
    .values(
      Array.from({ length: N }, (_, k) => ({
        campaign_id: campaign.id,
        title: title(k + 1),
        problem: '本文は一覧に載らない',
        status: k % 11 === 0 ? ('shortlisted' as const) : ('under_review' as const),
        submitted_at: at(k + 1),
        updated_at: at(k + 1),
      })),
    )
    .returning(['id', 'title', 'updated_at'])
    .execute()
  await db
    .insertInto('proposal_authors')
    .values(rows.map((r) => ({ proposal_id: r.id, user_id: staff.userId, is_lead: true })))
    .execute()
  await db
    .insertInto('proposal_assignments')
    .values(rows.map((r) => ({ proposal_id: r.id, reviewer_id: reviewerId })))
    .execute()
  // Every seventh one is already reviewed.
  const reviewed = rows.filter((_, k) => k % 7 === 3)
  const reviewedIds = new Set(reviewed.map((r) => r.id))
  await db
    .insertInto('proposal_reviews')
    .values(
      reviewed.map((r) => ({
        proposal_id: r.id,
        reviewer_id: reviewerId,
        scores: JSON.stringify({ effect: 3, cost: 3 }),
      })),
    )
    .execute()
  const listOrder = [...rows]
    .sort(
      (a, b) =>
        b.updated_at.getTime() - a.updated_at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    .map((r) => ({ id: r.id, title: r.title }))
  return { campaign, listOrder, reviewerId, reviewedIds }
}

const decode = (s: string) => s.replaceAll('&amp;', '&')

/** The pager of a page: its markup, the current page's number and its links. */
export function pagerOf(html: string): { nav: string; current: string | null; hrefs: string[] } {
  const nav = /<nav aria-label="ページ送り"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
  const current = /<a href="[^"]*" aria-current="page"[^>]*>(\d+)<\/a>/.exec(nav)?.[1] ?? null
  return { nav, current, hrefs: [...nav.matchAll(/href="([^"]+)"/g)].map((m) => decode(m[1]!)) }
}

export const titlesIn = (html: string) => [...html.matchAll(/頁送り試験-\d{3}/g)].map((m) => m[0])
