import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { invalidField } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { formWithFiles } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { todayInTokyo } from '../schedule/index.ts'
import { listAudiences } from './audiences.service.ts'
import { ImportStatusPage } from './import.views.tsx'
import { listUnitMedia } from './media.service.ts'
import { renderFormError } from './pr.http.ts'
import { programCatalogue } from './pr.lookups.ts'
import { canRunSurvey } from './pr.policy.ts'
import { answerSchema, surveyInputSchema } from './pr.schemas.ts'
import { getSurveyImport, startSurveyImport } from './survey.import.ts'
import {
  answerSurvey,
  closeSurvey,
  getSurvey,
  getSurveyUnit,
  listSurveys,
  openSurvey,
  remindUnanswered,
} from './survey.service.ts'
import { SurveyListPage, SurveyPage, SurveyUnitPage } from './survey.views.tsx'
import { surveyTemplate } from './survey.xlsx.ts'

type C = Parameters<typeof requireActor>[0]

async function renderList(
  c: C,
  values?: Record<string, string>,
  errors?: Record<string, string[]>,
) {
  const actor = requireActor(c)
  return (
    <SurveyListPage
      page={await pageContext(c)}
      surveys={await listSurveys(c.get('deps').db, actor)}
      canRun={canRunSurvey(actor)}
      values={values ?? {}}
      errors={errors ?? null}
    />
  )
}

async function renderUnit(
  c: C,
  id: string,
  unitId: string,
  values?: Record<string, string>,
  errors?: Record<string, string[]>,
) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  const detail = await getSurveyUnit(db, actor, id, unitId)
  return (
    <SurveyUnitPage
      page={await pageContext(c)}
      survey={detail.survey}
      unit={detail.unit}
      canAnswer={detail.canAnswer}
      media={await listUnitMedia(db, actor, unitId)}
      values={values ?? {}}
      errors={errors ?? null}
      notice={noticeOf(c)}
    />
  )
}

/** The survey pages: open it, follow who has answered, remind, answer (by form or xlsx). */
export const surveyRoutes = new Hono<AppEnv>()
  .get('/surveys', async (c) => c.html(await renderList(c)))
  .post('/surveys', async (c) => {
    const fields = await formFields(c)
    try {
      const id = await openSurvey(
        c.get('deps').db,
        requireActor(c),
        parseInput(surveyInputSchema, fields),
      )
      return c.redirect(`/pr/surveys/${id}?notice=pr.survey.opened`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderList(c, fields, errors))
    }
  })
  .get('/surveys/:id', async (c) => {
    const detail = await getSurvey(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <SurveyPage
        page={await pageContext(c)}
        {...detail}
        today={todayInTokyo()}
        notice={noticeOf(c)}
      />,
    )
  })
  .post('/surveys/:id/remind', async (c) => {
    const id = idParam(c)
    await remindUnanswered(c.get('deps').db, requireActor(c), id)
    return c.redirect(`/pr/surveys/${id}?notice=pr.survey.remindedNotice`, 303)
  })
  .post('/surveys/:id/close', async (c) => {
    const id = idParam(c)
    await closeSurvey(c.get('deps').db, requireActor(c), id)
    return c.redirect(`/pr/surveys/${id}?notice=pr.survey.closed`, 303)
  })
  .get('/surveys/:id/units/:unitId', async (c) =>
    c.html(await renderUnit(c, idParam(c), idParam(c, 'unitId'))),
  )
  .post('/surveys/:id/units/:unitId/answer', async (c) => {
    const id = idParam(c)
    const unitId = idParam(c, 'unitId')
    const fields = await formFields(c)
    try {
      await answerSurvey(
        c.get('deps').db,
        requireActor(c),
        id,
        unitId,
        parseInput(answerSchema, fields),
      )
      return c.redirect(`/pr/surveys/${id}/units/${unitId}?notice=pr.survey.submitted`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderUnit(c, id, unitId, fields, errors))
    }
  })
  .post('/surveys/:id/units/:unitId/import', async (c) => {
    const id = idParam(c)
    const unitId = idParam(c, 'unitId')
    try {
      const { files } = await formWithFiles(c)
      const file = files.file?.[0]
      if (!file) throw invalidField('file', 'files.empty')
      const { importId } = await startSurveyImport(
        c.get('deps').db,
        requireActor(c),
        id,
        unitId,
        file,
      )
      return c.redirect(`/pr/imports/${importId}`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderUnit(c, id, unitId, {}, errors))
    }
  })
  .get('/imports/:id', async (c) => {
    const status = await getSurveyImport(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<ImportStatusPage page={await pageContext(c)} status={status} />)
  })
  .get('/template.xlsx', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const bytes = await surveyTemplate(
      await listAudiences(db, actor, true),
      (await programCatalogue(db, actor)).programs,
    )
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="pr-survey.xlsx"`,
      'Cache-Control': 'private, no-store',
    })
  })
