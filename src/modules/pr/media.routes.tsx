import { Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { forbidden } from '../../http/errors.ts'
import { idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { parseInput } from '../../http/validation.ts'
import { listAudiences } from './audiences.service.ts'
import {
  createMedium,
  deleteMedium,
  getMedium,
  listMedia,
  ownerChoices,
  updateMedium,
} from './media.service.ts'
import {
  type FormValues,
  MediaIndexPage,
  MediumFormPage,
  MediumPage,
  mediumValues,
} from './media.views.tsx'
import { formLists, renderFormError, safeBack } from './pr.http.ts'
import { programCatalogue, unitDirectory } from './pr.lookups.ts'
import { mediaFilterSchema, mediumInputSchema, mediumUpdateSchema } from './pr.schemas.ts'
import type { Medium } from './pr.types.ts'

type C = Parameters<typeof requireActor>[0]

async function renderForm(
  c: C,
  values: FormValues,
  errors?: Record<string, string[]>,
  medium?: Medium,
) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  const back = safeBack(values.back)
  return (
    <MediumFormPage
      page={await pageContext(c)}
      medium={medium}
      owners={await ownerChoices(db, actor)}
      audiences={await listAudiences(db, actor, true)}
      programs={(await programCatalogue(db, actor)).programs}
      values={values}
      errors={errors ?? null}
      {...(back ? { back } : {})}
    />
  )
}

/** The inventory's pages: the list with filters, a medium, and its form. */
export const mediaRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const filter = parseInput(mediaFilterSchema, c.req.query())
    const dir = await unitDirectory(db, actor)
    return c.html(
      <MediaIndexPage
        page={await pageContext(c)}
        media={await listMedia(db, actor, filter)}
        filter={filter}
        departments={dir.units.filter((u) => u.kind === 'department')}
        audiences={await listAudiences(db, actor)}
        canAdd={(await ownerChoices(db, actor)).length > 0}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/media/new', async (c) => {
    // Someone who may enter media for no unit gets no form.
    if ((await ownerChoices(c.get('deps').db, requireActor(c))).length === 0) throw forbidden()
    const values: FormValues = {
      unitId: c.req.query('unitId') ?? '',
      back: c.req.query('back') ?? '',
    }
    return c.html(await renderForm(c, values))
  })
  .post('/media', async (c) => {
    const fields = await formLists(c)
    try {
      const id = await createMedium(
        c.get('deps').db,
        requireActor(c),
        parseInput(mediumInputSchema, fields),
      )
      return c.redirect(`${safeBack(fields.back) ?? `/pr/media/${id}`}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderForm(c, fields, errors))
    }
  })
  .get('/media/:id', async (c) => {
    const { medium, canEdit } = await getMedium(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <MediumPage
        page={await pageContext(c)}
        medium={medium}
        canEdit={canEdit}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/media/:id/edit', async (c) => {
    const { medium, canEdit } = await getMedium(c.get('deps').db, requireActor(c), idParam(c))
    if (!canEdit) throw forbidden()
    return c.html(await renderForm(c, mediumValues(medium), undefined, medium))
  })
  .post('/media/:id', async (c) => {
    const id = idParam(c)
    const { db } = c.get('deps')
    const fields = await formLists(c)
    try {
      await updateMedium(db, requireActor(c), id, parseInput(mediumUpdateSchema, fields))
      return c.redirect(`/pr/media/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { medium } = await getMedium(db, requireActor(c), id)
        // After a conflict the form carries the new version: saving again is a deliberate overwrite.
        return renderForm(
          c,
          { ...fields, version: errors._ ? medium.version : fields.version },
          errors,
          medium,
        )
      })
    }
  })
  .post('/media/:id/delete', async (c) => {
    await deleteMedium(c.get('deps').db, requireActor(c), idParam(c))
    return c.redirect('/pr?notice=pr.deleted', 303)
  })
