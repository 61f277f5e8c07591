import { Hono } from 'hono'
import { authorize } from '../../auth/authorize.ts'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { createAction, getAction, listActions, updateAction } from './actions.service.ts'
import {
  ActionFormPage,
  ActionListPage,
  type ActionValues,
  actionValues,
} from './actions.views.tsx'
import {
  createAudience,
  getTargets,
  listAudiences,
  setTargets,
  updateAudience,
} from './audiences.service.ts'
import { AudiencesPage, TargetsPage } from './audiences.views.tsx'
import { matrixWorkbook } from './matrix.export.ts'
import { findings, getMatrix, matrixFilterChoices } from './matrix.service.ts'
import { MatrixPage } from './matrix.views.tsx'
import { mediaRoutes } from './media.routes.tsx'
import { listMedia } from './media.service.ts'
import { formLists, renderFormError } from './pr.http.ts'
import { programCatalogue, unitDirectory } from './pr.lookups.ts'
import { canCreateAction, canRunSurvey } from './pr.policy.ts'
import {
  actionInputSchema,
  actionUpdateSchema,
  audienceInputSchema,
  audienceUpdateSchema,
  matrixFilterSchema,
  targetsSchema,
} from './pr.schemas.ts'
import type { ImprovementAction } from './pr.types.ts'
import { surveyRoutes } from './survey.routes.tsx'
import { getPrTeam } from './team.service.ts'
import { TeamPage } from './team.views.tsx'

type C = Parameters<typeof requireActor>[0]

async function renderActionForm(
  c: C,
  values: ActionValues,
  errors?: Record<string, string[]>,
  existing?: { action: ImprovementAction; canEdit: boolean },
) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  const dir = await unitDirectory(db, actor)
  return (
    <ActionFormPage
      page={await pageContext(c)}
      action={existing?.action}
      canEdit={existing ? existing.canEdit : canCreateAction(actor)}
      owners={dir.owners}
      programs={(await programCatalogue(db, actor)).programs}
      audiences={await listAudiences(db, actor)}
      values={values}
      errors={errors ?? null}
      notice={noticeOf(c)}
    />
  )
}

async function renderAudiences(
  c: C,
  values?: Record<string, string>,
  errors?: Record<string, string[]>,
) {
  const actor = requireActor(c)
  return (
    <AudiencesPage
      page={await pageContext(c)}
      audiences={await listAudiences(c.get('deps').db, actor)}
      canEdit={canRunSurvey(actor)}
      values={values ?? {}}
      errors={errors ?? null}
      notice={noticeOf(c)}
    />
  )
}

async function renderTargets(c: C, programId: string, errors?: Record<string, string[]>) {
  const detail = await getTargets(c.get('deps').db, requireActor(c), programId)
  return (
    <TargetsPage
      page={await pageContext(c)}
      {...detail}
      errors={errors ?? null}
      notice={noticeOf(c)}
    />
  )
}

export const prRoutes = new Hono<AppEnv>()
  .route('/', mediaRoutes)
  .route('/', surveyRoutes)
  .get('/matrix', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const filter = parseInput(matrixFilterSchema, c.req.query())
    const matrix = await getMatrix(db, actor, filter)
    const choices = await matrixFilterChoices(db, actor)
    return c.html(
      <MatrixPage
        page={await pageContext(c)}
        matrix={matrix}
        findings={findings(matrix)}
        canAct={matrix.canAct}
        filter={filter}
        {...choices}
      />,
    )
  })
  .get('/matrix.xlsx', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const filter = parseInput(matrixFilterSchema, c.req.query())
    const bytes = await matrixWorkbook(
      await getMatrix(db, actor, filter),
      await listMedia(db, actor, { department: filter.department, channel: filter.channel }),
    )
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="pr-coverage.xlsx"`,
      'Cache-Control': 'private, no-store',
    })
  })
  .get('/actions', async (c) => {
    const actor = requireActor(c)
    return c.html(
      <ActionListPage
        page={await pageContext(c)}
        actions={await listActions(c.get('deps').db, actor)}
        canCreate={canCreateAction(actor)}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/actions/new', async (c) => {
    authorize(requireActor(c), canCreateAction)
    const q = c.req.query()
    return c.html(
      await renderActionForm(c, {
        kind: q.kind ?? 'merge',
        programId: q.programId ?? '',
        audienceId: q.audienceId ?? '',
        status: 'planned',
      }),
    )
  })
  .post('/actions', async (c) => {
    const fields = await formFields(c)
    try {
      const id = await createAction(
        c.get('deps').db,
        requireActor(c),
        parseInput(actionInputSchema, fields),
      )
      return c.redirect(`/pr/actions/${id}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderActionForm(c, fields, errors))
    }
  })
  .get('/actions/:id', async (c) => {
    const existing = await getAction(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(await renderActionForm(c, actionValues(existing.action), undefined, existing))
  })
  .post('/actions/:id', async (c) => {
    const id = idParam(c)
    const { db } = c.get('deps')
    const fields = await formFields(c)
    try {
      await updateAction(db, requireActor(c), id, parseInput(actionUpdateSchema, fields))
      return c.redirect(`/pr/actions/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const existing = await getAction(db, requireActor(c), id)
        return renderActionForm(
          c,
          { ...fields, version: errors._ ? existing.action.version : fields.version },
          errors,
          existing,
        )
      })
    }
  })
  .get('/audiences', async (c) => c.html(await renderAudiences(c)))
  .post('/audiences', async (c) => {
    const fields = await formFields(c)
    try {
      await createAudience(
        c.get('deps').db,
        requireActor(c),
        parseInput(audienceInputSchema, fields),
      )
      return c.redirect('/pr/audiences?notice=common.created', 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderAudiences(c, fields, errors))
    }
  })
  .post('/audiences/:id', async (c) => {
    const fields = await formFields(c)
    try {
      await updateAudience(
        c.get('deps').db,
        requireActor(c),
        idParam(c),
        parseInput(audienceUpdateSchema, fields),
      )
      return c.redirect('/pr/audiences?notice=common.saved', 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderAudiences(c, {}, errors))
    }
  })
  .get('/targets/:programId', async (c) => c.html(await renderTargets(c, idParam(c, 'programId'))))
  .post('/targets/:programId', async (c) => {
    const programId = idParam(c, 'programId')
    const fields = await formLists(c)
    try {
      await setTargets(
        c.get('deps').db,
        requireActor(c),
        programId,
        parseInput(targetsSchema, fields),
      )
      return c.redirect(`/pr/targets/${programId}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderTargets(c, programId, errors))
    }
  })
  .get('/team', async (c) => {
    const { team, rule } = await getPrTeam(c.get('deps').db, requireActor(c))
    return c.html(<TeamPage page={await pageContext(c)} team={team} rule={rule} />)
  })
