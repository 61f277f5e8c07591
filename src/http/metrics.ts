import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import type { AppEnv } from './context.ts'

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'kaikaku_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const end = duration.startTimer()
    await next()
    // The route pattern, not the URL, so that ids do not explode the label set.
    end({ method: c.req.method, route: routePath(c, -1), status: String(c.res.status) })
  }
  return { registry, middleware }
}
