import type { Locale, Translate } from '../../i18n/index.ts'
import {
  endFractionInJun,
  fractionInJun,
  JUN_PART_EN,
  JUN_PART_JA,
  junOf,
  junStart,
  junsBetween,
} from './jun.ts'
import type { ScheduleTask, Workstream } from './schedule.types.ts'

const LABEL_WIDTH = 300
const COLUMN = 26
const ROW = 24
const HEAD = 44

/** The chart's range: whole months from the earliest start to the latest end (or today). */
function chartRange(tasks: ScheduleTask[], today: string): [string, string] {
  if (tasks.length === 0) return [today, today]
  const from = tasks.map((task) => task.startsOn).sort()[0]!
  const to = tasks
    .map((task) => task.endsOn)
    .sort()
    .at(-1)!
  return [`${from.slice(0, 8)}01`, `${to.slice(0, 8)}28`]
}

/**
 * The Gantt chart as SVG drawn on the server: one row per task grouped by workstream, one
 * column per 旬, ★ for milestones, the done part darker, overdue bars flagged, and today's line.
 * It is an image (role="img" with a title and description); the table beside it says the same.
 */
export function GanttChart(props: {
  t: Translate
  locale: Locale
  workstreams: Workstream[]
  tasks: ScheduleTask[]
  today: string
}) {
  const { t, locale, tasks, today } = props
  const [from, to] = chartRange(tasks, today)
  const juns = junsBetween(from, to)
  const indexOf = new Map(juns.map((j, i) => [junStart(j), i]))
  const xOf = (date: string, end = false) => {
    const i = indexOf.get(junStart(junOf(date)))
    if (i === undefined) return date < from ? LABEL_WIDTH : LABEL_WIDTH + juns.length * COLUMN
    const frac = end ? endFractionInJun(date) : fractionInJun(date)
    return LABEL_WIDTH + (i + frac) * COLUMN
  }
  const rows: ({ kind: 'stream'; stream: Workstream } | { kind: 'task'; task: ScheduleTask })[] = []
  for (const stream of props.workstreams) {
    const own = tasks.filter((task) => task.workstreamCode === stream.code)
    if (own.length === 0) continue
    rows.push({ kind: 'stream', stream })
    for (const task of own) rows.push({ kind: 'task', task })
  }
  const width = LABEL_WIDTH + juns.length * COLUMN + 8
  const height = HEAD + rows.length * ROW + 8
  const todayX = today >= from && today <= to ? xOf(today) : null
  const parts = locale === 'ja' ? JUN_PART_JA : JUN_PART_EN
  const overdue = tasks.filter((task) => task.overdue).length
  return (
    <svg
      class="schedule-gantt"
      role="img"
      aria-labelledby="gantt-title gantt-desc"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="gantt-title">{t('schedule.chartTitle')}</title>
      <desc id="gantt-desc">
        {t('schedule.chartDesc', { count: tasks.length, overdue, today })}
      </desc>
      {juns.map((jun, i) => (
        <g>
          {jun.part === 1 || i === 0 ? (
            <text x={LABEL_WIDTH + i * COLUMN + 2} y={16} class="schedule-gantt__month">
              {locale === 'ja'
                ? `${jun.month}月`
                : `${jun.year}-${String(jun.month).padStart(2, '0')}`}
            </text>
          ) : null}
          <text
            x={LABEL_WIDTH + i * COLUMN + COLUMN / 2}
            y={36}
            class="schedule-gantt__jun"
            text-anchor="middle"
          >
            {parts[jun.part - 1]!.slice(0, 1)}
          </text>
          <line
            x1={LABEL_WIDTH + i * COLUMN}
            x2={LABEL_WIDTH + i * COLUMN}
            y1={jun.part === 1 ? 4 : 24}
            y2={height - 8}
            stroke={jun.part === 1 ? '#949494' : '#e6e6e6'}
            class={
              jun.part === 1
                ? 'schedule-gantt__grid schedule-gantt__grid--month'
                : 'schedule-gantt__grid'
            }
          />
        </g>
      ))}
      {rows.map((row, i) => {
        const y = HEAD + i * ROW
        if (row.kind === 'stream')
          return (
            <text x={4} y={y + 16} class="schedule-gantt__stream">
              {`${row.stream.code}${row.stream.name}`}
            </text>
          )
        const { task } = row
        const x1 = xOf(task.startsOn)
        const x2 = Math.max(xOf(task.endsOn, true), x1 + 4)
        const label = task.title.length > 22 ? `${task.title.slice(0, 21)}…` : task.title
        const cls = `schedule-gantt__bar${task.overdue ? ' schedule-gantt__bar--overdue' : ''}${task.source ? ' schedule-gantt__bar--linked' : ''}`
        return (
          <g>
            <text x={16} y={y + 16} class="schedule-gantt__label">
              {task.overdue ? `⚠ ${label}` : label}
            </text>
            {task.milestone ? (
              <text
                x={(x1 + x2) / 2}
                y={y + 18}
                text-anchor="middle"
                class={`schedule-gantt__star${task.overdue ? ' schedule-gantt__bar--overdue' : ''}`}
              >
                ★
              </text>
            ) : (
              <>
                <rect
                  x={x1}
                  y={y + 5}
                  width={x2 - x1}
                  height={ROW - 10}
                  rx={3}
                  class={cls}
                  fill={task.overdue ? '#fde2e2' : '#c5d7fb'}
                  stroke={task.overdue ? '#ec0000' : '#0031d8'}
                />
                <rect
                  x={x1}
                  y={y + 5}
                  width={((x2 - x1) * task.progress) / 100}
                  height={ROW - 10}
                  rx={3}
                  fill="#0031d8"
                  class="schedule-gantt__done"
                />
              </>
            )}
          </g>
        )
      })}
      {todayX !== null ? (
        <g>
          <line
            x1={todayX}
            x2={todayX}
            y1={24}
            y2={height - 4}
            stroke="#ec0000"
            stroke-width="2"
            class="schedule-gantt__today"
          />
          <text x={todayX + 3} y={height - 10} class="schedule-gantt__today-label">
            {t('schedule.today')}
          </text>
        </g>
      ) : null}
    </svg>
  )
}
