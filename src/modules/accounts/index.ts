export { accountRoutes, adminRoutes } from './accounts.routes.tsx'
export { loadActor } from './actor.queries.ts'
export {
  actorForBearer,
  actorForSession,
  createSession,
  endSession,
  signInWithPassword,
} from './auth.service.ts'
export {
  createApiToken,
  createSetupToken,
  createUser,
  grantRole,
  insertUser,
} from './users.service.ts'
