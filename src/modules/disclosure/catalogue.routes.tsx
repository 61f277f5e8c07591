import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { fileDownload, formWithFiles } from '../../http/upload.ts'
import type { FormErrors } from '../../views/forms.tsx'
import {
  closeCandidate,
  listCandidates,
  readSettings,
  updateSettings,
} from './candidates.service.ts'
import { CandidatesPage } from './candidates.views.tsx'
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
import { DatasetPage, DatasetsPage } from './catalogue.views.tsx'
import { publishCandidate } from './publish.service.ts'
import { db, submit, unitChoices } from './routes.support.ts'

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

export const catalogueRoutes = new Hono<AppEnv>()
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
