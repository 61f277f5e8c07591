export { newsletterOpenApiPaths } from './newsletter.openapi.ts'
export { newsletterApiRoutes, newsletterRoutes } from './newsletter.routes.tsx'
export { getIssue, listIssues, publishIssue, startIssue } from './newsletter.service.ts'
export { NEWS_ACTIONS, type NewsAction, type NewsIssue } from './newsletter.types.ts'
