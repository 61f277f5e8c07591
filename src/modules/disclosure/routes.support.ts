import type { Context } from 'hono'
import type { Actor } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/context.ts'
import { type FormErrors, formErrorsOf } from '../../views/forms.tsx'
import { listUnits } from '../org/index.ts'
import { REQUEST_STATUSES, type RequestStatus } from './disclosure.tables.ts'

export type Rerender = (errors: FormErrors, values: Record<string, string>) => Promise<Response>

/**
 * Runs a form's action: on success a redirect with a notice; on bad input or a stale version
 * the page again with the messages and what was typed (400 / 409); anything else propagates.
 */
export async function submit(
  c: Context<AppEnv>,
  values: Record<string, string>,
  run: () => Promise<string>,
  rerender: Rerender,
) {
  try {
    return c.redirect(await run(), 303)
  } catch (error) {
    const errors = formErrorsOf(error, c.get('t'))
    if (!errors) throw error
    const res = await rerender(errors, values)
    return new Response(res.body, { status: errors._ ? 409 : 400, headers: res.headers })
  }
}

export async function unitChoices(c: Context<AppEnv>, actor: Actor) {
  const units = await listUnits(c.get('deps').db, actor)
  return units.filter((u) => u.kind !== 'government').map((u) => ({ id: u.id, name: u.name }))
}

export const statusFilter = (value: string | undefined): RequestStatus | 'overdue' | undefined =>
  value === 'overdue' || (REQUEST_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as RequestStatus | 'overdue')
    : undefined

export const db = (c: Context<AppEnv>) => c.get('deps').db
