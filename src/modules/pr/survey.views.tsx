import { formatDateTime } from '../../i18n/dates.ts'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import type { PageContext } from '../../views/layout.tsx'
import { MediaTable } from './media.views.tsx'
import { PrLayout } from './pr.components.tsx'
import type { Medium, Survey, SurveyUnit } from './pr.types.ts'

export function SurveyListPage(props: {
  page: PageContext
  surveys: Survey[]
  canRun: boolean
  values?: Record<string, string>
  errors?: FormErrors | null
}) {
  const { page, errors } = props
  const { t } = page
  const v = props.values ?? {}
  return (
    <PrLayout page={page} title={t('pr.surveys')} crumbs={[{ label: t('pr.surveys') }]}>
      <h1>{t('pr.surveys')}</h1>
      <p>{t('pr.survey.lead')}</p>
      {props.surveys.length === 0 ? <p>{t('pr.survey.none')}</p> : null}
      <ul>
        {props.surveys.map((s) => (
          <li>
            <a href={`/pr/surveys/${s.id}`}>{s.title}</a>（{s.opensOn}〜{s.closesOn}、
            {s.status === 'open' ? t('pr.survey.statusOpen') : t('pr.survey.statusClosed')}、
            {t('pr.survey.progress', { answered: s.answeredCount, total: s.unitCount })}）
          </li>
        ))}
      </ul>
      {props.canRun ? (
        <>
          <h2>{t('pr.survey.open')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form method="post" action="/pr/surveys" class="form narrow" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextField t={t} name="title" value={v.title ?? ''} errors={errors} required />
            <TextField
              t={t}
              name="opensOn"
              type="date"
              value={v.opensOn ?? ''}
              errors={errors}
              required
            />
            <TextField
              t={t}
              name="closesOn"
              type="date"
              value={v.closesOn ?? ''}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('pr.survey.open')}
            </button>
          </form>
        </>
      ) : null}
    </PrLayout>
  )
}

