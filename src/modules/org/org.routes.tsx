import { type Context, Hono } from 'hono'
import type { HtmlEscapedString } from 'hono/utils/html'
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
import {
  getGroup,
  listGroups,
  prTeamRule,
  removeGroupMember,
  setGroupMember,
} from './groups.service.ts'
import { GroupPage } from './groups.views.tsx'
import { canEditGroups, canEditUnitUnder } from './org.policy.ts'
import { selectPeople } from './org.queries.ts'
import {
  groupMemberSchema,
  personInputSchema,
  personUpdateSchema,
  unitInputSchema,
  unitUpdateSchema,
} from './org.schemas.ts'
import {
  createPerson,
  createUnit,
  editablePerson,
  editableUnit,
  getPerson,
  getPersonDetail,
  getUnitDetail,
  listUnits,
  peopleUnitChoices,
  unitParentChoices,
  updatePerson,
  updateUnit,
} from './org.service.ts'
import { OrgIndexPage, PersonFormPage, PersonPage, UnitFormPage, UnitPage } from './org.views.tsx'

type Values = Record<string, string | number | null | undefined>

/** Re-renders a form with what the user typed when the service rejects it; other errors propagate. */
async function renderFormError(
  c: Context<AppEnv>,
  error: unknown,
  render: (errors: Record<string, string[]>) => Promise<HtmlEscapedString>,
) {
  const errors = formErrorsOf(error, c.get('t'))
  if (!errors) throw error
  return c.html(await render(errors), errors._ ? 409 : 400)
}

export const orgRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const units = await listUnits(db, actor)
    const bureau = units.find((u) => u.kind === 'bureau') ?? null
    return c.html(
      <OrgIndexPage
        page={await pageContext(c)}
        units={units}
        groups={await listGroups(db, actor)}
        prRule={await prTeamRule(db, actor)}
        canAdd={canEditUnitUnder(actor, bureau, 'department')}
      />,
    )
  })
  .get('/units/new', async (c) => {
    const parents = await unitParentChoices(c.get('deps').db, requireActor(c))
    const values: Values = { parentId: c.req.query('parentId') ?? '', kind: 'section' }
    return c.html(<UnitFormPage page={await pageContext(c)} units={parents} values={values} />)
  })
  .post('/units', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fields = await formFields(c)
    try {
      const unit = await createUnit(db, actor, parseInput(unitInputSchema, fields))
      return c.redirect(`/org/units/${unit.id}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <UnitFormPage
          page={await pageContext(c)}
          units={await unitParentChoices(db, actor)}
          values={fields}
          errors={errors}
        />
      ))
    }
  })
  .get('/units/:id', async (c) => {
    const detail = await getUnitDetail(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<UnitPage page={await pageContext(c)} detail={detail} notice={noticeOf(c)} />)
  })
  .get('/units/:id/edit', async (c) => {
    const { unit, parents } = await editableUnit(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <UnitFormPage page={await pageContext(c)} units={parents} unit={unit} values={{ ...unit }} />,
    )
  })
  .post('/units/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await updateUnit(db, actor, id, parseInput(unitUpdateSchema, fields))
      return c.redirect(`/org/units/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { unit, parents } = await editableUnit(db, actor, id)
        // After a conflict the form carries the new version, so saving again is a deliberate overwrite.
        return (
          <UnitFormPage
            page={await pageContext(c)}
            units={parents}
            unit={unit}
            values={{ ...fields, version: errors._ ? unit.version : fields.version }}
            errors={errors}
          />
        )
      })
    }
  })
  .get('/people/new', async (c) => {
    const units = await peopleUnitChoices(c.get('deps').db, requireActor(c))
    return c.html(
      <PersonFormPage
        page={await pageContext(c)}
        units={units}
        values={{ unitId: c.req.query('unitId') }}
      />,
    )
  })
  .post('/people', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const fields = await formFields(c)
    try {
      const person = await createPerson(db, actor, parseInput(personInputSchema, fields))
      return c.redirect(`/org/people/${person.id}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <PersonFormPage
          page={await pageContext(c)}
          units={await peopleUnitChoices(db, actor)}
          values={fields}
          errors={errors}
        />
      ))
    }
  })
  .get('/people/:id', async (c) => {
    const { person, canEdit } = await getPersonDetail(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <PersonPage
        page={await pageContext(c)}
        person={person}
        canEdit={canEdit}
        notice={noticeOf(c)}
      />,
    )
  })
  .get('/people/:id/edit', async (c) => {
    const { person, units } = await editablePerson(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <PersonFormPage
        page={await pageContext(c)}
        units={units}
        person={person}
        values={{ ...person }}
      />,
    )
  })
  .post('/people/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await updatePerson(db, actor, id, parseInput(personUpdateSchema, fields))
      return c.redirect(`/org/people/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { person, units } = await editablePerson(db, actor, id)
        return (
          <PersonFormPage
            page={await pageContext(c)}
            units={units}
            person={person}
            values={{ ...fields, version: errors._ ? person.version : fields.version }}
            errors={errors}
          />
        )
      })
    }
  })

