import { formatBytes } from '../../files/index.ts'
import { formatDateTime } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  FormPage,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { CouncilDetail, MeetingDetail } from './councils.service.ts'
import { type Council, MEMBER_ROLES, type Meeting } from './councils.types.ts'

type Values = Record<string, string | number | null | undefined>

const crumbs = (t: Translate) => [{ label: t('councils.title'), href: '/councils' }]

/** When and where, and whether the public may attend: shared by staff and portal pages. */
export function MeetingFacts({
  meeting,
  t,
  locale,
  registered,
}: {
  meeting: Meeting
  t: Translate
  locale: PageContext['locale']
  registered?: number
}) {
  return (
    <dl class="councils-facts">
      <dt>{t('councils.when')}</dt>
      <dd>
        {formatDateTime(meeting.startsAt, locale)}
        {meeting.endsAt ? ` – ${formatDateTime(meeting.endsAt, locale)}` : ''}
      </dd>
      <dt>{t('councils.place')}</dt>
      <dd>{meeting.place}</dd>
      <dt>{t('councils.gallery')}</dt>
      <dd>
        {meeting.isPublic
          ? meeting.galleryCapacity > 0
            ? t('councils.galleryCapacity', {
                capacity: meeting.galleryCapacity,
                count: registered ?? 0,
              })
            : t('councils.public')
          : t('councils.closedBecause', { reason: meeting.closedReason ?? '' })}
      </dd>
      {meeting.agenda ? (
        <>
          <dt>{t('councils.agenda')}</dt>
          <dd class="councils-prewrap">{meeting.agenda}</dd>
        </>
      ) : null}
    </dl>
  )
}

