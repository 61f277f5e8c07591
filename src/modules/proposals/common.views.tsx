import type { Translate } from '../../i18n/index.ts'
import { isMessageKey } from '../../i18n/index.ts'
import type { FormErrors } from '../../views/forms.tsx'
import type { ProposalStatus } from './proposals.types.ts'

export function fieldName(t: Translate, field: string): string {
  const key = `proposals.field.${field.split('.')[0]}`
  return isMessageKey(key) ? t(key) : field
}

/** The error summary with this module's field labels. */
export function ProposalErrors({ errors, t }: { errors?: FormErrors | null; t: Translate }) {
  const entries = Object.entries(errors ?? {})
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
              <a href={`#field-${field.replace('.', '-')}`}>
                {fieldName(t, field)}: {messages.join(' ')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function StatusTag({ t, status }: { t: Translate; status: ProposalStatus }) {
  return (
    <span class={`proposals-status proposals-status--${status}`}>
      {t(`proposals.status.${status}`)}
    </span>
  )
}

/** A labelled textarea with its hint and error. */
export function TextArea(props: {
  t: Translate
  name: string
  value?: string | null
  errors?: FormErrors | null
  required?: boolean
  hint?: string
  rows?: number
}) {
  const { t, name, errors } = props
  const messages = errors?.[name]
  const described = [props.hint ? `hint-${name}` : '', messages ? `error-${name}` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class={`field${messages ? ' field--error' : ''}`}>
      <label for={`field-${name}`}>
        {fieldName(t, name)}
        <span class={props.required ? 'tag tag--required' : 'tag'}>
          {props.required ? t('common.required') : t('common.optional')}
        </span>
      </label>
      {props.hint ? (
        <p class="hint" id={`hint-${name}`}>
          {props.hint}
        </p>
      ) : null}
      {messages ? (
        <p class="field-error" id={`error-${name}`}>
          {messages.join(' ')}
        </p>
      ) : null}
      <textarea
        id={`field-${name}`}
        name={name}
        rows={props.rows ?? 5}
        aria-invalid={messages ? 'true' : undefined}
        aria-describedby={described || undefined}
        data-proposals-similar-source={
          ['title', 'problem', 'solution', 'method', 'caveats'].includes(name) ? '' : undefined
        }
      >
        {props.value ?? ''}
      </textarea>
    </div>
  )
}

export const percent = (x: number) => `${x}%`
