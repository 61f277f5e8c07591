import { z } from 'zod'
import { OUTCOMES } from './hq.types.ts'

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'hq.errors.date',
  )

export const meetingInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  heldOn: isoDate,
  place: z.string().trim().max(200).optional().default(''),
  summary: z.string().trim().max(5000).optional().default(''),
})

export const agendaPullSchema = z.object({
  sourceKind: z.string().trim().min(1).max(50),
  refId: z.string().trim().min(1).max(100),
})

export const agendaFreeSchema = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(5000).optional().default(''),
})

export const materialSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(20000).optional().default(''),
})

export const attendanceSchema = z.object({
  present: z
    .union([z.uuid(), z.array(z.uuid())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
})

export const decisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  note: z.string().trim().max(5000).optional().default(''),
  choice: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
})

export type MeetingInput = z.output<typeof meetingInputSchema>
export type AgendaPull = z.output<typeof agendaPullSchema>
export type AgendaFree = z.output<typeof agendaFreeSchema>
export type MaterialInput = z.output<typeof materialSchema>
export type AttendanceInput = z.output<typeof attendanceSchema>
export type DecisionInput = z.output<typeof decisionSchema>
