import { type Context, Hono } from 'hono'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { AppEnv } from '../../http/context.ts'
import { notFound } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { analysisRows, getAnalysis, getDepartmentTrend } from './programs.analysis.ts'
import { AnalysisPage } from './programs.analysis.views.tsx'
import { decideReview } from './programs.decisions.ts'
import {
  exportRows,
  registrySheet,
  reviewSheetFiles,
  storedZip,
  toCsv,
  toXlsx,
} from './programs.export.ts'
import { ExportRsPage } from './programs.export.views.tsx'
import { ImportFormPage, ImportStatusPage } from './programs.import.views.tsx'
import { checkCanImport, getImportStatus, startProgramImport } from './programs.jobs.ts'
import { ReviewListPage, ReviewSheetPage } from './programs.review.views.tsx'
import { getReviewSheet, listReviews, saveReviewDraft, submitReview } from './programs.reviews.ts'
import {
  analysisFilterSchema,
  importOptionsSchema,
  registryFilterSchema,
  reviewDecisionSchema,
  reviewDraftSchema,
  reviewSubmitSchema,
} from './programs.schemas.ts'
import { getProgram, listPrograms } from './programs.service.ts'
import { ProgramPage, RegistryPageView } from './programs.views.tsx'

async function renderFormError(
  c: Context<AppEnv>,
  error: unknown,
  render: (errors: Record<string, string[]>) => Promise<HtmlEscapedString>,
) {
  const errors = formErrorsOf(error, c.get('t'))
  if (!errors) throw error
  return c.html(await render(errors), errors._ ? 409 : 400)
}

export function yearParam(c: Context<AppEnv>): number {
  const value = c.req.param('year') ?? ''
  if (!/^\d{4}$/.test(value)) throw notFound()
  return Number(value)
}

function download(c: Context<AppEnv>, body: Buffer, filename: string, type: string) {
  c.header('Content-Type', type)
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
  return c.body(new Uint8Array(body))
}

const CSV = 'text/csv; charset=utf-8'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const FLAG_KINDS = ['scatter', 'low', 'crisis', 'noEnd', 'trend'] as const

