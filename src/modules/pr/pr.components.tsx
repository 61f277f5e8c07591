/** Pieces every PR page shares: the frame with the module's own navigation, and form parts. */
import type { Child } from 'hono/jsx'
import type { Translate } from '../../i18n/index.ts'
import { type FormErrors, SelectField } from '../../views/forms.tsx'
import { type Crumb, Layout, type PageContext } from '../../views/layout.tsx'
import type { Unit } from '../org/index.ts'
import { CHANNELS } from './pr.types.ts'

const SECTIONS = [
  ['/pr', 'pr.media'],
  ['/pr/surveys', 'pr.survey'],
  ['/pr/matrix', 'pr.matrix'],
  ['/pr/actions', 'pr.actions'],
  ['/pr/audiences', 'pr.audiences'],
  ['/pr/team', 'pr.team'],
] as const

export function PrLayout(props: {
  page: PageContext
  title: string
  crumbs?: Crumb[]
  notice?: string | undefined
  refreshSeconds?: number
  children: Child
}) {
  const { t } = props.page
  const path = props.page.path
  const current = (href: string) =>
    href === '/pr' ? path === '/pr' || path.startsWith('/pr/media') : path.startsWith(href)
  return (
    <Layout
      page={props.page}
      title={props.title}
      notice={props.notice}
      refreshSeconds={props.refreshSeconds}
      crumbs={[{ label: t('pr.title'), href: '/pr' }, ...(props.crumbs ?? [])]}
    >
      <nav aria-label={t('pr.links')} class="pr-subnav">
        <ul>
          {SECTIONS.map(([href, key]) => (
            <li>
              <a href={href} aria-current={current(href) ? 'page' : undefined}>
                {t(key)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  )
}

/** A group of checkboxes with a legend; the first box carries the id the error summary links to. */
export function CheckboxGroup(props: {
  t: Translate
  name: string
  legend: string
  options: { value: string; label: string }[]
  checked: string[]
  errors?: FormErrors | null | undefined
}) {
  const messages = props.errors?.[props.name]
  return (
    <fieldset class={`field pr-checks${messages ? ' field--error' : ''}`}>
      <legend>{props.legend}</legend>
      {messages ? (
        <p class="field-error" id={`error-${props.name}`}>
          {messages.join(' ')}
        </p>
      ) : null}
      <ul>
        {props.options.map((o, i) => (
          <li>
            <input
              type="checkbox"
              id={i === 0 ? `field-${props.name}` : `field-${props.name}-${i}`}
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <label for={i === 0 ? `field-${props.name}` : `field-${props.name}-${i}`}>
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

const number = new Intl.NumberFormat('ja-JP')
export const formatNumber = (n: number | null) => (n === null ? '—' : number.format(n))
export const formatYen = (t: Translate, n: number | null) =>
  n === null ? t('pr.none') : t('pr.yen', { amount: number.format(n) })

/** The GET filter over department and channel that the inventory and the matrix share. */
export function PrFilterForm(props: {
  t: Translate
  action: string
  departments: Unit[]
  department: string | undefined
  channel: string | undefined
  /** The page's own third filter. */
  children: Child
}) {
  const { t } = props
  return (
    <form method="get" action={props.action} class="pr-filter">
      <SelectField
        t={t}
        name="department"
        label={t('pr.department')}
        value={props.department}
        includeEmpty={t('pr.allDepartments')}
        options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <SelectField
        t={t}
        name="channel"
        label={t('field.channel')}
        value={props.channel}
        includeEmpty={t('pr.allChannels')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`pr.channel.${c}`) }))}
      />
      {props.children}
      <button type="submit" class="button button--secondary">
        {t('pr.filter')}
      </button>
    </form>
  )
}
