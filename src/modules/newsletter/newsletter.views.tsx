import { raw } from 'hono/html'
import { formatDate } from '../../i18n/dates.ts'
import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { NewsIssue, NewsItem } from './newsletter.types.ts'

function Items({ items }: { items: NewsItem[] }) {
  return (
    <>
      {items.map((item) => (
        <article class="newsletter-item">
          <h2>{item.href ? <a href={item.href}>{item.heading}</a> : item.heading}</h2>
          <p class="newsletter-prewrap">{item.body}</p>
        </article>
      ))}
    </>
  )
}

export function NewsListPage(props: {
  page: PageContext
  issues: NewsIssue[]
  canEdit: boolean
  q: string
  notice?: string | undefined
}) {
  const { page, issues } = props
  const { t } = page
  return (
    <Layout page={page} title={t('newsletter.title')} notice={props.notice}>
      <h1>{t('newsletter.title')}</h1>
      <p>
        {t('newsletter.lead')} <a href="/news/feed.atom">{t('newsletter.feed')}</a>
      </p>
      {props.canEdit ? (
        <form method="post" action="/news" class="inline-form">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="button">
            {t('newsletter.start')}
          </button>
        </form>
      ) : null}
      <form method="get" action="/news" class="newsletter-search">
        <label for="news-q">{t('newsletter.search')}</label>{' '}
        <input id="news-q" name="q" type="search" value={props.q} />{' '}
        <button type="submit" class="button button--secondary">
          {t('newsletter.searchButton')}
        </button>
      </form>
      {issues.length === 0 ? <p>{t('newsletter.none')}</p> : null}
      <ul class="plain">
        {issues.map((issue) => (
          <li>
            <a href={`/news/${issue.id}`}>{issue.title}</a>{' '}
            <span class="muted">
              {issue.publishedAt
                ? formatDate(issue.publishedAt, page.locale)
                : t('newsletter.draft')}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  )
}

function EditIssue({
  page,
  issue,
  errors,
}: {
  page: PageContext
  issue: NewsIssue
  errors?: FormErrors | null | undefined
}) {
  const { t } = page
  return (
    <>
      <ErrorSummary errors={errors} t={t} />
      <p>{t('newsletter.draftNote')}</p>
      <form method="post" action={`/news/${issue.id}`} class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={String(issue.version)} />
        <TextField
          t={t}
          name="title"
          label={t('newsletter.issueTitle')}
          value={issue.title}
          required
          errors={errors}
        />
        <TextArea
          t={t}
          name="lead"
          id="field-lead"
          label={t('newsletter.issueLead')}
          value={issue.lead}
        />
        <button type="submit" class="button button--secondary">
          {t('common.save')}
        </button>
      </form>
      <h2>{t('newsletter.items')}</h2>
      <form method="post" action={`/news/${issue.id}/propose`} class="inline-form">
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button--secondary">
          {t('newsletter.propose')}
        </button>
      </form>
      {issue.items.map((item, n) => (
        <section class="card" aria-label={item.heading}>
          <form method="post" action={`/news/items/${item.id}`} class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <div class="field">
              <label for={`heading-${item.id}`}>{t('newsletter.itemHeading', { n: n + 1 })}</label>
              <input
                id={`heading-${item.id}`}
                name="heading"
                type="text"
                value={item.heading}
                required
              />
            </div>
            <TextArea
              t={t}
              name="body"
              id={`body-${item.id}`}
              label={t('newsletter.itemBody', { n: n + 1 })}
              value={item.body}
            />
            {item.sourceAction ? (
              <p class="muted">{t('newsletter.proposedFrom', { action: item.sourceAction })}</p>
            ) : null}
            <button type="submit" class="button button--secondary">
              {t('common.save')}
            </button>
          </form>
          <form method="post" action={`/news/items/${item.id}/delete`} class="inline-form">
            <CsrfField token={page.csrfToken} />
            <button
              type="submit"
              class="button button--link"
              aria-label={t('newsletter.deleteItem', { heading: item.heading })}
            >
              {t('common.delete')}
            </button>
          </form>
        </section>
      ))}
      <h3>{t('newsletter.addItem')}</h3>
      <form method="post" action={`/news/${issue.id}/items`} class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} name="heading" label={t('newsletter.heading')} required errors={errors} />
        <TextArea t={t} name="body" id="field-body" label={t('newsletter.body')} value="" />
        <button type="submit" class="button button--secondary">
          {t('newsletter.addItem')}
        </button>
      </form>
      <h2>{t('newsletter.publishTitle')}</h2>
      <form method="post" action={`/news/${issue.id}/publish`} class="inline-form">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="version" value={String(issue.version)} />
        <button type="submit" class="button">
          {t('newsletter.publish')}
        </button>
      </form>
    </>
  )
}

export function IssuePage(props: {
  page: PageContext
  issue: NewsIssue
  canEdit: boolean
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, issue } = props
  const { t } = page
  return (
    <Layout
      page={page}
      title={issue.title}
      crumbs={[{ label: t('newsletter.title'), href: '/news' }, { label: issue.title }]}
      notice={props.notice}
    >
      <h1>{issue.title}</h1>
      {issue.publishedAt ? (
        <p class="muted">
          {t('newsletter.publishedOn', { date: formatDate(issue.publishedAt, page.locale) })}{' '}
          <a href={`/news/${issue.id}/print`}>{t('newsletter.print')}</a>
        </p>
      ) : null}
      {props.canEdit ? (
        <EditIssue page={page} issue={issue} errors={props.errors} />
      ) : (
        <>
          {issue.lead ? <p class="newsletter-prewrap newsletter-lead">{issue.lead}</p> : null}
          <Items items={issue.items} />
        </>
      )}
    </Layout>
  )
}

/** A page to print and post on the office notice board: no navigation, black on white. */
export function PrintPage({
  t,
  locale,
  issue,
}: {
  t: Translate
  locale: 'ja' | 'en'
  issue: NewsIssue
}) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{issue.title}</title>
          <link rel="stylesheet" href="/static/app.css" />
        </head>
        <body class="newsletter-print">
          <main>
            <p class="newsletter-print__masthead">{t('newsletter.title')}</p>
            <h1>{issue.title}</h1>
            {issue.publishedAt ? <p>{formatDate(issue.publishedAt, locale)}</p> : null}
            {issue.lead ? <p class="newsletter-prewrap">{issue.lead}</p> : null}
            <Items items={issue.items} />
          </main>
        </body>
      </html>
    </>
  )
}
