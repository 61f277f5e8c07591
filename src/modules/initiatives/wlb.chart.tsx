import type { Translate } from '../../i18n/index.ts'
import type { WlbMonth } from './initiatives.types.ts'

const W = 560
const H = 220
const LEFT = 48
const BOTTOM = 28
const TOP = 16

/** The twelve months of a fiscal year: YYYY-04-01 … (YYYY+1)-03-01. */
export function fiscalMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1
    const year = i < 9 ? fiscalYear : fiscalYear + 1
    return `${year}-${String(month).padStart(2, '0')}-01`
  })
}

/**
 * A bar per month against a target line, drawn on the server as SVG (role="img" with a title
 * and description; the page's table holds the same figures). `cumulative` draws running totals,
 * as leave taken counts towards a yearly target.
 */
export function WlbChart(props: {
  t: Translate
  id: string
  title: string
  fiscalYear: number
  figures: WlbMonth[]
  value: (m: WlbMonth) => number
  target: number | null
  cumulative?: boolean
  /** Over the target is bad (overtime) or under it is (leave taken). */
  badWhen: 'above' | 'below'
}) {
  const { t } = props
  const months = fiscalMonths(props.fiscalYear)
  const byMonth = new Map(props.figures.map((f) => [f.month, f]))
  let running = 0
  const values = months.map((m) => {
    const f = byMonth.get(m)
    if (!f) return null
    running += props.value(f)
    return props.cumulative ? running : props.value(f)
  })
  const max = Math.max(1, props.target ?? 0, ...values.map((v) => v ?? 0)) * 1.15
  const plotH = H - TOP - BOTTOM
  const y = (v: number) => TOP + plotH - (v / max) * plotH
  const step = (W - LEFT - 8) / 12
  const entered = values.filter((v) => v !== null).length
  const last = [...values].reverse().find((v) => v !== null) ?? null
  return (
    <svg
      class="initiatives-chart"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>
        {t('initiatives.chartDesc', { entered, latest: last ?? '—', target: props.target ?? '—' })}
      </desc>
      <line
        x1={LEFT}
        x2={W - 8}
        y1={y(0)}
        y2={y(0)}
        stroke="#333"
        class="initiatives-chart__axis"
      />
      {[0, 0.5, 1].map((f) => (
        <text
          x={LEFT - 6}
          y={y(max * f * 0.87) + 4}
          text-anchor="end"
          class="initiatives-chart__tick"
        >
          {Math.round(max * f * 0.87 * 10) / 10}
        </text>
      ))}
      {values.map((v, i) => {
        const x = LEFT + i * step + 4
        const bad =
          v !== null &&
          props.target !== null &&
          (props.badWhen === 'above' ? v > props.target : false)
        return (
          <g>
            {v !== null ? (
              <rect
                x={x}
                y={y(v)}
                width={step - 8}
                height={y(0) - y(v)}
                fill={bad ? '#ec0000' : '#0031d8'}
                class={
                  bad
                    ? 'initiatives-chart__bar initiatives-chart__bar--bad'
                    : 'initiatives-chart__bar'
                }
              />
            ) : null}
            <text
              x={x + (step - 8) / 2}
              y={H - 10}
              text-anchor="middle"
              class="initiatives-chart__tick"
            >
              {Number(months[i]!.slice(5, 7))}
            </text>
          </g>
        )
      })}
      {props.target !== null ? (
        <g>
          <line
            x1={LEFT}
            x2={W - 8}
            y1={y(props.target)}
            y2={y(props.target)}
            stroke="#b78f00"
            stroke-width="2"
            stroke-dasharray="6 3"
            class="initiatives-chart__target"
          />
          <text
            x={W - 10}
            y={y(props.target) - 4}
            text-anchor="end"
            class="initiatives-chart__tick"
          >
            {t('initiatives.target')} {props.target}
          </text>
        </g>
      ) : null}
    </svg>
  )
}