export function SurveyPage(props: {
  page: PageContext
  survey: Survey
  units: SurveyUnit[]
  canRun: boolean
  answerable: string[]
  today: string
  notice?: string | undefined
}) {
  const { page, survey } = props
  const { t, locale } = page
  const open = survey.status === 'open'
  const answerableUnits = props.units.filter((u) => props.answerable.includes(u.unitId))
  return (
    <PrLayout
      page={page}
      title={survey.title}
      notice={props.notice}
      crumbs={[{ label: t('pr.surveys'), href: '/pr/surveys' }, { label: survey.title }]}
    >
      <h1>{survey.title}</h1>
      <p>
        {t('pr.survey.period')}: {survey.opensOn}〜{survey.closesOn}（
        {open ? t('pr.survey.statusOpen') : t('pr.survey.statusClosed')}）
        {open && props.today > survey.closesOn ? (
          <strong class="warn"> {t('pr.survey.overdue')}</strong>
        ) : null}
      </p>
      <p>
        <label for="pr-survey-progress">
          {t('pr.survey.progress', { answered: survey.answeredCount, total: survey.unitCount })}
        </label>{' '}
        <progress
          id="pr-survey-progress"
          max={String(survey.unitCount)}
          value={String(survey.answeredCount)}
        >
          {survey.answeredCount} / {survey.unitCount}
        </progress>
      </p>
      {open && answerableUnits.length && !props.canRun ? (
        <>
          <h2>{t('pr.survey.yourUnits')}</h2>
          <ul>
            {answerableUnits.map((u) => (
              <li>
                <a href={`/pr/surveys/${survey.id}/units/${u.unitId}`}>{u.unitName}</a>（
                {u.answeredAt ? t('pr.survey.answered') : t('pr.survey.notAnswered')}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.canRun && open ? (
        <div class="actions">
          <form method="post" action={`/pr/surveys/${survey.id}/remind`} class="inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button">
              {t('pr.survey.remind')}
            </button>
          </form>
          <form method="post" action={`/pr/surveys/${survey.id}/close`} class="inline-form">
            <CsrfField token={page.csrfToken} />
            <button type="submit" class="button button--secondary">
              {t('pr.survey.close')}
            </button>
          </form>
        </div>
      ) : null}
      <div class="pr-table-wrap">
        <table>
          <caption>
            {t('pr.survey.progress', { answered: survey.answeredCount, total: survey.unitCount })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('pr.survey.unit')}</th>
              <th scope="col">{t('pr.department')}</th>
              <th scope="col">{t('pr.survey.answered')}</th>
              <th scope="col">{t('pr.media')}</th>
              <th scope="col">{t('pr.survey.answeredAt')}</th>
              <th scope="col">{t('pr.survey.reminded')}</th>
            </tr>
          </thead>
          <tbody>
            {props.units.map((u) => (
              <tr class={u.answeredAt ? undefined : 'pr-pending'}>
                <th scope="row">
                  {props.answerable.includes(u.unitId) ? (
                    <a href={`/pr/surveys/${survey.id}/units/${u.unitId}`}>{u.unitName}</a>
                  ) : (
                    u.unitName
                  )}
                </th>
                <td>{u.departmentName ?? ''}</td>
                <td>
                  {u.answeredAt ? (
                    <span class="ok">{t('pr.survey.answered')}</span>
                  ) : (
                    <span class="warn">{t('pr.survey.notAnswered')}</span>
                  )}
                </td>
                <td class="pr-num">{u.mediaCount}</td>
                <td>{u.answeredAt ? formatDateTime(u.answeredAt, locale) : '—'}</td>
                <td class="pr-num">{u.reminders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PrLayout>
  )
}

export function SurveyUnitPage(props: {
  page: PageContext
  survey: Survey
  unit: SurveyUnit
  media: Medium[]
  canAnswer: boolean
  values?: Record<string, string>
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, survey, unit, errors } = props
  const { t, locale } = page
  const title = t('pr.survey.answerTitle', { unit: unit.unitName })
  const here = `/pr/surveys/${survey.id}/units/${unit.unitId}`
  const open = survey.status === 'open'
  return (
    <PrLayout
      page={page}
      title={title}
      notice={props.notice}
      crumbs={[{ label: survey.title, href: `/pr/surveys/${survey.id}` }, { label: unit.unitName }]}
    >
      <h1>{title}</h1>
      <p>
        {unit.answeredAt
          ? `${t('pr.survey.answered')}（${formatDateTime(unit.answeredAt, locale)}${unit.answeredByName ? `、${unit.answeredByName}` : ''}）`
          : t('pr.survey.notAnswered')}
      </p>
      {props.canAnswer && open ? <p>{t('pr.survey.answerLead')}</p> : null}
      {props.canAnswer && open ? (
        <p>
          <a
            class="button button--secondary"
            href={`/pr/media/new?unitId=${unit.unitId}&back=${encodeURIComponent(here)}`}
          >
            {t('pr.addMedium')}
          </a>
        </p>
      ) : null}
      <MediaTable
        t={t}
        media={props.media}
        caption={`${unit.unitName} ${t('pr.media')}（${t('pr.mediaCount', { count: props.media.length })}）`}
      />
      {props.canAnswer && open ? (
        <>
          <h2>{unit.answeredAt ? t('pr.survey.answerAgain') : t('pr.survey.submit')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form method="post" action={`${here}/answer`} class="form narrow" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextArea
              t={t}
              name="note"
              label={t('pr.survey.note')}
              value={props.values?.note ?? unit.note}
              errors={errors}
            />
            <button type="submit" class="button">
              {t('pr.survey.submit')}
            </button>
          </form>
          <h2>{t('pr.import.title')}</h2>
          <p>
            <a href="/pr/template.xlsx">{t('pr.import.template')}</a>
          </p>
          <form
            method="post"
            action={`${here}/import`}
            enctype="multipart/form-data"
            class="form narrow"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <FileField
              t={t}
              name="file"
              label={t('pr.import.file')}
              errors={errors}
              required
              accept=".xlsx"
            />
            <button type="submit" class="button button--secondary">
              {t('pr.import.submit')}
            </button>
          </form>
        </>
      ) : null}
    </PrLayout>
  )
}
