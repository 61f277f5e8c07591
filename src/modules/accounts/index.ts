export {
  actorForBearer,
  actorForSession,
  createSession,
  endSession,
  signInWithPassword,
} from './auth.service.ts'
export { loadActor } from './actor.queries.ts'
export {
  createApiToken,
  createSetupToken,
  insertUser,
  createUser,
  grantRole,
} from './users.service.ts'
export { accountRoutes, adminRoutes } from './accounts.routes.tsx'
