import { z } from 'zod'
import { SPAN_TYPES } from '../redaction/index.ts'
import { MEMBER_ROLES } from './councils.types.ts'

const text = (max: number) => z.string().trim().max(max)
const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null)
const version = z.coerce.number().int().min(1)
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1')

/** A local date and time from a form (`2026-12-01T14:00`), taken as Japan time. */
const localDateTime = z
  .string()
  .trim()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
    'councils.error.dateTime',
  )
  .transform((v) => new Date(/(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : `${v}+09:00`))
  .refine((d) => !Number.isNaN(d.getTime()), 'councils.error.dateTime')

export const councilInputSchema = z.object({
  name: text(200).min(1),
  councilDescription: text(2000).optional().default(''),
  noticeDays: z.coerce.number().int().min(0).max(365).optional().default(7),
})
export const councilUpdateSchema = councilInputSchema.extend({ version })

export const memberInputSchema = z.object({
  name: text(100).min(1),
  affiliation: text(200).optional().default(''),
  memberRole: z.enum(MEMBER_ROLES),
})

export const meetingInputSchema = z
  .object({
    meetingTitle: text(200).min(1),
    startsAt: localDateTime,
    endsAt: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(localDateTime.optional()),
    place: text(200).min(1),
    agenda: text(5000).optional().default(''),
    isPublic: checkbox,
    closedReason: optionalText(1000),
    lateNoticeReason: optionalText(1000),
    galleryCapacity: z.coerce.number().int().min(0).max(10000).optional().default(0),
    allowlist: text(5000)
      .optional()
      .default('')
      .transform((v) =>
        v
          .split(/[\n,、]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
  })
  .superRefine((m, ctx) => {
    if (!m.isPublic && !m.closedReason)
      ctx.addIssue({
        code: 'custom',
        path: ['closedReason'],
        message: 'councils.error.closedReason',
      })
    if (m.endsAt && m.endsAt <= m.startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'councils.error.endsBeforeStart' })
  })
export const meetingUpdateSchema = z.intersection(meetingInputSchema, z.object({ version }))

export const galleryRegistrationSchema = z.object({
  name: text(100).min(1),
  galleryContact: text(200).optional().default(''),
})

/** Minutes longer than this are refused (a year of a busy council's minutes is far shorter). */
export const MAX_MINUTES_CHARS = 500_000

export const minutesTextSchema = z.object({
  minutesText: z
    .string()
    .max(MAX_MINUTES_CHARS)
    .refine((v) => v.trim().length > 0, 'validation.required'),
})

export const spanDecisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  version,
})

export const manualSpanSchema = z.object({
  spanStart: z.coerce.number().int().min(0),
  spanEnd: z.coerce.number().int().min(1),
  spanType: z.enum(SPAN_TYPES),
  version,
})

export const spanTextSchema = z.object({
  spanText: z
    .string()
    .min(1)
    .max(200)
    .refine((v) => v.trim().length > 0, 'validation.required'),
  spanType: z.enum(SPAN_TYPES),
  version,
})

export const versionSchema = z.object({ version })

export type CouncilInput = z.output<typeof councilInputSchema>
export type MemberInput = z.output<typeof memberInputSchema>
export type MeetingInput = z.output<typeof meetingInputSchema>
export type MeetingUpdate = z.output<typeof meetingUpdateSchema>
export type ManualSpanInput = z.output<typeof manualSpanSchema>
