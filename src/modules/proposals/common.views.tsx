import type { Translate } from '../../i18n/index.ts'
import { isMessageKey } from '../../i18n/index.ts'
import { type FormErrors, TextArea } from '../../views/forms.tsx'
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

export const percent = (x: number) => `${x}%`

const SIMILAR_SOURCES = ['title', 'problem', 'solution', 'method', 'caveats']

/** A text area labelled from this module's catalogue; the proposal's fields feed the similar check. */
export function ProposalTextArea(
  props: Omit<Parameters<typeof TextArea>[0], 'label' | 'attributes'>,
) {
  return (
    <TextArea
      rows={5}
      {...props}
      label={fieldName(props.t, props.name)}
      attributes={
        SIMILAR_SOURCES.includes(props.name) ? { 'data-proposals-similar-source': '' } : undefined
      }
    />
  )
}
