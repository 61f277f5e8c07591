import { formatBytes } from '../../files/index.ts'
import { formatDate } from '../../i18n/dates.ts'
import { isMessageKey, type Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { type DecisionChoice, type Meeting, type MeetingDetail, OUTCOMES } from './hq.types.ts'

const day = (iso: string, page: PageContext) =>
  formatDate(new Date(`${iso}T03:00:00Z`), page.locale)
const labelOf = (t: Translate, label: string) => (isMessageKey(label) ? t(label) : label)

export function MeetingsPage(props: {
  page: PageContext
  meetings: Meeting[]
  canRun: boolean
  errors?: FormErrors | null
  values?: Record<string, string>
  notice?: string | undefined
}) {
  const { page, meetings, errors } = props
  const { t } = page
  return (
    <Layout page={page} title={t('hq.title')} notice={props.notice}>
      <h1>{t('hq.title')}</h1>
      <p>{t('hq.lead')}</p>
      <table class="table">
        <caption>{t('hq.meetings')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hq.heldOn')}</th>
            <th scope="col">{t('hq.meetingTitle')}</th>
            <th scope="col">{t('hq.place')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((m) => (
            <tr>
              <td>{day(m.heldOn, page)}</td>
              <th scope="row">
                <a href={`/hq/meetings/${m.id}`}>{m.title}</a>
              </th>
              <td>{m.place || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canRun ? (
        <section aria-labelledby="new-meeting">
          <h2 id="new-meeting">{t('hq.newMeeting')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <form method="post" action="/hq/meetings" class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="title"
              label={t('hq.meetingTitle')}
              value={props.values?.title}
              required
              errors={errors}
            />
            <TextField
              t={t}
              name="heldOn"
              type="date"
              label={t('hq.heldOn')}
              value={props.values?.heldOn}
              required
              errors={errors}
            />
            <TextField
              t={t}
              name="place"
              label={t('hq.place')}
              value={props.values?.place}
              errors={errors}
            />
            <button type="submit" class="button">
              {t('common.create')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  )
}

function DecisionForm({
  t,
  page,
  itemId,
  choices,
}: {
  t: Translate
  page: PageContext
  itemId: string
  choices: DecisionChoice[]
}) {
  return (
    <form method="post" action={`/hq/agenda/${itemId}/decision`} class="form hq-decision">
      <CsrfField token={page.csrfToken} />
      <SelectField
        t={t}
        name="outcome"
        label={t('hq.outcome')}
        required
        options={OUTCOMES.map((o) => ({ value: o, label: t(`hq.outcome.${o}`) }))}
      />
      {choices.length > 0 ? (
        <SelectField
          t={t}
          name="choice"
          label={t('hq.choice')}
          options={[{ value: '', label: t('hq.choice.none') }, ...choices]}
        />
      ) : null}
      <TextArea t={t} name="note" label={t('hq.note')} />
      <button type="submit" class="button">
        {t('hq.decide')}
      </button>
    </form>
  )
}

export function MeetingPage(props: {
  page: PageContext
  detail: MeetingDetail
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, detail, errors } = props
  const { t } = page
  const { meeting } = detail
  return (
    <Layout
      page={page}
      title={meeting.title}
      crumbs={[{ label: t('hq.title'), href: '/hq' }, { label: meeting.title }]}
      notice={props.notice}
    >
      <h1>{meeting.title}</h1>
      <ErrorSummary errors={errors} t={t} />
      <dl class="meta">
        <dt>{t('hq.heldOn')}</dt>
        <dd>{day(meeting.heldOn, page)}</dd>
        <dt>{t('hq.place')}</dt>
        <dd>{meeting.place || '—'}</dd>
      </dl>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('hq.agenda')}</h2>
        {detail.agenda.length === 0 ? <p>{t('hq.noAgenda')}</p> : null}
        <ol class="hq-agenda">
          {detail.agenda.map((item) => (
            <li class="card">
              <h3>{item.href ? <a href={item.href}>{item.title}</a> : item.title}</h3>
              {item.summary ? <p>{item.summary}</p> : null}
              {item.outcome ? (
                <p class="hq-outcome">
                  <strong>
                    {t('hq.decided')}: {t(`hq.outcome.${item.outcome}`)}
                  </strong>
                  {item.note ? `（${item.note}）` : ''}
                </p>
              ) : detail.canDecide ? (
                <DecisionForm
                  t={t}
                  page={page}
                  itemId={item.id}
                  choices={detail.choicesByKind[item.sourceKind ?? ''] ?? []}
                />
              ) : (
                <p>{t('hq.undecided')}</p>
              )}
            </li>
          ))}
        </ol>
      </section>
      {detail.canRun ? (
        <section aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{t('hq.awaiting')}</h2>
          {detail.awaiting.map(({ source, items }) => (
            <section aria-label={labelOf(t, source.label)}>
              <h3>{labelOf(t, source.label)}</h3>
              {items.length === 0 ? <p>{t('hq.nothingAwaiting')}</p> : null}
              <ul class="plain">
                {items.map((item) => (
                  <li>
                    <form
                      method="post"
                      action={`/hq/meetings/${meeting.id}/agenda`}
                      class="inline-form"
                    >
                      <CsrfField token={page.csrfToken} />
                      <input type="hidden" name="sourceKind" value={source.kind} />
                      <input type="hidden" name="refId" value={item.refId} />
                      <a href={item.href}>{item.title}</a>{' '}
                      <button
                        type="submit"
                        class="button button--secondary"
                        aria-label={t('hq.addToAgendaNamed', { title: item.title })}
                      >
                        {t('hq.addToAgenda')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h3>{t('hq.freeItem')}</h3>
          <form
            method="post"
            action={`/hq/meetings/${meeting.id}/agenda-free`}
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <TextField t={t} name="title" label={t('hq.itemTitle')} required errors={errors} />
            <TextArea t={t} name="summary" label={t('hq.itemSummary')} />
            <button type="submit" class="button button--secondary">
              {t('hq.addToAgenda')}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t('hq.materials')}</h2>
        {detail.materials.length === 0 ? <p>{t('common.none')}</p> : null}
        {detail.materials.map((m) => (
          <details class="card">
            <summary>{m.title}</summary>
            {m.file ? (
              <p>
                <a href={`/hq/meetings/${meeting.id}/materials/${m.id}/file`}>
                  {t('hq.materialDownload', {
                    name: m.file.filename,
                    size: formatBytes(m.file.size),
                  })}
                </a>
              </p>
            ) : null}
            {m.body ? <p class="hq-prewrap">{m.body}</p> : null}
          </details>
        ))}
        {detail.canRun ? (
          <form
            method="post"
            action={`/hq/meetings/${meeting.id}/materials`}
            enctype="multipart/form-data"
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="materialTitle"
              label={t('hq.materialTitle')}
              errors={errors}
              required
            />
            <FileField t={t} name="materialFile" label={t('hq.materialFile')} errors={errors} />
            <TextArea t={t} name="body" label={t('hq.materialBody')} />
            <button type="submit" class="button button--secondary">
              {t('hq.addMaterial')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="attendance-title">
        <h2 id="attendance-title">{t('hq.attendance')}</h2>
        {detail.canRun ? (
          <form method="post" action={`/hq/meetings/${meeting.id}/attendance`} class="form">
            <CsrfField token={page.csrfToken} />
            <fieldset>
              <legend>{t('hq.present')}</legend>
              {detail.attendance.map((a) => (
                <div>
                  <input
                    type="checkbox"
                    id={`present-${a.personId}`}
                    name="present"
                    value={a.personId}
                    checked={a.present === true}
                  />{' '}
                  <label for={`present-${a.personId}`}>
                    {a.position} {a.name}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="button button--secondary">
              {t('common.save')}
            </button>
          </form>
        ) : (
          <ul class="plain">
            {detail.attendance.map((a) => (
              <li>
                {a.position} {a.name}:{' '}
                {a.present === null ? '—' : a.present ? t('hq.presentYes') : t('hq.presentNo')}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  )
}
