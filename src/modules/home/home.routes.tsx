import { Hono } from 'hono'
import { hasRole } from '../../auth/actor.ts'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { fiscalYearOf, formatDate, formatDateTime, formatFiscalYear } from '../../i18n/dates.ts'
import { listNotifications, markRead } from '../../notifications/inbox.ts'
import { CsrfField } from '../../views/forms.tsx'
import { Layout } from '../../views/layout.tsx'

export const homeRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const page = await pageContext(c)
    const { t, actor } = page
    if (!actor) {
      return c.html(
        <Layout page={page} title={t('home.title')}>
          <h1>{t('app.name')}</h1>
          <p>{t('home.anonymousLead')}</p>
          <p>
            <a class="button" href="/login">
              {t('nav.signIn')}
            </a>
          </p>
        </Layout>,
      )
    }
    const today = new Date()
    return c.html(
      <Layout page={page} title={t('home.title')} notice={noticeOf(c)}>
        <h1>{t('home.welcome', { name: actor.displayName })}</h1>
        <p>
          {t('home.today', {
            date: formatDate(today, page.locale),
            fiscalYear: formatFiscalYear(fiscalYearOf(today), page.locale),
          })}
        </p>
        <p>
          <a href="/inbox">
            {page.unread ? t('home.unread', { count: page.unread }) : t('home.noUnread')}
          </a>
        </p>
        <h2>{t('home.yourRoles')}</h2>
        <ul>
          {actor.grants.map((g) => (
            <li>{t(`role.${g.role}`)}</li>
          ))}
        </ul>
        <h2>{t('home.shortcuts')}</h2>
        <ul>
          <li>
            <a href="/org">{t('nav.org')}</a>
          </li>
          {hasRole(actor, 'admin') ? (
            <li>
              <a href="/admin/users">{t('admin.users')}</a>
            </li>
          ) : null}
          <li>
            <a href="/account">{t('nav.account')}</a>
          </li>
        </ul>
      </Layout>,
    )
  })
  .get('/inbox', async (c) => {
    const actor = requireActor(c)
    const page = await pageContext(c)
    const { t } = page
    const items = await listNotifications(c.get('deps').db, actor.userId)
    return c.html(
      <Layout page={page} title={t('inbox.title')} notice={noticeOf(c)}>
        <h1>{t('inbox.title')}</h1>
        {items.length === 0 ? (
          <p>{t('inbox.empty')}</p>
        ) : (
          <>
            <form method="post" action="/inbox/read" class="inline-form">
              <CsrfField token={page.csrfToken} />
              <button type="submit" class="button button--secondary">
                {t('inbox.markAllRead')}
              </button>
            </form>
            <ul class="inbox">
              {items.map((n) => (
                <li class={n.read ? 'read' : 'unread'}>
                  <h2>
                    {n.read ? null : <span class="badge">{t('inbox.unread')}</span>}{' '}
                    {n.link ? <a href={n.link}>{n.title}</a> : n.title}
                  </h2>
                  <p class="muted">{formatDateTime(n.createdAt, page.locale)}</p>
                  {n.body ? <p>{n.body}</p> : null}
                  {n.read ? null : (
                    <form method="post" action={`/inbox/${n.id}/read`} class="inline-form">
                      <CsrfField token={page.csrfToken} />
                      <button type="submit" class="button button--link">
                        {t('inbox.markRead')}
                        <span class="visually-hidden">: {n.title}</span>
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Layout>,
    )
  })
  .post('/inbox/read', async (c) => {
    await formFields(c)
    await markRead(c.get('deps').db, requireActor(c).userId)
    return c.redirect('/inbox', 303)
  })
  .post('/inbox/:id/read', async (c) => {
    await markRead(c.get('deps').db, requireActor(c).userId, idParam(c))
    return c.redirect('/inbox', 303)
  })
