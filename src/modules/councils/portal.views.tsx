import { formatBytes } from '../../files/index.ts'
import { formatDate, formatDateTime } from '../../i18n/dates.ts'
import { CsrfField, ErrorSummary, type FormErrors, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { Meeting } from './councils.types.ts'
import { MeetingFacts } from './councils.views.tsx'
import type { PastMeeting, PortalMeeting } from './portal.service.ts'
import type { SearchResult } from './search.ts'

const portalCrumb = (page: PageContext) => ({
  label: page.t('councils.portal.title'),
  href: '/portal',
})

function SearchForm({ page, q }: { page: PageContext; q?: string }) {
  const { t } = page
  return (
    <search>
      <form method="get" action="/portal/search" class="councils-search">
        <label for="portal-q">{t('councils.portal.searchLabel')}</label>{' '}
        <input id="portal-q" name="q" type="search" value={q ?? ''} />{' '}
        <button type="submit" class="button">
          {t('councils.portal.searchButton')}
        </button>
      </form>
    </search>
  )
}

function MeetingList({ meetings, page }: { meetings: Meeting[]; page: PageContext }) {
  const { t, locale } = page
  return (
    <ul class="councils-list">
      {meetings.map((m) => (
        <li>
          <a href={`/portal/meetings/${m.id}`}>
            {m.councilName} {m.title}
          </a>
          <br />
          <span class="muted">
            {formatDateTime(m.startsAt, locale)}・{m.place}・
            {m.isPublic
              ? t('councils.public')
              : t('councils.closedBecause', { reason: m.closedReason ?? '' })}
          </span>
        </li>
      ))}
    </ul>
  )
}

export function PortalPage(props: { page: PageContext; upcoming: Meeting[]; past: PastMeeting[] }) {
  const { page } = props
  const { t, locale } = page
  return (
    <Layout page={page} title={t('councils.portal.title')}>
      <h1>{t('councils.portal.title')}</h1>
      <p>{t('councils.portal.lead')}</p>
      <p>
        <a href="/portal/data">{t('disclosure.portal.title')}</a>
      </p>
      <section aria-labelledby="portal-search-title">
        <h2 id="portal-search-title">{t('councils.portal.search')}</h2>
        <SearchForm page={page} />
      </section>
      <section aria-labelledby="portal-upcoming-title">
        <h2 id="portal-upcoming-title">{t('councils.portal.upcoming')}</h2>
        {props.upcoming.length ? (
          <MeetingList meetings={props.upcoming} page={page} />
        ) : (
          <p>{t('councils.portal.noUpcoming')}</p>
        )}
        <p>
          <a href="/portal/calendar.ics">{t('councils.portal.calendar')}</a>
        </p>
      </section>
      <section aria-labelledby="portal-past-title">
        <h2 id="portal-past-title">{t('councils.portal.past')}</h2>
        {props.past.length === 0 ? (
          <p>{t('councils.portal.noPast')}</p>
        ) : (
          <ul class="councils-list">
            {props.past.map(({ meeting, minutesPublishedAt }) => (
              <li>
                <a href={`/portal/meetings/${meeting.id}`}>
                  {meeting.councilName} {meeting.title}
                </a>
                <br />
                <span class="muted">
                  {formatDateTime(meeting.startsAt, locale)}・
                  {t('councils.portal.published', { date: formatDate(minutesPublishedAt, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/portal/feed.atom">{t('councils.portal.feed')}</a>
        </p>
      </section>
    </Layout>
  )
}

export function PortalSearchPage(props: { page: PageContext; q: string; result: SearchResult }) {
  const { page, q } = props
  const { hits, total, totalIsEstimate } = props.result
  const { t, locale } = page
  return (
    <Layout
      page={page}
      title={t('councils.portal.search')}
      crumbs={[portalCrumb(page), { label: t('councils.portal.search') }]}
    >
      <h1>{t('councils.portal.search')}</h1>
      <SearchForm page={page} q={q} />
      {q.trim() ? (
        <>
          <p role="status">
            {t(totalIsEstimate ? 'councils.portal.resultsAbout' : 'councils.portal.results', {
              q,
              total,
            })}
          </p>
          {hits.length === 0 ? (
            <p>{t('councils.portal.noResults')}</p>
          ) : (
            <ol class="councils-results">
              {hits.map((h) => (
                <li>
                  <a href={`/portal/meetings/${h.meetingId}#minutes`}>{h.title}</a>{' '}
                  <span class="muted">
                    {t('councils.portal.published', { date: formatDate(h.publishedAt, locale) })}
                  </span>
                  <p>
                    {h.snippet.before}
                    <mark>{h.snippet.match}</mark>
                    {h.snippet.after}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </Layout>
  )
}

export function PortalMeetingPage(props: {
  page: PageContext
  detail: PortalMeeting
  notice?: string | undefined
  errors?: FormErrors | null
  values?: Record<string, string>
}) {
  const { page, detail, errors } = props
  const { t, locale } = page
  const { meeting, minutes } = detail
  const remaining = meeting.galleryCapacity - detail.registered
  const open =
    meeting.isPublic && meeting.galleryCapacity > 0 && meeting.startsAt.getTime() > Date.now()
  const title = `${meeting.councilName} ${meeting.title}`
  return (
    <Layout
      page={page}
      title={title}
      crumbs={[portalCrumb(page), { label: title }]}
      notice={props.notice}
    >
      <h1>{title}</h1>
      <MeetingFacts meeting={meeting} t={t} locale={locale} registered={detail.registered} />
      {detail.materials.length ? (
        <section aria-labelledby="portal-materials-title">
          <h2 id="portal-materials-title">{t('councils.materials')}</h2>
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
        </section>
      ) : null}
      {open ? (
        <section aria-labelledby="portal-register-title">
          <h2 id="portal-register-title">{t('councils.portal.register')}</h2>
          <p>{t('councils.portal.remaining', { count: Math.max(0, remaining) })}</p>
          {remaining > 0 ? (
            <form
              method="post"
              action={`/portal/meetings/${meeting.id}/register`}
              class="form narrow"
              novalidate
            >
              <ErrorSummary errors={errors} t={t} />
              <CsrfField token={page.csrfToken} />
              <TextField
                t={t}
                name="name"
                label={t('councils.portal.registerName')}
                value={props.values?.name}
                errors={errors}
                required
                autocomplete="name"
              />
              <TextField
                t={t}
                name="galleryContact"
                label={t('councils.portal.registerContact')}
                value={props.values?.galleryContact}
                errors={errors}
              />
              <button type="submit" class="button">
                {t('councils.portal.register')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="minutes">
        <h2 id="minutes">{t('councils.minutes')}</h2>
        {minutes ? (
          <>
            <p class="muted">
              {t('councils.portal.published', { date: formatDate(minutes.publishedAt, locale) })}
            </p>
            <p>{t('councils.portal.marker')}</p>
            <div class="councils-text" data-published-minutes>
              {minutes.text}
            </div>
          </>
        ) : (
          <p>{t('councils.noMinutes')}</p>
        )}
      </section>
    </Layout>
  )
}