async function renderGroup(
  c: Context<AppEnv>,
  id: string,
  extra: { values?: Record<string, string>; errors?: Record<string, string[]> } = {},
) {
  const actor = requireActor(c)
  const { db } = c.get('deps')
  const group = await getGroup(db, actor, id)
  const canEdit = canEditGroups(actor)
  return (
    <GroupPage
      page={await pageContext(c)}
      group={group}
      canEdit={canEdit}
      candidates={canEdit ? await selectPeople(db) : []}
      notice={noticeOf(c)}
      {...extra}
    />
  )
}

orgRoutes
  .get('/groups/:id', async (c) => c.html(await renderGroup(c, idParam(c))))
  .post('/groups/:id/members', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await setGroupMember(
        c.get('deps').db,
        requireActor(c),
        id,
        parseInput(groupMemberSchema, fields),
      )
      return c.redirect(`/org/groups/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, (errors) => renderGroup(c, id, { values: fields, errors }))
    }
  })
  .post('/groups/:id/members/:personId/remove', async (c) => {
    const id = idParam(c)
    await removeGroupMember(c.get('deps').db, requireActor(c), id, idParam(c, 'personId'))
    return c.redirect(`/org/groups/${id}?notice=common.saved`, 303)
  })

/** JSON API: `/api/v1/org/…`. */
export const orgApiRoutes = new Hono<AppEnv>()
  .get('/units', async (c) => c.json({ units: await listUnits(c.get('deps').db, requireActor(c)) }))
  .post('/units', async (c) => {
    const unit = await createUnit(
      c.get('deps').db,
      requireActor(c),
      await jsonBody(c, unitInputSchema),
    )
    return c.json({ unit }, 201)
  })
  .get('/units/:id', async (c) => {
    const detail = await getUnitDetail(c.get('deps').db, requireActor(c), idParam(c))
    return c.json({ unit: detail.unit, children: detail.children, people: detail.people })
  })
  .put('/units/:id', async (c) => {
    const unit = await updateUnit(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, unitUpdateSchema),
    )
    return c.json({ unit })
  })
  .post('/people', async (c) => {
    const person = await createPerson(
      c.get('deps').db,
      requireActor(c),
      await jsonBody(c, personInputSchema),
    )
    return c.json({ person }, 201)
  })
  .get('/people/:id', async (c) =>
    c.json({ person: await getPerson(c.get('deps').db, requireActor(c), idParam(c)) }),
  )
  .put('/people/:id', async (c) => {
    const person = await updatePerson(
      c.get('deps').db,
      requireActor(c),
      idParam(c),
      await jsonBody(c, personUpdateSchema),
    )
    return c.json({ person })
  })
  .get('/groups', async (c) =>
    c.json({ groups: await listGroups(c.get('deps').db, requireActor(c)) }),
  )
  .put('/groups/:id/members', async (c) => {
    const id = idParam(c)
    const { db } = c.get('deps')
    await setGroupMember(db, requireActor(c), id, await jsonBody(c, groupMemberSchema))
    return c.json({ group: await getGroup(db, requireActor(c), id) })
  })
  .delete('/groups/:id/members/:personId', async (c) => {
    await removeGroupMember(c.get('deps').db, requireActor(c), idParam(c), idParam(c, 'personId'))
    return c.body(null, 204)
  })
