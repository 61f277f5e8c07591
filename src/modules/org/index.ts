export { checkPrTeamRule, listGroups, prTeamRule } from './groups.service.ts'
export { orgApiRoutes, orgRoutes } from './org.routes.tsx'
export {
  groupMemberSchema,
  personInputSchema,
  personUpdateSchema,
  unitInputSchema,
  unitUpdateSchema,
} from './org.schemas.ts'
export { seedOrganisation } from './org.seed.ts'
export { DEMO_ACCOUNTS, demoEmail, PEOPLE as SEED_PEOPLE } from './org.seed-data.ts'
export {
  createPerson,
  createUnit,
  getPerson,
  getUnitDetail,
  listUnits,
  updatePerson,
  updateUnit,
} from './org.service.ts'
export type { OrgGroup, Person, Unit } from './org.types.ts'
