export { deliverIssueJob } from './newsletter.delivery.ts'
export { newsletterOpenApiPaths } from './newsletter.openapi.ts'
export { newsletterApiRoutes, newsletterRoutes } from './newsletter.routes.tsx'
export { getIssue, listIssues, publishIssue, startIssue } from './newsletter.service.ts'
export {
  NEWS_ACTIONS,
  NEWSLETTER_DELIVERY_JOB,
  type NewsAction,
  type NewsIssue,
} from './newsletter.types.ts'