export function CouncilsIndexPage(props: {
  page: PageContext
  councils: Council[]
  canManage: boolean
}) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('councils.title')}>
      <h1>{t('councils.title')}</h1>
      <p>
        <a href="/portal">{t('councils.portal.title')}</a>
      </p>
      {props.canManage ? (
        <p>
          <a class="button button--secondary" href="/councils/new">
            {t('councils.new')}
          </a>
        </p>
      ) : null}
      {props.councils.length === 0 ? (
        <p>{t('councils.none')}</p>
      ) : (
        <ul>
          {props.councils.map((c) => (
            <li>
              <a href={`/councils/${c.id}`}>{c.name}</a>{' '}
              <span class="muted">{t('councils.noticeDays', { days: c.noticeDays })}</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

export function CouncilFormPage(props: {
  page: PageContext
  council?: Council
  values: Values
  errors?: FormErrors | null
}) {
  const { page, values, errors, council } = props
  const { t } = page
  return (
    <FormPage
      page={page}
      title={t(council ? 'councils.edit' : 'councils.new')}
      crumbs={crumbs(t)}
      action={council ? `/councils/${council.id}` : '/councils'}
      errors={errors}
      version={council ? (values.version ?? council.version) : undefined}
    >
      <TextField t={t} name="name" value={values.name} errors={errors} required />
      <TextArea
        t={t}
        name="councilDescription"
        value={String(values.councilDescription ?? '')}
        errors={errors}
      />
      <TextField
        t={t}
        name="noticeDays"
        type="number"
        value={values.noticeDays ?? 7}
        errors={errors}
      />
    </FormPage>
  )
}

export function CouncilPage(props: {
  page: PageContext
  detail: CouncilDetail
  notice?: string | undefined
  errors?: FormErrors | null
  values?: Values
}) {
  const { page, detail, errors } = props
  const { t, locale } = page
  const { council, members, meetings } = detail
  return (
    <Layout
      page={page}
      title={council.name}
      crumbs={[...crumbs(t), { label: council.name }]}
      notice={props.notice}
    >
      <h1>{council.name}</h1>
      {council.description ? <p class="councils-prewrap">{council.description}</p> : null}
      <p class="muted">{t('councils.noticeDays', { days: council.noticeDays })}</p>
      {detail.canManage ? (
        <p>
          <a href={`/councils/${council.id}/edit`}>{t('councils.edit')}</a>
        </p>
      ) : null}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('councils.members')}</h2>
        {members.length === 0 ? (
          <p>{t('councils.noMembers')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('field.memberRole')}</th>
                <th scope="col">{t('field.name')}</th>
                <th scope="col">{t('field.affiliation')}</th>
                {detail.canManage ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr>
                  <td>{m.role}</td>
                  <th scope="row">{m.name}</th>
                  <td>{m.affiliation}</td>
                  {detail.canManage ? (
                    <td>
                      <form
                        method="post"
                        action={`/councils/members/${m.id}/delete`}
                        class="inline-form"
                      >
                        <CsrfField token={page.csrfToken} />
                        <button
                          type="submit"
                          class="button--link"
                          aria-label={`${t('councils.removeMember')}: ${m.name}`}
                        >
                          {t('councils.removeMember')}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {detail.canManage ? (
          <form method="post" action={`/councils/${council.id}/members`} class="form" novalidate>
            <h3>{t('councils.addMember')}</h3>
            <ErrorSummary errors={errors} t={t} />
            <CsrfField token={page.csrfToken} />
            <TextField t={t} name="name" value={props.values?.name} errors={errors} required />
            <TextField t={t} name="affiliation" value={props.values?.affiliation} errors={errors} />
            <SelectField
              t={t}
              name="memberRole"
              value={props.values?.memberRole ?? '委員'}
              options={MEMBER_ROLES.map((r) => ({ value: r, label: r }))}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('councils.addMember')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('councils.meetings')}</h2>
        {detail.canManage ? (
          <p>
            <a class="button button--secondary" href={`/councils/${council.id}/meetings/new`}>
              {t('councils.scheduleMeeting')}
            </a>
          </p>
        ) : null}
        {meetings.length === 0 ? (
          <p>{t('councils.noMeetings')}</p>
        ) : (
          <ul>
            {meetings.map((m) => (
              <li>
                <a href={`/councils/meetings/${m.id}`}>{m.title}</a>{' '}
                <span class="muted">
                  {formatDateTime(m.startsAt, locale)}・
                  {t(m.isPublic ? 'councils.public' : 'councils.closed')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  )
}

export function MeetingFormPage(props: {
  page: PageContext
  council: Council
  meeting?: Meeting
  values: Values
  errors?: FormErrors | null
}) {
  const { page, values, errors, council, meeting } = props
  const { t } = page
  return (
    <FormPage
      page={page}
      title={t(meeting ? 'councils.editMeeting' : 'councils.scheduleMeeting')}
      crumbs={[...crumbs(t), { label: council.name, href: `/councils/${council.id}` }]}
      action={meeting ? `/councils/meetings/${meeting.id}` : `/councils/${council.id}/meetings`}
      errors={errors}
      version={meeting ? (values.version ?? meeting.version) : undefined}
    >
      <TextField t={t} name="meetingTitle" value={values.meetingTitle} errors={errors} required />
      <TextField
        t={t}
        name="startsAt"
        type="datetime-local"
        value={values.startsAt}
        errors={errors}
        required
      />
      <TextField t={t} name="endsAt" type="datetime-local" value={values.endsAt} errors={errors} />
      <TextField t={t} name="place" value={values.place} errors={errors} required />
      <TextArea t={t} name="agenda" value={String(values.agenda ?? '')} errors={errors} />
      <div class="field">
        <input
          type="checkbox"
          id="field-isPublic"
          name="isPublic"
          checked={values.isPublic === 'on' || values.isPublic === 'true'}
        />{' '}
        <label for="field-isPublic">{t('field.isPublic')}</label>
      </div>
      <TextArea
        t={t}
        name="closedReason"
        value={String(values.closedReason ?? '')}
        errors={errors}
        rows={2}
      />
      <TextField
        t={t}
        name="galleryCapacity"
        type="number"
        value={values.galleryCapacity ?? 0}
        errors={errors}
      />
      <TextArea
        t={t}
        name="lateNoticeReason"
        value={String(values.lateNoticeReason ?? '')}
        errors={errors}
        rows={2}
        hint={t('councils.noticeDays', { days: council.noticeDays })}
      />
      <TextArea
        t={t}
        name="allowlist"
        value={String(values.allowlist ?? '')}
        errors={errors}
        rows={3}
      />
    </FormPage>
  )
}

export function MeetingPage(props: {
  page: PageContext
  detail: MeetingDetail
  notice?: string | undefined
  errors?: FormErrors | null
}) {
  const { page, detail, errors } = props
  const { t, locale } = page
  const { meeting } = detail
  return (
    <Layout
      page={page}
      title={meeting.title}
      crumbs={[
        ...crumbs(t),
        { label: meeting.councilName, href: `/councils/${meeting.councilId}` },
        { label: meeting.title },
      ]}
      notice={props.notice}
    >
      <h1>
        {meeting.councilName} {meeting.title}
      </h1>
      <ErrorSummary errors={errors} t={t} />
      <MeetingFacts
        meeting={meeting}
        t={t}
        locale={locale}
        registered={detail.registrations.length}
      />
      {meeting.lateNoticeReason ? (
        <p>{t('councils.lateNotice', { reason: meeting.lateNoticeReason })}</p>
      ) : null}
      {detail.canManage ? (
        <p>
          <a href={`/councils/meetings/${meeting.id}/edit`}>{t('councils.editMeeting')}</a>
        </p>
      ) : null}
      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t('councils.materials')}</h2>
        {detail.materials.length === 0 ? (
          <p>{t('councils.noMaterials')}</p>
        ) : (
          <ul>
            {detail.materials.map((m) => (
              <li>
                <a href={`/portal/materials/${m.id}`}>{m.title}</a>{' '}
                <span class="muted">
                  （{m.filename}、{formatBytes(m.size)}）
                </span>
              </li>
            ))}
          </ul>
        )}
        {detail.canManage ? (
          <form
            method="post"
            action={`/councils/meetings/${meeting.id}/materials`}
            enctype="multipart/form-data"
            class="form"
            novalidate
          >
            <h3>{t('councils.addMaterial')}</h3>
            <CsrfField token={page.csrfToken} />
            <TextField t={t} name="materialTitle" errors={errors} required />
            <FileField t={t} name="materialFile" errors={errors} required />
            <button type="submit" class="button">
              {t('councils.upload')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="minutes-title">
        <h2 id="minutes-title">{t('councils.minutes')}</h2>
        {detail.minutesId ? (
          <p>
            <a href={`/councils/minutes/${detail.minutesId}`}>{t('councils.openMinutes')}</a>
          </p>
        ) : (
          <p>{t('councils.noMinutes')}</p>
        )}
        {detail.canManage ? (
          <form
            method="post"
            action={`/councils/meetings/${meeting.id}/minutes`}
            enctype="multipart/form-data"
            class="form"
            novalidate
          >
            <h3>{t('councils.draftMinutes')}</h3>
            <p class="hint">{t('councils.draftHint')}</p>
            <CsrfField token={page.csrfToken} />
            <TextArea t={t} name="minutesText" errors={errors} rows={8} />
            <FileField t={t} name="minutesFile" errors={errors} accept=".docx,.txt" />
            <button type="submit" class="button">
              {t('councils.draftMinutes')}
            </button>
          </form>
        ) : null}
      </section>
      {detail.canManage ? (
        <section aria-labelledby="registrations-title">
          <h2 id="registrations-title">{t('councils.registrations')}</h2>
          {detail.registrations.length === 0 ? (
            <p>{t('councils.noRegistrations')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('field.name')}</th>
                  <th scope="col">{t('field.galleryContact')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.registrations.map((r) => (
                  <tr>
                    <td>{r.name}</td>
                    <td>{r.contact}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </Layout>
  )
}
