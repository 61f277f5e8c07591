import { sql } from 'kysely'
import { recordAudit } from '../../audit/audit.ts'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { withTransaction } from '../../db/transaction.ts'
import { type FilePolicy, type IncomingFile, storeFile } from '../../files/index.ts'
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { changeStatus, todayInTokyo } from './proposals.events.ts'
import {
  canAdvise,
  canEditProposal,
  canManageCampaigns,
  canSubmitTo,
  canViewProposal,
  isBlindTo,
  type Relation,
} from './proposals.policy.ts'
import {
  isAssignedTo,
  isAuthorOf,
  selectAuthors,
  selectBlindProposal,
  selectCampaign,
  selectUnitOfPerson,
} from './proposals.queries.ts'
import { type ProposalDraftInput, submitSchema } from './proposals.schemas.ts'
import type { BlindProposal, Campaign } from './proposals.types.ts'

export const ATTACHMENT_POLICY: FilePolicy = {
  maxBytes: 10 * 1024 * 1024,
  kinds: ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg'],
}
export const MAX_ATTACHMENTS = 5

export interface SaveOptions {
  submit?: boolean
  files?: IncomingFile[]
}

export async function relationTo(db: Db, actor: Actor, proposalId: string): Promise<Relation> {
  const [isAuthor, isAssigned] = await Promise.all([
    isAuthorOf(db, proposalId, actor.userId),
    isAssignedTo(db, proposalId, actor.userId),
  ])
  return { isAuthor, isAssigned }
}

/** A campaign accepts proposals from its opening day to its closing day (Tokyo time). */
export function isOpen(campaign: Campaign, today = todayInTokyo()): boolean {
  return campaign.opensOn <= today && today <= campaign.closesOn
}

function fieldColumns(input: ProposalDraftInput) {
  return {
    title: input.title,
    area_unit_id: input.areaUnitId,
    problem: input.problem,
    solution: input.solution,
    method: input.method,
    caveats: input.caveats,
  }
}

async function checkArea(db: Db, unitId: string | null) {
  if (!unitId) return
  const unit = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()
  if (!unit) throw invalidField('areaUnitId', 'validation.choice')
}

/** Co-authors named by e-mail become authors too; an unknown address is refused for the field. */
async function setAuthors(db: Db, proposalId: string, lead: Actor, coAuthors: string) {
  const emails = [
    ...new Set(
      coAuthors
        .split(/[\s,、]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ]
  const users = emails.length
    ? await db
        .selectFrom('users')
        .select(['id', 'email', 'person_id'])
        .where(sql<string>`lower(email)`, 'in', emails)
        .where('active', '=', true)
        .execute()
    : []
  const missing = emails.filter((e) => !users.some((u) => u.email.toLowerCase() === e))
  if (missing.length)
    throw invalidField('coAuthors', 'proposals.error.unknownAuthor', { email: missing[0]! })
  await db.deleteFrom('proposal_authors').where('proposal_id', '=', proposalId).execute()
  const rows = [
    { userId: lead.userId, personId: lead.personId, isLead: true },
    ...users
      .filter((u) => u.id !== lead.userId)
      .map((u) => ({ userId: u.id, personId: u.person_id, isLead: false })),
  ]
  for (const row of rows) {
    const unit = await selectUnitOfPerson(db, row.personId)
    await db
      .insertInto('proposal_authors')
      .values({
        proposal_id: proposalId,
        user_id: row.userId,
        person_id: row.personId,
        unit_id: unit?.id ?? null,
        is_lead: row.isLead,
      })
      .execute()
  }
}

async function addAttachments(db: Db, actor: Actor, proposalId: string, files: IncomingFile[]) {
  if (files.length === 0) return
  const existing = await db
    .selectFrom('proposal_attachments')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('proposal_id', '=', proposalId)
    .executeTakeFirst()
  let position = Number(existing?.max ?? 0)
  if (position + files.length > MAX_ATTACHMENTS)
    throw invalidField('attachments', 'proposals.error.tooManyFiles', { max: MAX_ATTACHMENTS })
  for (const file of files) {
    const info = await storeFile(db, actor.userId, 'attachments', file, ATTACHMENT_POLICY)
    position += 1
    await db
      .insertInto('proposal_attachments')
      .values({ proposal_id: proposalId, file_id: info.id, position })
      .execute()
  }
}

async function submitInTransaction(trx: Db, campaign: Campaign, proposalId: string) {
  const row = await trx
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .executeTakeFirstOrThrow()
  parseInput(submitSchema, {
    title: row.title,
    problem: row.problem,
    solution: row.solution,
    method: row.method,
    caveats: row.caveats,
  })
  if (campaign.requiresAdvice && !row.advice)
    throw invalidField('advice', 'proposals.error.adviceRequired')
  await trx
    .updateTable('proposals')
    .set({ submitted_at: new Date() })
    .where('id', '=', proposalId)
    .execute()
  await changeStatus(trx, proposalId, 'submitted')
}

export async function createProposal(
  db: Db,
  actor: Actor | null,
  campaignId: string,
  input: ProposalDraftInput,
  options: SaveOptions = {},
): Promise<BlindProposal> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const campaign = await selectCampaign(trx, campaignId)
    if (!campaign) throw notFound()
    if (!canSubmitTo(actor, campaign)) throw forbidden()
    if (!isOpen(campaign)) throw invalidField('campaign', 'proposals.error.closed')
    await checkArea(trx, input.areaUnitId)
    const row = await trx
      .insertInto('proposals')
      .values({ campaign_id: campaignId, ...fieldColumns(input) })
      .returning('id')
      .executeTakeFirstOrThrow()
    await setAuthors(trx, row.id, actor, input.coAuthors)
    await addAttachments(trx, actor, row.id, options.files ?? [])
    await trx
      .insertInto('proposal_events')
      .values({ proposal_id: row.id, status: 'draft' })
      .execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.create',
      entity: 'proposal',
      entityId: row.id,
      data: { title: input.title, campaignId },
    })
    if (options.submit) await submitInTransaction(trx, campaign, row.id)
    return (await selectBlindProposal(trx, row.id))!
  })
}

