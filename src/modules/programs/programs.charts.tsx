/** Small server-rendered SVG charts. Each has role="img", a title and a description; the page shows the same data as a table. */

export interface ScatterPoint {
  label: string
  x: number
  y: number
  flagged: boolean
}

const W = 640
const H = 320
const PAD = { left: 64, right: 16, top: 16, bottom: 40 }

const fmt = new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumFractionDigits: 1 })

interface ChartFrame {
  id: string
  title: string
  description: string
}

function Frame({ id, title, description, children }: ChartFrame & { children: unknown }) {
  return (
    <svg
      class="programs-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children as never}
    </svg>
  )
}

/** Budget (log scale) against execution rate; points under the threshold in the alert colour. */
export function ScatterChart(props: ChartFrame & { points: ScatterPoint[]; threshold: number }) {
  const xs = props.points.map((p) => Math.log10(Math.max(1, p.x)))
  const minX = Math.floor(Math.min(...xs, 6))
  const maxX = Math.ceil(Math.max(...xs, minX + 1))
  const maxY = Math.max(1.2, ...props.points.map((p) => p.y))
  const px = (v: number) =>
    PAD.left + ((Math.log10(Math.max(1, v)) - minX) / (maxX - minX)) * (W - PAD.left - PAD.right)
  const py = (v: number) => H - PAD.bottom - (Math.min(v, maxY) / maxY) * (H - PAD.top - PAD.bottom)
  const ticks = Array.from({ length: maxX - minX + 1 }, (_, i) => minX + i)
  return (
    <Frame {...props}>
      <g class="programs-chart__axis">
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
        {ticks.map((t) => (
          <text x={px(10 ** t)} y={H - PAD.bottom + 16} text-anchor="middle">
            {fmt.format(10 ** t)}
          </text>
        ))}
        {[0, 0.5, 1].map((v) => (
          <text x={PAD.left - 6} y={py(v) + 4} text-anchor="end">
            {`${v * 100}%`}
          </text>
        ))}
        <line
          class="programs-chart__threshold"
          x1={PAD.left}
          x2={W - PAD.right}
          y1={py(props.threshold / 100)}
          y2={py(props.threshold / 100)}
        />
      </g>
      {props.points.map((p) => (
        <circle
          cx={px(p.x).toFixed(1)}
          cy={py(p.y).toFixed(1)}
          r="4"
          class={p.flagged ? 'programs-chart__point--flagged' : 'programs-chart__point'}
        >
          <title>{p.label}</title>
        </circle>
      ))}
    </Frame>
  )
}

export interface Series {
  label: string
  values: { x: number; y: number }[]
}

/** Lines over fiscal years (amounts), one per series, with a legend. */
export function LineChart(props: ChartFrame & { series: Series[] }) {
  const xs = [...new Set(props.series.flatMap((s) => s.values.map((v) => v.x)))].sort()
  const maxY = Math.max(1, ...props.series.flatMap((s) => s.values.map((v) => v.y)))
  const minX = xs[0] ?? 0
  const spanX = Math.max(1, (xs[xs.length - 1] ?? 0) - minX)
  const legendWidth = 150
  const px = (x: number) =>
    PAD.left + ((x - minX) / spanX) * (W - PAD.left - PAD.right - legendWidth)
  const py = (y: number) => H - PAD.bottom - (y / maxY) * (H - PAD.top - PAD.bottom)
  return (
    <Frame {...props}>
      <g class="programs-chart__axis">
        <line
          x1={PAD.left}
          y1={H - PAD.bottom}
          x2={W - PAD.right - legendWidth}
          y2={H - PAD.bottom}
        />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
        {xs.map((x) => (
          <text x={px(x)} y={H - PAD.bottom + 16} text-anchor="middle">
            {String(x)}
          </text>
        ))}
        {[0, 0.5, 1].map((f) => (
          <text x={PAD.left - 6} y={py(maxY * f) + 4} text-anchor="end">
            {fmt.format(maxY * f)}
          </text>
        ))}
      </g>
      {props.series.map((s, i) => (
        <g class={`programs-chart__series programs-chart__series--${i % 8}`}>
          <polyline
            fill="none"
            points={s.values.map((v) => `${px(v.x).toFixed(1)},${py(v.y).toFixed(1)}`).join(' ')}
          />
          {s.values.map((v) => (
            <circle cx={px(v.x).toFixed(1)} cy={py(v.y).toFixed(1)} r="3" />
          ))}
          <rect x={W - legendWidth + 4} y={PAD.top + i * 18} width="10" height="10" />
          <text x={W - legendWidth + 20} y={PAD.top + i * 18 + 9}>
            {s.label}
          </text>
        </g>
      ))}
    </Frame>
  )
}
