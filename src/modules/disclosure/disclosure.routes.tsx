import { type Context, Hono } from 'hono'
import type { Actor } from '../../auth/actor.ts'
import { readStoredFile } from '../../files/index.ts'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { fileDownload, formWithFiles } from '../../http/upload.ts'
import { type FormErrors, formErrorsOf } from '../../views/forms.tsx'
import { listUnits } from '../org/index.ts'
import {
  closeCandidate,
  listCandidates,
  readSettings,
  updateSettings,
} from './candidates.service.ts'
import {
  addGeneratedResource,
  addUploadedResource,
  createDataset,
  getDataset,
  listDatasets,
  regenerateResource,
  resourceFile,
  setVisibility,
  updateDataset,
} from './catalogue.service.ts'
import { CandidatesPage, DatasetPage, DatasetsPage } from './catalogue.views.tsx'
import { REQUEST_STATUSES, type RequestStatus } from './disclosure.tables.ts'
import {
  addDocument,
  decideDocumentSpan,
  getDocumentReview,
  releaseDocument,
  withholdText,
} from './documents.service.ts'
import { DocumentPage } from './documents.views.tsx'
import {
  createHolding,
  holdingTotals,
  listHoldings,
  reviewHolding,
  startCampaign,
} from './holdings.service.ts'
import { HoldingsPage, TotalsPage } from './holdings.views.tsx'
import { publishCandidate } from './publish.service.ts'
import {
  createRequest,
  decideRequest,
  extendRequest,
  getRequest,
  listRequests,
} from './requests.service.ts'
import { RequestPage, RequestsPage } from './requests.views.tsx'

type Rerender = (errors: FormErrors, values: Record<string, string>) => Promise<Response>

/**
 * Runs a form's action: on success a redirect with a notice; on bad input or a stale version
 * the page again with the messages and what was typed (400 / 409); anything else propagates.
 */
async function submit(
  c: Context<AppEnv>,
  values: Record<string, string>,
  run: () => Promise<string>,
  rerender: Rerender,
) {
  try {
    return c.redirect(await run(), 303)
  } catch (error) {
    const errors = formErrorsOf(error, c.get('t'))
    if (!errors) throw error
    const res = await rerender(errors, values)
    return new Response(res.body, { status: errors._ ? 409 : 400, headers: res.headers })
  }
}

async function unitChoices(c: Context<AppEnv>, actor: Actor) {
  const units = await listUnits(c.get('deps').db, actor)
  return units.filter((u) => u.kind !== 'government').map((u) => ({ id: u.id, name: u.name }))
}

const statusFilter = (value: string | undefined): RequestStatus | 'overdue' | undefined =>
  value === 'overdue' || (REQUEST_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as RequestStatus | 'overdue')
    : undefined

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

async function candidatesPage(
  c: Context<AppEnv>,
  errors?: FormErrors,
  values?: Record<string, string>,
  formFor?: string,
) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  return c.html(
    <CandidatesPage
      page={await pageContext(c)}
      candidates={await listCandidates(db, actor)}
      settings={await readSettings(db)}
      datasets={await listDatasets(db, actor)}
      units={await unitChoices(c, actor)}
      errors={errors ?? null}
      values={values ?? {}}
      {...(formFor ? { formFor } : {})}
      notice={noticeOf(c)}
    />,
  )
}