export const programRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const filter = parseInput(registryFilterSchema, c.req.query())
    const data = await listPrograms(c.get('deps').db, requireActor(c), {
      fiscalYear: filter.fiscalYear,
      departmentId: filter.department,
      q: filter.q,
      page: filter.page,
    })
    return c.html(
      <RegistryPageView
        page={await pageContext(c)}
        data={data}
        q={filter.q}
        department={filter.department}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/import', async (c) => {
    checkCanImport(requireActor(c))
    return c.html(<ImportFormPage page={await pageContext(c)} />)
  })
  .post('/import', async (c) => {
    const actor = requireActor(c)
    const body = await c.req.parseBody()
    const fields = Object.fromEntries(
      Object.entries(body).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>
    try {
      const options = parseInput(importOptionsSchema, {
        fiscalYear: fields.fiscalYear,
        partial: fields.partial,
      })
      const file = body.file
      const bytes =
        file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array()
      const filename = file instanceof File ? file.name : ''
      const { importId } = await startProgramImport(
        c.get('deps').db,
        actor,
        { bytes, filename },
        options,
      )
      return c.redirect(`/programs/imports/${importId}`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <ImportFormPage page={await pageContext(c)} values={fields} errors={errors} />
      ))
    }
  })
  .get('/imports/:id', async (c) => {
    const status = await getImportStatus(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<ImportStatusPage page={await pageContext(c)} status={status} />)
  })
  .get('/reviews', async (c) => {
    const awaiting = c.req.query('status') === 'submitted'
    const reviews = await listReviews(c.get('deps').db, requireActor(c), {
      status: awaiting ? 'submitted' : null,
    })
    return c.html(
      <ReviewListPage page={await pageContext(c)} reviews={reviews} awaiting={awaiting} />,
    )
  })
  .get('/analysis', async (c) => {
    const input = parseInput(analysisFilterSchema, c.req.query())
    const analysis = await getAnalysis(c.get('deps').db, requireActor(c), input)
    return c.html(<AnalysisPage page={await pageContext(c)} analysis={analysis} />)
  })
  .get('/analysis/:file', async (c) => {
    const kind = FLAG_KINDS.find((k) => c.req.param('file') === `${k}.csv`)
    if (!kind) throw notFound()
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const input = parseInput(analysisFilterSchema, c.req.query())
    if (kind === 'trend') {
      const rows = await getDepartmentTrend(db, actor, input.department)
      const sheet = {
        headers: ['所管部局', '事業年度', '歳出予算現額（円）', '執行額（円）'],
        rows: rows.map((r) => [r.departmentName, r.fiscalYear, r.budget, r.executed]),
      }
      return download(c, toCsv(sheet), 'programs-trend.csv', CSV)
    }
    const rows = await analysisRows(db, actor, input, kind)
    return download(c, toCsv(await registrySheet(db, rows)), `programs-${kind}.csv`, CSV)
  })
  .get('/export/rs', async (c) => {
    requireActor(c)
    return c.html(<ExportRsPage page={await pageContext(c)} />)
  })
  .get('/export/:file', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const filter = parseInput(registryFilterSchema, c.req.query())
    const file = c.req.param('file')
    if (!['all.xlsx', 'all.csv', 'rs.zip'].includes(file)) throw notFound()
    const rows = await exportRows(db, actor, {
      fiscalYear: filter.fiscalYear,
      departmentId: filter.department,
      q: filter.q,
    })
    if (file === 'rs.zip') {
      const files = await reviewSheetFiles(db, rows)
      const zip = storedZip(
        Object.fromEntries(Object.entries(files).map(([name, sheet]) => [name, toCsv(sheet)])),
      )
      return download(c, zip, 'programs-review-sheets.zip', 'application/zip')
    }
    const sheet = await registrySheet(db, rows)
    return file === 'all.csv'
      ? download(c, toCsv(sheet), 'programs.csv', CSV)
      : download(c, await toXlsx(sheet), 'programs.xlsx', XLSX)
  })
  .get('/:id', async (c) => {
    const detail = await getProgram(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<ProgramPage page={await pageContext(c)} detail={detail} />)
  })
  .get('/:id/reviews/:year', async (c) => {
    const sheet = await getReviewSheet(c.get('deps').db, requireActor(c), idParam(c), yearParam(c))
    return c.html(
      <ReviewSheetPage page={await pageContext(c)} sheet={sheet} notice={noticeOf(c)} />,
    )
  })
  .post('/:id/reviews/:year', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const [id, year] = [idParam(c), yearParam(c)]
    const fields = await formFields(c)
    try {
      await saveReviewDraft(db, actor, id, year, parseInput(reviewDraftSchema, fields))
      return c.redirect(`/programs/${id}/reviews/${year}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const sheet = await getReviewSheet(db, actor, id, year)
        // After a conflict the form keeps what was typed and carries the new version.
        const version = errors._ ? (sheet.review?.version ?? 0) : fields.version
        return (
          <ReviewSheetPage
            page={await pageContext(c)}
            sheet={{ ...sheet, canDraft: sheet.canDraft || !!errors._ }}
            values={{ ...fields, version }}
            errors={errors}
          />
        )
      })
    }
  })
  .post('/:id/reviews/:year/submit', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const [id, year] = [idParam(c), yearParam(c)]
    const fields = await formFields(c)
    try {
      await submitReview(db, actor, id, year, parseInput(reviewSubmitSchema, fields).version)
      return c.redirect(`/programs/${id}/reviews/${year}?notice=programs.review.submitted`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <ReviewSheetPage
          page={await pageContext(c)}
          sheet={await getReviewSheet(db, actor, id, year)}
          errors={errors}
        />
      ))
    }
  })
  .post('/:id/reviews/:year/decide', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const [id, year] = [idParam(c), yearParam(c)]
    const fields = await formFields(c)
    try {
      await decideReview(db, actor, id, year, parseInput(reviewDecisionSchema, fields))
      return c.redirect(`/programs/${id}/reviews/${year}?notice=programs.review.decided`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <ReviewSheetPage
          page={await pageContext(c)}
          sheet={await getReviewSheet(db, actor, id, year)}
          decisionValues={fields}
          decisionErrors={errors}
        />
      ))
    }
  })
