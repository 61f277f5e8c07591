import { z } from 'zod'
import { CHECK_STATUSES } from './initiatives.types.ts'

const text = (max: number) => z.string().trim().max(max).optional().default('')
const version = z.coerce.number().int().min(1)
const optionalNumber = z
  .union([z.number(), z.string().trim()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : Number(v)))
  .pipe(z.number().min(0).max(1_000_000_000).nullable())

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'initiatives.errors.date',
  )

export const initiativeUpdateSchema = z.object({
  goal: text(2000),
  indicator: text(200),
  targetValue: optionalNumber,
  actualValue: optionalNumber,
  yearEndSummary: text(5000),
  nextYearPlan: text(5000),
  version,
})

export const midtermCheckSchema = z.object({
  status: z.enum(CHECK_STATUSES),
  progressNote: z.string().trim().min(1).max(5000),
  youngStaffViews: text(5000),
  issues: text(5000),
  nextSteps: text(5000),
  /** Absent on the first filing; the version it was edited on afterwards. */
  version: z.coerce.number().int().min(1).optional(),
})

export const wlbFigureSchema = z.object({
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'initiatives.errors.month'),
  overtimeHours: z.coerce.number().min(0).max(300),
  leaveDays: z.coerce.number().min(0).max(31),
})

export const wlbTargetSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  overtimeHours: z.coerce.number().min(0).max(300),
  leaveDays: z.coerce.number().min(0).max(366),
})

export const reportMeetingSchema = z.object({
  title: z.string().trim().min(1).max(200),
  heldOn: isoDate,
  place: text(200),
  notes: text(5000),
  initiativeIds: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
})

export const hqReportSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(10000),
})

export const feedbackSchema = z.object({
  feedback: z.string().trim().min(1).max(5000),
  version,
})

export type InitiativeUpdate = z.output<typeof initiativeUpdateSchema>
export type MidtermCheckInput = z.output<typeof midtermCheckSchema>
export type WlbFigureInput = z.output<typeof wlbFigureSchema>
export type WlbTargetInput = z.output<typeof wlbTargetSchema>
export type ReportMeetingInput = z.output<typeof reportMeetingSchema>
export type HqReportInput = z.output<typeof hqReportSchema>
export type FeedbackInput = z.output<typeof feedbackSchema>
