import type { Child } from 'hono/jsx'
import { AppError } from '../http/errors.ts'
import type { Translate } from '../i18n/index.ts'
import { isMessageKey } from '../i18n/index.ts'
import { type Crumb, Layout, type PageContext } from './layout.tsx'

/** Field name → translated messages; what a form shows beside each input. */
export type FormErrors = Record<string, string[]>

/** Validation and edit-conflict errors become messages on the form; anything else is rethrown by the caller. */
export function formErrorsOf(error: unknown, t: Translate): FormErrors | null {
  if (error instanceof AppError && error.code === 'conflict') return { _: [t(error.messageKey)] }
  if (!(error instanceof AppError) || error.code !== 'validation') return null
  const out: FormErrors = {}
  for (const [field, issues] of Object.entries(error.fields)) {
    out[field] = issues.map((issue) => t(issue.key, issue.params))
  }
  return out
}

export function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`
  return isMessageKey(key) ? t(key) : field
}

export function ErrorSummary({
  errors,
  t,
}: {
  errors: FormErrors | null | undefined
  t: Translate
}) {
  if (!errors) return null
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t('common.errorsTitle', { count: entries.length })}</h2>
      <ul>
        {entries.map(([field, messages]) => (
          <li>
            {field === '_' ? (
              messages.join(' ')
            ) : (
              <a href={`#field-${field}`}>
                {fieldLabel(t, field)}: {messages.join(' ')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

interface FieldProps {
  t: Translate
  name: string
  label?: string
  errors?: FormErrors | null | undefined
  hint?: string
  required?: boolean
  /** The control's id when the same name appears more than once on a page. */
  id?: string | undefined
  children?: Child
}

/** A labelled control with its hint and errors tied to it for screen readers. */
export function Field({ t, name, label, errors, hint, required, id, children }: FieldProps) {
  const messages = errors?.[name]
  return (
    <div class={`field${messages ? ' field--error' : ''}`}>
      <label for={id ?? `field-${name}`}>
        {label ?? fieldLabel(t, name)}
        <span class={required ? 'tag tag--required' : 'tag'}>
          {required ? t('common.required') : t('common.optional')}
        </span>
      </label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {messages ? (
        <p class="field-error" id={`error-${name}`}>
          {messages.join(' ')}
        </p>
      ) : null}
      {children}
    </div>
  )
}

export function describedBy(name: string, errors?: FormErrors | null, hint?: boolean) {
  const ids = [hint ? `hint-${name}` : '', errors?.[name] ? `error-${name}` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

interface InputProps {
  t: Translate
  name: string
  value?: string | number | null | undefined
  type?: string
  errors?: FormErrors | null | undefined
  required?: boolean
  hint?: string
  label?: string
  autocomplete?: string
}

export function TextField({
  t,
  name,
  value,
  type = 'text',
  errors,
  required,
  hint,
  label,
  autocomplete,
}: InputProps) {
  return (
    <Field t={t} name={name} label={label} errors={errors} hint={hint} required={required}>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, !!hint)}
      />
    </Field>
  )
}

/** A file input with its label, hint and errors; `accept` lists what the server takes. */
export function FileField(props: {
  t: Translate
  name: string
  label?: string
  errors?: FormErrors | null | undefined
  hint?: string
  required?: boolean
  accept?: string
  multiple?: boolean
}) {
  const { t, name, errors, hint } = props
  return (
    <Field
      t={t}
      name={name}
      label={props.label}
      errors={errors}
      hint={hint}
      required={props.required}
    >
      <input
        id={`field-${name}`}
        name={name}
        type="file"
        required={props.required}
        accept={props.accept}
        multiple={props.multiple}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, !!hint)}
      />
    </Field>
  )
}

/** A multi-line text field; `attributes` adds data attributes a page's script looks for. */
export function TextArea(props: {
  t: Translate
  name: string
  label?: string | undefined
  value?: unknown
  errors?: FormErrors | null | undefined
  hint?: string | undefined
  required?: boolean | undefined
  rows?: number
  readOnly?: boolean
  id?: string
  attributes?: Record<string, string | undefined>
}) {
  const { t, name, errors, hint } = props
  return (
    <Field
      t={t}
      name={name}
      label={props.label}
      errors={errors}
      hint={hint}
      required={props.required}
      id={props.id}
    >
      <textarea
        id={props.id ?? `field-${name}`}
        name={name}
        rows={props.rows ?? 4}
        required={props.required}
        readonly={props.readOnly}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, !!hint)}
        {...props.attributes}
      >
        {String(props.value ?? '')}
      </textarea>
    </Field>
  )
}

interface SelectProps extends InputProps {
  options: { value: string; label: string }[]
  includeEmpty?: string
}

export function SelectField({
  t,
  name,
  value,
  options,
  errors,
  required,
  hint,
  label,
  includeEmpty,
}: SelectProps) {
  return (
    <Field t={t} name={name} label={label} errors={errors} hint={hint} required={required}>
      <select
        id={`field-${name}`}
        name={name}
        required={required}
        aria-invalid={errors?.[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, !!hint)}
      >
        {includeEmpty !== undefined ? <option value="">{includeEmpty}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={String(value ?? '') === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/**
 * A page that is one form: heading, error summary, CSRF token, the version an edit was made
 * on (for the 409 check), the fields, and a save button.
 */
export function FormPage(props: {
  page: PageContext
  title: string
  crumbs: Crumb[]
  action: string
  errors?: FormErrors | null | undefined
  version?: string | number | null | undefined
  children: Child
}) {
  const { page, title, errors } = props
  const { t } = page
  return (
    <Layout page={page} title={title} crumbs={[...props.crumbs, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        {props.version !== undefined ? (
          <input type="hidden" name="version" value={String(props.version)} />
        ) : null}
        {props.children}
        <button type="submit" class="button">
          {t('common.save')}
        </button>
      </form>
    </Layout>
  )
}
