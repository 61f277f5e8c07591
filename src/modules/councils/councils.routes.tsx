import { type Context, Hono } from 'hono'
import type { HtmlEscapedString } from 'hono/utils/html'
import { authorize } from '../../auth/authorize.ts'
import type { AppEnv } from '../../http/context.ts'
import { forbidden } from '../../http/errors.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import { formWithFiles } from '../../http/upload.ts'
import { parseInput } from '../../http/validation.ts'
import { formErrorsOf } from '../../views/forms.tsx'
import { canManageCouncils } from './councils.policy.ts'
import {
  councilInputSchema,
  councilUpdateSchema,
  meetingInputSchema,
  meetingUpdateSchema,
  memberInputSchema,
  spanDecisionSchema,
  spanTextSchema,
  versionSchema,
} from './councils.schemas.ts'
import {
  addMaterial,
  addMember,
  createCouncil,
  getCouncil,
  getMeeting,
  listCouncils,
  removeMember,
  scheduleMeeting,
  updateCouncil,
  updateMeeting,
} from './councils.service.ts'
import type { Meeting } from './councils.types.ts'
import {
  CouncilFormPage,
  CouncilPage,
  CouncilsIndexPage,
  MeetingFormPage,
  MeetingPage,
} from './councils.views.tsx'
import {
  addSpansForText,
  decideSpan,
  draftMinutes,
  getMinutesReview,
  publishMinutes,
  signOffMinutes,
  submitMinutes,
  withdrawMinutes,
} from './minutes.service.ts'
import { MinutesReviewPage } from './minutes.views.tsx'

async function renderFormError(
  c: Context<AppEnv>,
  error: unknown,
  render: (errors: Record<string, string[]>) => Promise<HtmlEscapedString>,
) {
  const errors = formErrorsOf(error, c.get('t'))
  if (!errors) throw error
  return c.html(await render(errors), errors._ ? 409 : 400)
}

/** A Date as the value of a datetime-local input, in Japan time. */
function localInput(date: Date | null): string {
  if (!date) return ''
  return new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)
}

function meetingValues(m: Meeting) {
  return {
    meetingTitle: m.title,
    startsAt: localInput(m.startsAt),
    endsAt: localInput(m.endsAt),
    place: m.place,
    agenda: m.agenda,
    isPublic: m.isPublic ? 'on' : '',
    closedReason: m.closedReason ?? '',
    lateNoticeReason: m.lateNoticeReason ?? '',
    galleryCapacity: m.galleryCapacity,
    allowlist: m.allowlist.join('\n'),
    version: m.version,
  }
}

