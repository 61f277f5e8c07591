export { krippendorffAlpha } from './alpha.ts'
export { listAdopted, listAwaitingDecision, recordDecision } from './decisions.service.ts'
export { proposalsAgendaSource } from './proposals.agenda.ts'
export { proposalsApiRoutes } from './proposals.api.ts'
export { proposalsOpenApi } from './proposals.openapi.ts'
export { isBlindTo } from './proposals.policy.ts'
export { proposalsRoutes } from './proposals.routes.tsx'
export {
  campaignInputSchema,
  decisionInputSchema,
  proposalCreateApiSchema,
  proposalPatchSchema,
  reviewInputSchema,
} from './proposals.schemas.ts'
export { seedProposals } from './proposals.seed.ts'
export type { BlindProposal, Campaign, DecisionKind } from './proposals.types.ts'
