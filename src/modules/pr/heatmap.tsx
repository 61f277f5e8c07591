/**
 * The coverage matrix as a heat map drawn on the server: a cell's shade is the number of media
 * reaching it; overlaps have a thick border, gaps are hatched. The page shows the same data as
 * a table beside it.
 */
import type { Matrix } from './pr.types.ts'

const CELL_W = 40
const CELL_H = 18
const LEFT = 250
const TOP = 120

const shade = (count: number) =>
  count === 0
    ? 'pr-heat--0'
    : count === 1
      ? 'pr-heat--1'
      : count === 2
        ? 'pr-heat--2'
        : 'pr-heat--3'

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

export function Heatmap(props: { matrix: Matrix; title: string; description: string }) {
  const { matrix } = props
  const width = LEFT + matrix.audiences.length * CELL_W + 8
  const height = TOP + matrix.rows.length * CELL_H + 8
  return (
    <svg
      class="pr-heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby="pr-heat-title pr-heat-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="pr-heat-title">{props.title}</title>
      <desc id="pr-heat-desc">{props.description}</desc>
      <defs>
        <pattern
          id="pr-gap-hatch"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" class="pr-heat__gap-bg" />
          <line x1="0" y1="0" x2="0" y2="6" class="pr-heat__gap-line" />
        </pattern>
      </defs>
      {matrix.audiences.map((a, j) => (
        <text
          class="pr-heat__label"
          transform={`translate(${LEFT + j * CELL_W + CELL_W / 2 + 4}, ${TOP - 6}) rotate(-60)`}
        >
          {clip(a.name, 12)}
        </text>
      ))}
      {matrix.rows.map((row, i) => (
        <g>
          <text
            class="pr-heat__label"
            x={LEFT - 6}
            y={TOP + i * CELL_H + CELL_H - 5}
            text-anchor="end"
          >
            {clip(row.name, 18)}
          </text>
          {row.cells.map((cell, j) => (
            <rect
              x={LEFT + j * CELL_W + 1}
              y={TOP + i * CELL_H + 1}
              width={CELL_W - 2}
              height={CELL_H - 2}
              class={
                cell.gap
                  ? 'pr-heat--gap'
                  : `${shade(cell.media.length)}${cell.overlap ? ' pr-heat--overlap' : ''}`
              }
            >
              <title>{`${row.name} × ${matrix.audiences[j]?.name ?? ''}: ${cell.media.length}`}</title>
            </rect>
          ))}
        </g>
      ))}
    </svg>
  )
}
