import { type Context, Hono } from 'hono'
import { readStoredFile } from '../../files/index.ts'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { fileDownload, formWithFiles } from '../../http/upload.ts'
import type { FormErrors } from '../../views/forms.tsx'
import {
  addDocument,
  decideDocumentSpan,
  getDocumentReview,
  releaseDocument,
  withholdText,
} from './documents.service.ts'
import { DocumentPage } from './documents.views.tsx'
import {
  createRequest,
  decideRequest,
  extendRequest,
  getRequest,
  listRequests,
} from './requests.service.ts'
import { RequestPage, RequestsPage } from './requests.views.tsx'
import { db, statusFilter, submit, unitChoices } from './routes.support.ts'

async function requestsPage(
  c: Context<AppEnv>,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const actor = requireActor(c)
  const status = statusFilter(c.req.query('status'))
  const requests = await listRequests(c.get('deps').db, actor, { status })
  return c.html(
    <RequestsPage
      page={await pageContext(c)}
      requests={requests}
      units={await unitChoices(c, actor)}
      status={status ?? ''}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

async function requestPage(
  c: Context<AppEnv>,
  id: string,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const detail = await getRequest(c.get('deps').db, requireActor(c), id)
  return c.html(
    <RequestPage
      page={await pageContext(c)}
      detail={detail}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

async function documentPage(
  c: Context<AppEnv>,
  id: string,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const review = await getDocumentReview(c.get('deps').db, requireActor(c), id)
  return c.html(
    <DocumentPage
      page={await pageContext(c)}
      review={review}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

export const requestRoutes = new Hono<AppEnv>()
  .get('/requests', (c) => requestsPage(c))
  .post('/requests', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        const request = await createRequest(db(c), requireActor(c), fields)
        return `/disclosure/requests/${request.id}?notice=disclosure.notice.logged`
      },
      (e, v) => requestsPage(c, e, v),
    )
  })
  .get('/requests/:id', (c) => requestPage(c, idParam(c)))
  .post('/requests/:id/extend', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await extendRequest(db(c), requireActor(c), id, fields)
        return `/disclosure/requests/${id}?notice=disclosure.notice.extended`
      },
      (e, v) => requestPage(c, id, e, v),
    )
  })
  .post('/requests/:id/decide', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await decideRequest(db(c), requireActor(c), id, fields)
        return `/disclosure/requests/${id}?notice=disclosure.notice.decided`
      },
      (e, v) => requestPage(c, id, e, v),
    )
  })
  .post('/requests/:id/documents', async (c) => {
    const id = idParam(c)
    const { fields, files } = await formWithFiles(c)
    return submit(
      c,
      fields,
      async () => {
        const doc = await addDocument(db(c), requireActor(c), id, fields, files.documentFile?.[0])
        return `/disclosure/documents/${doc.id}?notice=disclosure.notice.documentAdded`
      },
      (e, v) => requestPage(c, id, e, v),
    )
  })
  .get('/documents/:id', (c) => documentPage(c, idParam(c)))
  .get('/documents/:id/file', async (c) => {
    const review = await getDocumentReview(db(c), requireActor(c), idParam(c))
    const file = review.document.fileId
      ? await readStoredFile(db(c), review.document.fileId)
      : undefined
    if (!file) throw notFound()
    return fileDownload(c, file.info, file.bytes)
  })
  .post('/documents/:id/spans/:spanId', async (c) => {
    const id = idParam(c)
    const spanId = idParam(c, 'spanId')
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await decideDocumentSpan(db(c), requireActor(c), id, spanId, fields)
        return `/disclosure/documents/${id}?notice=common.saved`
      },
      (e, v) => documentPage(c, id, e, v),
    )
  })
  .post('/documents/:id/withhold', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await withholdText(db(c), requireActor(c), id, fields)
        return `/disclosure/documents/${id}?notice=common.saved`
      },
      (e, v) => documentPage(c, id, e, v),
    )
  })
  .post('/documents/:id/release', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await releaseDocument(db(c), requireActor(c), id, fields)
        return `/disclosure/documents/${id}?notice=disclosure.notice.released`
      },
      (e, v) => documentPage(c, id, e, v),
    )
  })
