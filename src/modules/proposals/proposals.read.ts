import type { ExpressionBuilder } from 'kysely'
import type { Actor } from '../../auth/actor.ts'
import { hasRole } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { DB, Db } from '../../db/schema.ts'
import { readStoredFile } from '../../files/index.ts'
import { notFound } from '../../http/errors.ts'
import { rankSimilar } from '../../text/similarity.ts'
import { scrubForBlindViewer } from './attachments.ts'
import {
  canAdvise,
  canDecide,
  canEditProposal,
  canManageCampaigns,
  canReportProgress,
  canReview,
  isBlindTo,
} from './proposals.policy.ts'
import {
  attachmentLabel,
  blindQuery,
  selectDecision,
  selectHistory,
  selectOwnerPath,
  selectProgress,
  selectReview,
  summaryQuery,
  toBlindProposal,
  toProposalSummary,
} from './proposals.queries.ts'
import { type ListFilter, PAGE_SIZE } from './proposals.schemas.ts'
import { viewProposal } from './proposals.service.ts'
import type { ProposalsTable } from './proposals.tables.ts'
import type {
  ProposalDetail,
  ProposalStatus,
  ProposalSummary,
  Slice,
  Window,
} from './proposals.types.ts'
import { PROPOSAL_FIELDS } from './proposals.types.ts'

export async function getProposalDetail(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<ProposalDetail> {
  const { proposal, campaign, relation, authors } = await viewProposal(db, actor, id)
  authorize(actor)
  const [history, decision, progress, myReview, ownerPath] = await Promise.all([
    selectHistory(db, id),
    selectDecision(db, id),
    selectProgress(db, id),
    relation.isAssigned ? selectReview(db, id, actor.userId) : null,
    selectOwnerPath(db, id),
  ])
  const adopted = proposal.status === 'adopted' || proposal.status === 'done'
  return {
    proposal,
    campaign,
    authors,
    // The blind see the history of statuses only, never notes that could name people.
    history: authors ? history : history.map((e) => ({ ...e, note: '' })),
    decision,
    progress,
    myReview,
    can: {
      edit: canEditProposal(proposal.status, relation),
      review: canReview(actor, proposal.status, relation),
      advise:
        campaign.requiresAdvice &&
        proposal.status === 'draft' &&
        !relation.isAuthor &&
        canAdvise(actor),
      decide: proposal.status === 'shortlisted' && !decision && canDecide(actor),
      progress: proposal.status === 'adopted' && canReportProgress(actor, ownerPath),
      merge: canManageCampaigns(actor) && !adopted && proposal.status !== 'merged',
    },
  }
}

const HQ_STATUSES: ProposalStatus[] = ['shortlisted', 'adopted', 'deferred', 'declined', 'done']

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * Proposals this viewer may see, as summaries (no text fields, no authors), newest change
 * first, one window at a time, with how many there are in all. Search looks at the title and
 * the four fields only: never at who proposed, so a search cannot be used to test a name.
 */
export async function listProposals(
  db: Db,
  actor: Actor | null,
  filter: ListFilter & { mine?: boolean },
  window: Window = { limit: PAGE_SIZE, offset: 0 },
): Promise<Slice<ProposalSummary>> {
  authorize(actor)
  let q = summaryQuery(db)
  const authored = (eb: ExpressionBuilder<DB & { p: ProposalsTable }, 'p'>) =>
    eb.exists(
      eb
        .selectFrom('proposal_authors as pa')
        .select('pa.user_id')
        .whereRef('pa.proposal_id', '=', 'p.id')
        .where('pa.user_id', '=', actor.userId),
    )
  if (filter.mine) q = q.where(authored)
  else if (!canManageCampaigns(actor)) {
    q = q.where((eb) => {
      const visible = [
        authored(eb),
        eb('p.status', 'in', ['adopted', 'done']),
        eb.exists(
          eb
            .selectFrom('proposal_assignments as pa')
            .select('pa.reviewer_id')
            .whereRef('pa.proposal_id', '=', 'p.id')
            .where('pa.reviewer_id', '=', actor.userId),
        ),
      ]
      if (canDecide(actor)) visible.push(eb('p.status', 'in', HQ_STATUSES))
      return eb.or(visible)
    })
  } else q = q.where((eb) => eb.or([eb('p.status', '!=', 'draft'), authored(eb)]))
  if (filter.campaign) q = q.where('p.campaign_id', '=', filter.campaign)
  if (filter.status) q = q.where('p.status', '=', filter.status)
  if (filter.q) {
    const pattern = likePattern(filter.q)
    q = q.where((eb) =>
      eb.or(
        (['p.title', 'p.problem', 'p.solution', 'p.method', 'p.caveats'] as const).map((c) =>
          eb(c, 'ilike', pattern),
        ),
      ),
    )
  }
  const { n } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  const total = Number(n)
  // Past the end there is nothing to fetch; the count alone answers.
  const rows =
    window.offset >= total
      ? []
      : await q
          .orderBy('p.updated_at', 'desc')
          .orderBy('p.id', 'desc')
          .limit(window.limit)
          .offset(window.offset)
          .execute()
  return { items: rows.map(toProposalSummary), total, ...window }
}

export interface SimilarProposal {
  id: string
  title: string
  status: ProposalStatus
  campaignTitle: string
  score: number
}

/**
 * Earlier proposals like the text being typed: submitted ones (not drafts, which are private),
 * the most recent 2,000, scored by character n-grams. Title and status only.
 */
export async function similarProposals(
  db: Db,
  actor: Actor | null,
  text: string,
  excludeId?: string,
): Promise<SimilarProposal[]> {
  authorize(actor)
  if (text.trim().length < 4) return []
  let q = blindQuery(db)
    .where('p.status', 'not in', ['draft', 'merged'])
    .orderBy('p.submitted_at', 'desc')
    .limit(2000)
  if (excludeId) q = q.where('p.id', '!=', excludeId)
  const rows = (await q.execute()).map((r) => toBlindProposal(r))
  const ranked = rankSimilar(
    text,
    rows.map((p) => ({ ...p, text: [p.title, ...PROPOSAL_FIELDS.map((f) => p[f])].join('\n') })),
  )
  return ranked.map(({ item, score }) => ({
    id: item.id,
    title: item.title,
    status: item.status,
    campaignTitle: item.campaignTitle,
    score: Math.round(score * 100) / 100,
  }))
}

/**
 * An attachment for download. The blind get a neutral name and a copy with author metadata
 * removed; Office files, whose author properties sit inside a zip, are not served to them.
 */
export async function readAttachment(db: Db, actor: Actor | null, id: string, position: number) {
  const { relation } = await viewProposal(db, actor, id)
  authorize(actor)
  const link = await db
    .selectFrom('proposal_attachments')
    .select('file_id')
    .where('proposal_id', '=', id)
    .where('position', '=', position)
    .executeTakeFirst()
  if (!link) throw notFound()
  const file = await readStoredFile(db, link.file_id)
  if (!file) throw notFound()
  if (!isBlindTo(actor, relation)) return { info: file.info, bytes: file.bytes }
  const bytes = scrubForBlindViewer(file.info.contentType, file.bytes)
  const filename = attachmentLabel(position, file.info.contentType)
  return { info: { filename, contentType: file.info.contentType, size: bytes.length }, bytes }
}

export const isReviewer = (actor: Actor) => hasRole(actor, 'reviewer')