async function datasetsPage(
  c: Context<AppEnv>,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const actor = requireActor(c)
  return c.html(
    <DatasetsPage
      page={await pageContext(c)}
      datasets={await listDatasets(c.get('deps').db, actor)}
      units={await unitChoices(c, actor)}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

async function datasetPage(
  c: Context<AppEnv>,
  id: string,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const actor = requireActor(c)
  const dataset = await getDataset(c.get('deps').db, actor, id)
  return c.html(
    <DatasetPage
      page={await pageContext(c)}
      dataset={dataset}
      units={await unitChoices(c, actor)}
      errors={errors ?? null}
      {...(values ? { values } : {})}
      notice={noticeOf(c)}
    />,
  )
}

async function holdingsPage(
  c: Context<AppEnv>,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const register = await listHoldings(c.get('deps').db, requireActor(c))
  return c.html(
    <HoldingsPage
      page={await pageContext(c)}
      register={register}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

const db = (c: Context<AppEnv>) => c.get('deps').db

export const disclosureRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.redirect('/disclosure/requests', 302))
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
  .get('/candidates', (c) => candidatesPage(c))
  .post('/settings', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await updateSettings(db(c), requireActor(c), fields)
        return '/disclosure/candidates?notice=common.saved'
      },
      (e, v) => candidatesPage(c, e, v),
    )
  })
  .post('/candidates/:id/publish', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        const dataset = await publishCandidate(db(c), requireActor(c), id, fields)
        return `/disclosure/datasets/${dataset.id}?notice=disclosure.notice.published`
      },
      (e, v) => candidatesPage(c, e, v, id),
    )
  })
  .post('/candidates/:id/close', async (c) => {
    const id = idParam(c)
    const raw = await formFields(c)
    const fields = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''))
    return submit(
      c,
      raw,
      async () => {
        await closeCandidate(db(c), requireActor(c), id, fields)
        return '/disclosure/candidates?notice=disclosure.notice.candidateClosed'
      },
      (e, v) => candidatesPage(c, e, v, id),
    )
  })
  .get('/datasets', (c) => datasetsPage(c))
  .post('/datasets', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        const dataset = await createDataset(db(c), requireActor(c), fields)
        return `/disclosure/datasets/${dataset.id}?notice=disclosure.notice.datasetCreated`
      },
      (e, v) => datasetsPage(c, e, v),
    )
  })
  .get('/datasets/:id', (c) => datasetPage(c, idParam(c)))
  .post('/datasets/:id', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await updateDataset(db(c), requireActor(c), id, fields)
        return `/disclosure/datasets/${id}?notice=common.saved`
      },
      (e, v) => datasetPage(c, id, e, v),
    )
  })
  .post('/datasets/:id/visibility', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await setVisibility(db(c), requireActor(c), id, fields)
        return `/disclosure/datasets/${id}?notice=${fields.visibility === 'public' ? 'disclosure.notice.published' : 'disclosure.notice.withdrawn'}`
      },
      (e) => datasetPage(c, id, e),
    )
  })
  .post('/datasets/:id/generated', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await addGeneratedResource(db(c), requireActor(c), id, fields)
        return `/disclosure/datasets/${id}?notice=disclosure.notice.resourceAdded`
      },
      (e) => datasetPage(c, id, e),
    )
  })
  .post('/datasets/:id/resources', async (c) => {
    const id = idParam(c)
    const { fields, files } = await formWithFiles(c)
    return submit(
      c,
      fields,
      async () => {
        await addUploadedResource(db(c), requireActor(c), id, fields, files.resourceFile?.[0])
        return `/disclosure/datasets/${id}?notice=disclosure.notice.resourceAdded`
      },
      (e) => datasetPage(c, id, e),
    )
  })
  .post('/resources/:id/regenerate', async (c) => {
    const id = idParam(c)
    await regenerateResource(db(c), requireActor(c), id)
    const row = await db(c)
      .selectFrom('opendata_resources')
      .select('dataset_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return c.redirect(
      `/disclosure/datasets/${row.dataset_id}?notice=disclosure.notice.regenerated`,
      303,
    )
  })
  .get('/resources/:id/download', async (c) => {
    const { info, bytes } = await resourceFile(db(c), requireActor(c), idParam(c))
    return fileDownload(c, info, bytes)
  })
  .get('/holdings', (c) => holdingsPage(c))
  .post('/holdings', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await createHolding(db(c), requireActor(c), fields)
        return '/disclosure/holdings?notice=disclosure.notice.holdingAdded'
      },
      (e, v) => holdingsPage(c, e, v),
    )
  })
  .post('/holdings/:id/review', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await reviewHolding(db(c), requireActor(c), id, fields)
        return '/disclosure/holdings?notice=disclosure.notice.reviewed'
      },
      (e) => holdingsPage(c, e),
    )
  })
  .post('/campaigns', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await startCampaign(db(c), requireActor(c), fields)
        return '/disclosure/holdings?notice=disclosure.notice.campaignStarted'
      },
      (e, v) => holdingsPage(c, e, v),
    )
  })
  .get('/holdings/totals', async (c) => {
    const totals = await holdingTotals(db(c), requireActor(c))
    return c.html(<TotalsPage page={await pageContext(c)} totals={totals} />)
  })
