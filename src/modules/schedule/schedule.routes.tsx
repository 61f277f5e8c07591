import { type Context, Hono } from 'hono'
import { authorize } from '../../auth/authorize.ts'
import type { AppEnv } from '../../http/context.ts'
import { idParam, jsonBody, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { fiscalYearOf } from '../../i18n/dates.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { listUnits } from '../org/index.ts'
import { todayInTokyo } from './jun.ts'
import { milestonesIcal } from './schedule.ical.ts'
import { canPlanSchedule } from './schedule.policy.ts'
import {
  progressSchema,
  scheduleFilterSchema,
  taskInputSchema,
  taskUpdateSchema,
} from './schedule.schemas.ts'
import { createTask, getSchedule, getTask, reportProgress, updateTask } from './schedule.service.ts'
import type { ScheduleTask } from './schedule.types.ts'
import { SchedulePage, TaskPage } from './schedule.views.tsx'
import { TaskFormPage } from './task-form.views.tsx'

/** A form's fields, with `dependsOn` kept as the list a multiple select sends. */
async function taskFields(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true })
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const list = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === 'string',
    )
    out[key] = key === 'dependsOn' ? list : (list[0] ?? '')
  }
  return out
}

function fiscalYearsOf(tasks: ScheduleTask[]): number[] {
  const years = new Set([fiscalYearOf(new Date(`${todayInTokyo()}T12:00:00Z`))])
  for (const task of tasks) {
    years.add(fiscalYearOf(new Date(`${task.startsOn}T12:00:00Z`)))
    years.add(fiscalYearOf(new Date(`${task.endsOn}T12:00:00Z`)))
  }
  return [...years].sort()
}

async function formContext(c: Context<AppEnv>) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  const view = await getSchedule(db, actor)
  const units = (await listUnits(db, actor)).filter((u) => u.kind !== 'government')
  return {
    page: await pageContext(c),
    workstreams: view.workstreams,
    tasks: view.tasks.filter((task) => !task.source),
    units,
    fiscalYears: fiscalYearsOf(view.tasks),
  }
}

function ownerChoices(tasks: ScheduleTask[]) {
  const seen = new Map<string, string>()
  for (const task of tasks)
    if (task.ownerUnitId) seen.set(task.ownerUnitId, task.ownerUnitName ?? '')
  return [...seen].map(([id, name]) => ({ id, name }))
}

export const scheduleRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const filter = parseInput(scheduleFilterSchema, c.req.query())
    const all = await getSchedule(db, actor, { year: filter.year })
    const view = filter.workstream || filter.unit ? await getSchedule(db, actor, filter) : all
    return c.html(
      <SchedulePage
        page={await pageContext(c)}
        view={view}
        units={ownerChoices(all.tasks)}
        filter={filter}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/milestones.ics', async (c) => {
    const { db, config } = c.get('deps')
    const body = await milestonesIcal(db, requireActor(c), config.publicUrl)
    return c.body(body, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="kaikaku-milestones.ics"',
    })
  })
  .get('/tasks/new', async (c) => {
    authorize(requireActor(c), canPlanSchedule)
    return c.html(<TaskFormPage {...(await formContext(c))} values={{ progress: 0 }} />)
  })
  .post('/tasks', async (c) => {
    const actor = requireActor(c)
    const fields = await taskFields(c)
    try {
      const task = await createTask(c.get('deps').db, actor, parseInput(taskInputSchema, fields))
      return c.redirect(`/schedule/tasks/${task.id}?notice=common.created`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      return c.html(
        <TaskFormPage {...(await formContext(c))} values={fields} errors={errors} />,
        400,
      )
    }
  })
  .get('/tasks/:id', async (c) => {
    const { task, canEdit, canPlan } = await getTask(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <TaskPage
        page={await pageContext(c)}
        task={task}
        canEdit={canEdit}
        canPlan={canPlan}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/tasks/:id/edit', async (c) => {
    const { task, canPlan } = await getTask(c.get('deps').db, requireActor(c), idParam(c))
    if (!canPlan) return c.redirect(`/schedule/tasks/${task.id}`, 303)
    return c.html(<TaskFormPage {...(await formContext(c))} task={task} values={{ ...task }} />)
  })
  .post('/tasks/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await taskFields(c)
    try {
      await updateTask(db, actor, id, parseInput(taskUpdateSchema, fields))
      return c.redirect(`/schedule/tasks/${id}?notice=common.saved`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      const { task } = await getTask(db, actor, id)
      const values = { ...fields, version: errors._ ? task.version : fields.version }
      return c.html(
        <TaskFormPage {...(await formContext(c))} task={task} values={values} errors={errors} />,
        errors._ ? 409 : 400,
      )
    }
  })
  .post('/tasks/:id/progress', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await taskFields(c)
    try {
      await reportProgress(db, actor, id, parseInput(progressSchema, fields))
      return c.redirect(`/schedule/tasks/${id}?notice=common.saved`, 303)
    } catch (error) {
      const errors = formErrorsOf(error, c.get('t'))
      if (!errors) throw error
      const { task, canEdit, canPlan } = await getTask(db, actor, id)
      return c.html(
        <TaskPage
          page={await pageContext(c)}
          task={task}
          canEdit={canEdit}
          canPlan={canPlan}
          errors={errors}
        />,
        errors._ ? 409 : 400,
      )
    }
  })

export const scheduleApiRoutes = new Hono<AppEnv>()
  .get('/tasks', async (c) => {
    const filter = parseInput(scheduleFilterSchema, c.req.query())
    const view = await getSchedule(c.get('deps').db, requireActor(c), filter)
    return c.json({
      today: view.today,
      fiscalYear: view.fiscalYear,
      workstreams: view.workstreams,
      tasks: view.tasks,
    })
  })
  .get('/tasks/:id', async (c) => {
    const { task } = await getTask(c.get('deps').db, requireActor(c), idParam(c))
    return c.json({ task })
  })
  .post('/tasks', async (c) => {
    const task = await createTask(
      c.get('deps').db,
      requireActor(c),
      await jsonBody(c, taskInputSchema),
    )
    return c.json({ task }, 201)
  })
  .put('/tasks/:id', async (c) => {
    const task = await updateTask(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, taskUpdateSchema),
    )
    return c.json({ task })
  })
  .patch('/tasks/:id/progress', async (c) => {
    const task = await reportProgress(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, progressSchema),
    )
    return c.json({ task })
  })
