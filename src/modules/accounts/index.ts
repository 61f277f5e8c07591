export { accountRoutes, adminRoutes, safeNext } from './accounts.routes.tsx'
export { createUserSchema } from './accounts.schemas.ts'
export { loadActor } from './actor.queries.ts'
export {
  actorForBearer,
  actorForSession,
  createSession,
  endSession,
  signInWithPassword,
} from './auth.service.ts'
export { oidcRoutes } from './oidc.routes.ts'
export { hashPassword } from './passwords.ts'
export { listUsersInChargeOf } from './role-holders.queries.ts'
export {
  createApiToken,
  createSetupToken,
  createUser,
  grantRole,
  insertUser,
} from './users.service.ts'
