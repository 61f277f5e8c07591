import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { catalogueRoutes } from './catalogue.routes.tsx'
import { holdingRoutes } from './holdings.routes.tsx'
import { requestRoutes } from './requests.routes.tsx'

/** The staff pages of the module, mounted at `/disclosure`. */
export const disclosureRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.redirect('/disclosure/requests', 302))
  .route('/', requestRoutes)
  .route('/', catalogueRoutes)
  .route('/', holdingRoutes)
