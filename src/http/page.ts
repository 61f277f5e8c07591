import type { Context } from 'hono'
import type { z } from 'zod'
import type { Actor } from '../auth/actor.ts'
import { isMessageKey } from '../i18n/index.ts'
import { countUnread } from '../notifications/inbox.ts'
import type { PageContext } from '../views/layout.tsx'
import type { AppEnv } from './context.ts'
import { badJson, notFound, unauthorized } from './errors.ts'
import { parseInput } from './validation.ts'

export async function pageContext(c: Context<AppEnv>): Promise<PageContext> {
  const actor = c.get('actor')
  return {
    t: c.get('t'),
    locale: c.get('locale'),
    actor,
    csrfToken: c.get('csrfToken'),
    path: c.req.path,
    unread: actor ? await countUnread(c.get('deps').db, actor.userId) : 0,
  }
}

/** The confirmation a redirect carried (`?notice=common.saved`), translated; unknown keys are ignored. */
export function noticeOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.query('notice')
  return key && isMessageKey(key) ? c.get('t')(key) : undefined
}

export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) throw unauthorized()
  return actor
}

/** A form post's fields as strings (files and repeated fields are the routes' own business). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key !== '_csrf' && typeof value === 'string') out[key] = value
  }
  return out
}

export async function jsonBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<z.output<S>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw badJson()
  }
  return parseInput(schema, body)
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A route's `:id`; anything that is not a UUID cannot name a record, so it is a 404. */
export function idParam(c: Context<AppEnv>, name = 'id'): string {
  const value = c.req.param(name) ?? ''
  if (!uuidPattern.test(value)) throw notFound()
  return value.toLowerCase()
}
