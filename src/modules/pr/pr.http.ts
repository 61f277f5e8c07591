/** HTTP helpers of the PR routes: multi-value forms and re-rendering a form after an error. */
import type { Context } from 'hono'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { AppEnv } from '../../http/context.ts'
import { formErrorsOf } from '../../views/forms.tsx'

/** A form's fields; repeated ones (checkboxes) become lists. */
export async function formLists(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true })
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const strings = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    )
    out[key] = Array.isArray(value) ? strings : (strings[0] ?? '')
  }
  return out
}

/** The form again with its messages (400, or 409 for a stale version); other errors propagate. */
export async function renderFormError(
  c: Context<AppEnv>,
  error: unknown,
  render: (errors: Record<string, string[]>) => Promise<HtmlEscapedString>,
) {
  const errors = formErrorsOf(error, c.get('t'))
  if (!errors) throw error
  return c.html(await render(errors), errors._ ? 409 : 400)
}

/** Only a path inside the PR pages may be a place to return to. */
export const safeBack = (value: unknown) =>
  typeof value === 'string' && /^\/pr\/[\w/-]*$/.test(value) ? value : null
