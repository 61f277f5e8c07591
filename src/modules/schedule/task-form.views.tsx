import { Field, type FormErrors, FormPage, SelectField, TextField } from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import { fiscalYearJuns, junEnd, junLabel, junStart, periodLabel } from './jun.ts'
import type { ScheduleTask, Workstream } from './schedule.types.ts'
import type { UnitChoice } from './schedule.views.tsx'

type Values = Record<string, string | number | boolean | string[] | null | undefined>

/** 旬 choices over the fiscal years the chart covers; a value not on a 旬 boundary is kept. */
function junOptions(years: number[], locale: 'ja' | 'en', end: boolean, current: unknown) {
  const options = years.flatMap((y) =>
    fiscalYearJuns(y).map((j) => ({
      value: end ? junEnd(j) : junStart(j),
      label: junLabel(j, locale),
    })),
  )
  if (typeof current === 'string' && current && !options.some((o) => o.value === current))
    options.unshift({ value: current, label: current })
  return options
}

export function TaskFormPage(props: {
  page: PageContext
  task?: ScheduleTask
  workstreams: Workstream[]
  units: UnitChoice[]
  tasks: ScheduleTask[]
  fiscalYears: number[]
  values: Values
  errors?: FormErrors | null
}) {
  const { page, values, errors, task } = props
  const { t, locale } = page
  const title = task ? t('schedule.editTask') : t('schedule.newTask')
  const deps = Array.isArray(values.dependsOn)
    ? values.dependsOn
    : values.dependsOn
      ? [String(values.dependsOn)]
      : []
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))
  return (
    <FormPage
      page={page}
      title={title}
      crumbs={[{ label: t('schedule.title'), href: '/schedule' }]}
      action={task ? `/schedule/tasks/${task.id}` : '/schedule/tasks'}
      errors={errors}
      version={task ? str(values.version) : undefined}
    >
      <SelectField
        t={t}
        name="workstreamCode"
        label={t('schedule.workstream')}
        value={str(values.workstreamCode)}
        required
        errors={errors}
        options={props.workstreams.map((w) => ({ value: w.code, label: `${w.code}${w.name}` }))}
      />
      <TextField
        t={t}
        name="theme"
        label={t('schedule.theme')}
        value={str(values.theme)}
        errors={errors}
      />
      <TextField
        t={t}
        name="title"
        label={t('schedule.task')}
        value={str(values.title)}
        required
        errors={errors}
      />
      <SelectField
        t={t}
        name="startsOn"
        label={t('schedule.startsOn')}
        value={str(values.startsOn)}
        required
        errors={errors}
        options={junOptions(props.fiscalYears, locale, false, values.startsOn)}
      />
      <SelectField
        t={t}
        name="endsOn"
        label={t('schedule.endsOn')}
        value={str(values.endsOn)}
        required
        errors={errors}
        options={junOptions(props.fiscalYears, locale, true, values.endsOn)}
      />
      <SelectField
        t={t}
        name="ownerUnitId"
        label={t('schedule.owner')}
        value={str(values.ownerUnitId)}
        errors={errors}
        includeEmpty="—"
        options={props.units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <TextField
        t={t}
        name="progress"
        type="number"
        label={t('schedule.progressPercent')}
        value={str(values.progress ?? 0)}
        errors={errors}
      />
      <div class="field">
        <input
          type="checkbox"
          id="field-milestone"
          name="milestone"
          value="on"
          checked={values.milestone === true || values.milestone === 'on'}
        />{' '}
        <label for="field-milestone">{t('schedule.milestone')}</label>
      </div>
      <Field
        t={t}
        name="dependsOn"
        label={t('schedule.dependsOn')}
        errors={errors}
        hint={t('schedule.dependsOnHint')}
      >
        <select
          id="field-dependsOn"
          name="dependsOn"
          multiple
          size={8}
          aria-describedby="hint-dependsOn"
        >
          {props.tasks
            .filter((other) => other.id !== task?.id)
            .map((other) => (
              <option value={other.id} selected={deps.includes(other.id)}>
                {`${other.workstreamCode} ${other.title}（${periodLabel(other.startsOn, other.endsOn, locale)}）`}
              </option>
            ))}
        </select>
      </Field>
    </FormPage>
  )
}