/** Saves a draft edited on `version` (409 if someone saved in between); may submit it. */
export async function updateProposal(
  db: Db,
  actor: Actor | null,
  id: string,
  input: ProposalDraftInput & { version: number },
  options: SaveOptions = {},
): Promise<BlindProposal> {
  authorize(actor)
  return withTransaction(db, async (trx) => {
    const current = await selectBlindProposal(trx, id)
    if (!current) throw notFound()
    const relation = await relationTo(trx, actor, id)
    if (!relation.isAuthor) throw current.status === 'draft' ? notFound() : forbidden()
    if (!canEditProposal(current.status, relation)) throw conflict('proposals.error.notDraft')
    const campaign = (await selectCampaign(trx, current.campaignId))!
    if (!isOpen(campaign)) throw invalidField('campaign', 'proposals.error.closed')
    await checkArea(trx, input.areaUnitId)
    const row = await trx
      .updateTable('proposals')
      .set({ ...fieldColumns(input), version: sql<number>`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) throw conflict()
    await setAuthors(trx, id, actor, input.coAuthors)
    await addAttachments(trx, actor, id, options.files ?? [])
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.update',
      entity: 'proposal',
      entityId: id,
      data: { title: input.title, submit: !!options.submit },
    })
    if (options.submit) await submitInTransaction(trx, campaign, id)
    return (await selectBlindProposal(trx, id))!
  })
}

/** A manager's advice on a training group's draft, which the campaign needs before submission. */
export async function recordAdvice(
  db: Db,
  actor: Actor | null,
  id: string,
  advice: string,
): Promise<void> {
  authorize(actor, canAdvise)
  await withTransaction(db, async (trx) => {
    const proposal = await selectBlindProposal(trx, id)
    if (!proposal) throw notFound()
    const campaign = (await selectCampaign(trx, proposal.campaignId))!
    if (!campaign.requiresAdvice) throw forbidden()
    if (proposal.status !== 'draft') throw conflict('proposals.error.notDraft')
    if (await isAuthorOf(trx, id, actor.userId)) throw forbidden()
    await trx
      .updateTable('proposals')
      .set({ advice, advised_at: new Date(), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute()
    await trx
      .insertInto('proposal_advisors')
      .values({ proposal_id: id, user_id: actor.userId })
      .onConflict((oc) => oc.column('proposal_id').doUpdateSet({ user_id: actor.userId }))
      .execute()
    await trx.insertInto('proposal_events').values({ proposal_id: id, status: 'advised' }).execute()
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'proposal.advise',
      entity: 'proposal',
      entityId: id,
      data: { title: proposal.title },
    })
  })
}

/** The proposal for this viewer, with authors only if the viewer is not blind to them. */
export async function viewProposal(db: Db, actor: Actor | null, id: string) {
  authorize(actor)
  const proposal = await selectBlindProposal(db, id)
  if (!proposal) throw notFound()
  const campaign = (await selectCampaign(db, proposal.campaignId))!
  const relation = await relationTo(db, actor, id)
  if (!canViewProposal(actor, proposal.status, campaign, relation)) {
    // A draft someone else is writing does not exist for this viewer.
    throw proposal.status === 'draft' ? notFound() : forbidden()
  }
  const authors = isBlindTo(actor, relation) ? null : await selectAuthors(db, id)
  return { proposal, campaign, relation, authors }
}

export { canManageCampaigns }
