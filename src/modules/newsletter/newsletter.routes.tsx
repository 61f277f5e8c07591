import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import {
  formFields,
  idParam,
  jsonBody,
  noticeOf,
  pageContext,
  requireActor,
} from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { newsFeed } from './newsletter.feed.ts'
import {
  issueUpdateSchema,
  itemInputSchema,
  publishSchema,
  searchSchema,
} from './newsletter.schemas.ts'
import {
  addItem,
  deleteItem,
  getIssue,
  listIssues,
  publishIssue,
  refreshProposals,
  startIssue,
  updateIssue,
  updateItem,
} from './newsletter.service.ts'
import { IssuePage, NewsListPage, PrintPage } from './newsletter.views.tsx'

/** Runs an edit of a draft; a rejected input re-renders the draft with its messages. */
async function onIssue(
  c: Context<AppEnv>,
  run: () => Promise<string>,
  issueId: () => Promise<string>,
  notice = 'common.saved',
) {
  try {
    const id = await run()
    return c.redirect(`/news/${id}?notice=${notice}`, 303)
  } catch (error) {
    const errors = formErrorsOf(error, c.get('t'))
    if (!errors) throw error
    const { issue, canEdit } = await getIssue(c.get('deps').db, requireActor(c), await issueId())
    return c.html(
      <IssuePage page={await pageContext(c)} issue={issue} canEdit={canEdit} errors={errors} />,
      errors._ ? 409 : 400,
    )
  }
}

async function issueOfItem(c: Context<AppEnv>, itemId: string) {
  const row = await c
    .get('deps')
    .db.selectFrom('newsletter_items')
    .select('issue_id')
    .where('id', '=', itemId)
    .executeTakeFirst()
  return row?.issue_id ?? ''
}

export const newsletterRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { q } = parseInput(searchSchema, c.req.query())
    const { issues, canEdit } = await listIssues(c.get('deps').db, requireActor(c), q)
    return c.html(
      <NewsListPage
        page={await pageContext(c)}
        issues={issues}
        canEdit={canEdit}
        q={q}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/', async (c) => {
    const id = await startIssue(c.get('deps').db, requireActor(c))
    return c.redirect(`/news/${id}?notice=newsletter.started`, 303)
  })
  .get('/feed.atom', async (c) => {
    const { db, config } = c.get('deps')
    const body = await newsFeed(db, requireActor(c), config.publicUrl)
    return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
  })
  .get('/:id', async (c) => {
    const { issue, canEdit } = await getIssue(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <IssuePage
        page={await pageContext(c)}
        issue={issue}
        canEdit={canEdit}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/:id/print', async (c) => {
    const { issue } = await getIssue(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<PrintPage t={c.get('t')} locale={c.get('locale')} issue={issue} />)
  })
  .post('/:id', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return onIssue(
      c,
      async () => {
        await updateIssue(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(issueUpdateSchema, fields),
        )
        return id
      },
      async () => id,
    )
  })
  .post('/:id/items', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return onIssue(
      c,
      async () => {
        await addItem(c.get('deps').db, requireActor(c), id, parseInput(itemInputSchema, fields))
        return id
      },
      async () => id,
    )
  })
  .post('/:id/propose', async (c) => {
    const id = idParam(c)
    await refreshProposals(c.get('deps').db, requireActor(c), id)
    return c.redirect(`/news/${id}?notice=common.saved`, 303)
  })
  .post('/:id/publish', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return onIssue(
      c,
      async () => {
        await publishIssue(
          c.get('deps').db,
          requireActor(c),
          id,
          parseInput(publishSchema, fields).version,
        )
        return id
      },
      async () => id,
      'newsletter.published',
    )
  })
  .post('/items/:itemId', async (c) => {
    const itemId = idParam(c, 'itemId')
    const fields = await formFields(c)
    return onIssue(
      c,
      () =>
        updateItem(c.get('deps').db, requireActor(c), itemId, parseInput(itemInputSchema, fields)),
      () => issueOfItem(c, itemId),
    )
  })
  .post('/items/:itemId/delete', async (c) => {
    const itemId = idParam(c, 'itemId')
    const issueId = await deleteItem(c.get('deps').db, requireActor(c), itemId)
    return c.redirect(`/news/${issueId}?notice=common.saved`, 303)
  })

export const newsletterApiRoutes = new Hono<AppEnv>()
  .get('/issues', async (c) => {
    const { q } = parseInput(searchSchema, c.req.query())
    return c.json(await listIssues(c.get('deps').db, requireActor(c), q))
  })
  .post('/issues', async (c) =>
    c.json({ id: await startIssue(c.get('deps').db, requireActor(c)) }, 201),
  )
  .get('/issues/:id', async (c) =>
    c.json(await getIssue(c.get('deps').db, requireActor(c), idParam(c))),
  )
  .put('/issues/:id', async (c) => {
    await updateIssue(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, issueUpdateSchema),
    )
    return c.json({ ok: true })
  })
  .post('/issues/:id/items', async (c) => {
    await addItem(c.get('deps').db, requireActor(c), idParam(c), await jsonBody(c, itemInputSchema))
    return c.json({ ok: true }, 201)
  })
  .post('/issues/:id/publish', async (c) => {
    const actor = requireActor(c)
    const { version } = await jsonBody(c, publishSchema)
    const recipients = await publishIssue(c.get('deps').db, actor, idParam(c), version)
    return c.json({ recipients })
  })
