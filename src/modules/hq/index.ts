export { hqOpenApiPaths } from './hq.openapi.ts'
export { createHqApiRoutes, createHqRoutes } from './hq.routes.tsx'
export { seedHq } from './hq.seed.ts'
export {
  createMeeting,
  decideAgendaItem,
  getMeeting,
  listMeetings,
  pullAgendaItem,
} from './hq.service.ts'
export type {
  AgendaDecision,
  AgendaOutcome,
  AgendaSource,
  AwaitingItem,
  DecisionChoice,
} from './hq.types.ts'
export { OUTCOMES } from './hq.types.ts'