export const councilRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = requireActor(c)
    const councils = await listCouncils(c.get('deps').db, actor)
    return c.html(
      <CouncilsIndexPage
        page={await pageContext(c)}
        councils={councils}
        canManage={canManageCouncils(actor)}
      />,
    )
  })
  .get('/new', async (c) => {
    authorize(c.get('actor'), canManageCouncils)
    return c.html(<CouncilFormPage page={await pageContext(c)} values={{ noticeDays: 7 }} />)
  })
  .post('/', async (c) => {
    const fields = await formFields(c)
    try {
      const council = await createCouncil(
        c.get('deps').db,
        requireActor(c),
        parseInput(councilInputSchema, fields),
      )
      return c.redirect(`/councils/${council.id}?notice=common.created`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <CouncilFormPage page={await pageContext(c)} values={fields} errors={errors} />
      ))
    }
  })
  .get('/meetings/:id', async (c) => {
    const detail = await getMeeting(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<MeetingPage page={await pageContext(c)} detail={detail} notice={noticeOf(c)} />)
  })
  .get('/meetings/:id/edit', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const { meeting, canManage } = await getMeeting(db, actor, idParam(c))
    if (!canManage) throw forbidden()
    const { council } = await getCouncil(db, actor, meeting.councilId)
    return c.html(
      <MeetingFormPage
        page={await pageContext(c)}
        council={council}
        meeting={meeting}
        values={meetingValues(meeting)}
      />,
    )
  })
  .post('/meetings/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await updateMeeting(db, actor, id, parseInput(meetingUpdateSchema, fields))
      return c.redirect(`/councils/meetings/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { meeting } = await getMeeting(db, actor, id)
        const { council } = await getCouncil(db, actor, meeting.councilId)
        const values = errors._ ? { ...fields, version: meeting.version } : fields
        return (
          <MeetingFormPage
            page={await pageContext(c)}
            council={council}
            meeting={meeting}
            values={values}
            errors={errors}
          />
        )
      })
    }
  })
  .post('/meetings/:id/materials', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const { fields, files } = await formWithFiles(c)
    try {
      await addMaterial(db, actor, id, fields.materialTitle ?? '', files.materialFile?.[0])
      return c.redirect(`/councils/meetings/${id}?notice=councils.notice.uploaded`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <MeetingPage
          page={await pageContext(c)}
          detail={await getMeeting(db, actor, id)}
          errors={errors}
        />
      ))
    }
  })
  .post('/meetings/:id/minutes', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const { fields, files } = await formWithFiles(c)
    try {
      const file = files.minutesFile?.[0]
      const minutes = await draftMinutes(
        db,
        actor,
        id,
        file ? { file } : { text: fields.minutesText ?? '' },
      )
      return c.redirect(`/councils/minutes/${minutes.id}?notice=councils.notice.drafted`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <MeetingPage
          page={await pageContext(c)}
          detail={await getMeeting(db, actor, id)}
          errors={errors}
        />
      ))
    }
  })
  .post('/members/:id/delete', async (c) => {
    const councilId = await removeMember(c.get('deps').db, requireActor(c), idParam(c))
    return c.redirect(`/councils/${councilId}?notice=common.saved`, 303)
  })
  .get('/minutes/:id', async (c) => {
    const review = await getMinutesReview(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(
      <MinutesReviewPage page={await pageContext(c)} review={review} notice={noticeOf(c)} />,
    )
  })
  .post('/minutes/:id/spans', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await addSpansForText(db, actor, id, parseInput(spanTextSchema, fields))
      return c.redirect(`/councils/minutes/${id}?notice=councils.notice.decided`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <MinutesReviewPage
          page={await pageContext(c)}
          review={await getMinutesReview(db, actor, id)}
          errors={errors}
          values={fields}
        />
      ))
    }
  })
  .post('/minutes/:id/spans/:spanId', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const spanId = idParam(c, 'spanId')
    const fields = await formFields(c)
    try {
      await decideSpan(db, actor, id, spanId, parseInput(spanDecisionSchema, fields))
      return c.redirect(
        `/councils/minutes/${id}?notice=councils.notice.decided#span-${spanId}`,
        303,
      )
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <MinutesReviewPage
          page={await pageContext(c)}
          review={await getMinutesReview(db, actor, id)}
          errors={errors}
        />
      ))
    }
  })
  .post('/minutes/:id/:step{submit|approve|return|publish|withdraw}', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const step = c.req.param('step')
    const fields = await formFields(c)
    try {
      const { version } = parseInput(versionSchema, fields)
      const notice = {
        submit: () => submitMinutes(db, actor, id, version).then(() => 'submitted'),
        approve: () => signOffMinutes(db, actor, id, version, true).then(() => 'approved'),
        return: () => signOffMinutes(db, actor, id, version, false).then(() => 'returned'),
        publish: () => publishMinutes(db, actor, id, version).then(() => 'published'),
        withdraw: () => withdrawMinutes(db, actor, id, version).then(() => 'withdrawn'),
      }[step as 'submit']
      const key = await notice()
      return c.redirect(`/councils/minutes/${id}?notice=councils.notice.${key}`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <MinutesReviewPage
          page={await pageContext(c)}
          review={await getMinutesReview(db, actor, id)}
          errors={errors}
        />
      ))
    }
  })
  .get('/:id', async (c) => {
    const detail = await getCouncil(c.get('deps').db, requireActor(c), idParam(c))
    return c.html(<CouncilPage page={await pageContext(c)} detail={detail} notice={noticeOf(c)} />)
  })
  .get('/:id/edit', async (c) => {
    const { council, canManage } = await getCouncil(c.get('deps').db, requireActor(c), idParam(c))
    if (!canManage) throw forbidden()
    return c.html(
      <CouncilFormPage
        page={await pageContext(c)}
        council={council}
        values={{ ...council, councilDescription: council.description }}
      />,
    )
  })
  .post('/:id', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await updateCouncil(db, actor, id, parseInput(councilUpdateSchema, fields))
      return c.redirect(`/councils/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { council } = await getCouncil(db, actor, id)
        const values = errors._ ? { ...fields, version: council.version } : fields
        return (
          <CouncilFormPage
            page={await pageContext(c)}
            council={council}
            values={values}
            errors={errors}
          />
        )
      })
    }
  })
  .post('/:id/members', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      await addMember(db, actor, id, parseInput(memberInputSchema, fields))
      return c.redirect(`/councils/${id}?notice=common.saved`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => (
        <CouncilPage
          page={await pageContext(c)}
          detail={await getCouncil(db, actor, id)}
          errors={errors}
          values={fields}
        />
      ))
    }
  })
  .get('/:id/meetings/new', async (c) => {
    const { council, canManage } = await getCouncil(c.get('deps').db, requireActor(c), idParam(c))
    if (!canManage) throw forbidden()
    return c.html(
      <MeetingFormPage page={await pageContext(c)} council={council} values={{ isPublic: 'on' }} />,
    )
  })
  .post('/:id/meetings', async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps')
    const id = idParam(c)
    const fields = await formFields(c)
    try {
      const meeting = await scheduleMeeting(db, actor, id, parseInput(meetingInputSchema, fields))
      return c.redirect(`/councils/meetings/${meeting.id}?notice=councils.notice.scheduled`, 303)
    } catch (error) {
      return renderFormError(c, error, async (errors) => {
        const { council } = await getCouncil(db, actor, id)
        return (
          <MeetingFormPage
            page={await pageContext(c)}
            council={council}
            values={fields}
            errors={errors}
          />
        )
      })
    }
  })
