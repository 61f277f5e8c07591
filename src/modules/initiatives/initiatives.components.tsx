import type { Translate } from '../../i18n/index.ts'
import type { FormErrors } from '../../views/forms.tsx'

export type Values = Record<string, string | number | null | undefined>

export function TextArea(props: {
  t: Translate
  name: string
  label: string
  value?: string | number | null | undefined
  required?: boolean
  errors?: FormErrors | null | undefined
}) {
  const { t, name, errors } = props
  const messages = errors?.[name]
  return (
    <div class={`field${messages ? ' field--error' : ''}`}>
      <label for={`field-${name}`}>
        {props.label}
        <span class={props.required ? 'tag tag--required' : 'tag'}>
          {props.required ? t('common.required') : t('common.optional')}
        </span>
      </label>
      {messages ? (
        <p class="field-error" id={`error-${name}`}>
          {messages.join(' ')}
        </p>
      ) : null}
      <textarea
        id={`field-${name}`}
        name={name}
        rows={4}
        required={props.required}
        aria-invalid={messages ? 'true' : undefined}
        aria-describedby={messages ? `error-${name}` : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  )
}

function SubNav({ t }: { t: Translate }) {
  return (
    <nav aria-label={t('initiatives.subnav')} class="initiatives-subnav">
      <ul class="plain">
        <li>
          <a href="/initiatives">{t('initiatives.title')}</a>
        </li>
        <li>
          <a href="/initiatives/report-meetings">{t('initiatives.reportMeetings')}</a>
        </li>
        <li>
          <a href="/initiatives/reports">{t('initiatives.hqReports')}</a>
        </li>
      </ul>
    </nav>
  )
}

export { SubNav }
