import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { idParam, pageContext } from '../../http/page.ts'
import { fileDownload } from '../../http/upload.ts'
import { findPublicDataset, searchPublicDatasets } from './catalogue.queries.ts'
import { publicResourceFile } from './catalogue.service.ts'
import { PortalDataPage, PortalDatasetPage } from './portal-data.views.tsx'

const PAGE_SIZE = 20

/** The open-data pages of the public portal (mounted under `/portal/data`): no sign-in. */
export const portalDataRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100)
    const pageNo = Math.max(
      1,
      Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1),
    )
    const { count, datasets } = await searchPublicDatasets(c.get('deps').db, {
      terms: q.split(/\s+/).filter(Boolean),
      filters: [],
      sort: [{ field: 'metadata_modified', direction: 'desc' }],
      rows: PAGE_SIZE,
      start: (pageNo - 1) * PAGE_SIZE,
    })
    c.header('Cache-Control', c.get('actor') ? 'private, no-cache' : 'public, max-age=60')
    return c.html(
      <PortalDataPage
        page={await pageContext(c)}
        q={q}
        count={count}
        datasets={datasets}
        pageNo={pageNo}
        pages={Math.max(1, Math.ceil(count / PAGE_SIZE))}
      />,
    )
  })
  .get('/resources/:id/download', async (c) => {
    const { info, bytes } = await publicResourceFile(c.get('deps').db, idParam(c))
    const response = fileDownload(c, info, bytes)
    response.headers.set('Cache-Control', 'public, max-age=60')
    return response
  })
  .get('/:name', async (c) => {
    const dataset = await findPublicDataset(c.get('deps').db, c.req.param('name').slice(0, 100))
    if (!dataset) throw notFound()
    c.header('Cache-Control', c.get('actor') ? 'private, no-cache' : 'public, max-age=60')
    return c.html(<PortalDatasetPage page={await pageContext(c)} dataset={dataset} />)
  })
