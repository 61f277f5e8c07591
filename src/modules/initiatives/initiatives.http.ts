import type { Context } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { demoFiscalYear } from '../schedule/index.ts'
import { fiscalYears } from './initiatives.service.ts'

/** The fiscal year a page shows: `?fy=`, else the latest year with initiatives, else this one. */
export async function currentYear(c: Context<AppEnv>): Promise<number> {
  const asked = Number(c.req.query('fy'))
  if (Number.isInteger(asked) && asked >= 2000 && asked <= 2100) return asked
  return (await fiscalYears(c.get('deps').db))[0] ?? demoFiscalYear()
}

export async function fieldsWithLists(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true })
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const list = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    )
    out[key] = list.length === 1 ? list[0]! : list
  }
  return out
}

/** Runs a form; a rejected input re-renders the page with its messages (400, or 409 when stale). */
export async function form(
  c: Context<AppEnv>,
  run: () => Promise<string>,
  render: (errors: Record<string, string[]>) => Promise<Response>,
) {
  try {
    return c.redirect(await run(), 303)
  } catch (error) {
    const errors = formErrorsOf(error, c.get('t'))
    if (!errors) throw error
    const res = await render(errors)
    return new Response(res.body, { status: errors._ ? 409 : 400, headers: res.headers })
  }
}
