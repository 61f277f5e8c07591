import { formatFiscalYear } from '../../i18n/dates.ts'
import type { Locale, Translate } from '../../i18n/index.ts'
import { CsrfField, ErrorSummary, type FormErrors, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { GanttChart } from './gantt.tsx'
import { periodLabel } from './jun.ts'
import type { ScheduleFilter } from './schedule.schemas.ts'
import type { ScheduleView } from './schedule.service.ts'
import type { ScheduleTask, Workstream } from './schedule.types.ts'

export interface UnitChoice {
  id: string
  name: string
}

function Filters(props: {
  t: Translate
  workstreams: Workstream[]
  units: UnitChoice[]
  filter: ScheduleFilter
  fiscalYear: number
  locale: Locale
}) {
  const { t, filter } = props
  const years = [-2, -1, 0, 1].map((d) => props.fiscalYear + d)
  return (
    <form method="get" action="/schedule" class="schedule-filters">
      <div class="field">
        <label for="filter-year">{t('schedule.fiscalYear')}</label>
        <select id="filter-year" name="year">
          {years.map((y) => (
            <option value={String(y)} selected={y === props.fiscalYear}>
              {formatFiscalYear(y, props.locale)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-workstream">{t('schedule.workstream')}</label>
        <select id="filter-workstream" name="workstream">
          <option value="">{t('schedule.all')}</option>
          {props.workstreams.map((w) => (
            <option value={w.code} selected={filter.workstream === w.code}>
              {`${w.code}${w.name}`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-unit">{t('schedule.owner')}</label>
        <select id="filter-unit" name="unit">
          <option value="">{t('schedule.all')}</option>
          {props.units.map((u) => (
            <option value={u.id} selected={filter.unit === u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button--secondary">
        {t('schedule.filter')}
      </button>
    </form>
  )
}

function TaskTable({ t, locale, view }: { t: Translate; locale: 'ja' | 'en'; view: ScheduleView }) {
  const byId = new Map(view.tasks.map((task) => [task.id, task]))
  return (
    <table class="table schedule-table">
      <caption>{t('schedule.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('schedule.workstream')}</th>
          <th scope="col">{t('schedule.task')}</th>
          <th scope="col">{t('schedule.period')}</th>
          <th scope="col">{t('schedule.owner')}</th>
          <th scope="col">{t('schedule.progress')}</th>
          <th scope="col">{t('schedule.dependsOn')}</th>
          <th scope="col">{t('schedule.state')}</th>
        </tr>
      </thead>
      <tbody>
        {view.tasks.map((task) => (
          <tr class={task.overdue ? 'schedule-table__overdue' : undefined}>
            <td>{task.workstreamCode}</td>
            <th scope="row">
              {task.milestone ? '★ ' : ''}
              <a href={`/schedule/tasks/${task.id}`}>{task.title}</a>
              {task.theme ? <span class="muted"> （{task.theme}）</span> : null}
            </th>
            <td>{periodLabel(task.startsOn, task.endsOn, locale)}</td>
            <td>{task.ownerUnitName ?? '—'}</td>
            <td>{task.progress}%</td>
            <td>
              {task.dependsOn
                .map((d) => byId.get(d)?.title)
                .filter(Boolean)
                .join('、') || '—'}
            </td>
            <td>
              {task.overdue ? (
                <strong class="schedule-overdue">{t('schedule.overdue')}</strong>
              ) : task.progress === 100 ? (
                t('schedule.done')
              ) : (
                t('schedule.open')
              )}
              {task.source ? <span class="tag">{t('schedule.linked')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function SchedulePage(props: {
  page: PageContext
  view: ScheduleView
  units: UnitChoice[]
  filter: ScheduleFilter
  notice?: string | undefined
}) {
  const { page, view } = props
  const { t } = page
  const overdue = view.tasks.filter((task) => task.overdue)
  return (
    <Layout page={page} title={t('schedule.title')} notice={props.notice}>
      <h1>{t('schedule.title')}</h1>
      <p>{t('schedule.lead', { today: view.today })}</p>
      <p class="schedule-actions">
        {view.canPlan ? (
          <a class="button button--secondary" href="/schedule/tasks/new">
            {t('schedule.newTask')}
          </a>
        ) : null}{' '}
        <a href="/schedule/milestones.ics">{t('schedule.ical')}</a>
      </p>
      <Filters
        t={t}
        workstreams={view.workstreams}
        units={props.units}
        filter={props.filter}
        fiscalYear={view.fiscalYear}
        locale={page.locale}
      />
      {overdue.length ? (
        <p class="schedule-warning" role="note">
          {t('schedule.overdueCount', { count: overdue.length })}
        </p>
      ) : null}
      <div class="schedule-gantt-wrap">
        <GanttChart
          t={t}
          locale={page.locale}
          workstreams={view.workstreams}
          tasks={view.tasks}
          today={view.today}
        />
      </div>
      <TaskTable t={t} locale={page.locale} view={view} />
    </Layout>
  )
}

export function TaskPage(props: {
  page: PageContext
  task: ScheduleTask
  canEdit: boolean
  canPlan: boolean
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, task } = props
  const { t } = page
  return (
    <Layout
      page={page}
      title={task.title}
      crumbs={[{ label: t('schedule.title'), href: '/schedule' }, { label: task.title }]}
      notice={props.notice}
    >
      <h1>
        {task.milestone ? '★ ' : ''}
        {task.title}
      </h1>
      <dl class="meta">
        <dt>{t('schedule.workstream')}</dt>
        <dd>{task.workstreamCode}</dd>
        <dt>{t('schedule.theme')}</dt>
        <dd>{task.theme || '—'}</dd>
        <dt>{t('schedule.period')}</dt>
        <dd>
          {periodLabel(task.startsOn, task.endsOn, page.locale)}（{task.startsOn}〜{task.endsOn}）
        </dd>
        <dt>{t('schedule.owner')}</dt>
        <dd>{task.ownerUnitName ?? '—'}</dd>
        <dt>{t('schedule.progress')}</dt>
        <dd>
          {task.progress}%{' '}
          {task.overdue ? <strong class="schedule-overdue">{t('schedule.overdue')}</strong> : null}
        </dd>
      </dl>
      {task.source && task.href ? (
        <p>
          {t('schedule.linkedNote')} <a href={task.href}>{t('schedule.openSource')}</a>
        </p>
      ) : null}
      {props.canPlan ? (
        <p>
          <a class="button button--secondary" href={`/schedule/tasks/${task.id}/edit`}>
            {t('common.edit')}
          </a>
        </p>
      ) : null}
      {props.canEdit ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t('schedule.reportProgress')}</h2>
          <ErrorSummary errors={props.errors} t={t} />
          <form
            method="post"
            action={`/schedule/tasks/${task.id}/progress`}
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={String(task.version)} />
            <TextField
              t={t}
              name="progress"
              type="number"
              value={task.progress}
              errors={props.errors}
              required
              label={t('schedule.progressPercent')}
            />
            <button type="submit" class="button">
              {t('common.save')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}
