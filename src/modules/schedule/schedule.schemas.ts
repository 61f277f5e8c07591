import { z } from 'zod'

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'schedule.errors.date',
  )

const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal(''), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true')

export const taskInputSchema = z
  .object({
    workstreamCode: z.string().trim().min(1).max(8),
    theme: z.string().trim().max(200).optional().default(''),
    title: z.string().trim().min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    milestone: checkbox,
    ownerUnitId: z
      .string()
      .trim()
      .nullable()
      .optional()
      .transform((v) => v || null)
      .pipe(z.uuid().nullable()),
    progress: z.coerce.number().int().min(0).max(100).optional().default(0),
    dependsOn: z
      .union([z.uuid(), z.array(z.uuid())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    path: ['endsOn'],
    message: 'schedule.errors.endsBeforeStart',
  })

export const taskUpdateSchema = taskInputSchema.and(
  z.object({ version: z.coerce.number().int().min(1) }),
)

export const progressSchema = z.object({
  progress: z.coerce.number().int().min(0).max(100),
  version: z.coerce.number().int().min(1),
})

export const scheduleFilterSchema = z.object({
  workstream: z
    .string()
    .trim()
    .max(8)
    .optional()
    .transform((v) => v || undefined),
  unit: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid().optional()),
  year: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .pipe(z.number().int().min(2000).max(2100).optional()),
})

export type TaskInput = z.output<typeof taskInputSchema>
export type TaskUpdate = z.output<typeof taskUpdateSchema>
export type ProgressUpdate = z.output<typeof progressSchema>
export type ScheduleFilter = z.output<typeof scheduleFilterSchema>
