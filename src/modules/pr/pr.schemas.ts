import { z } from 'zod'
import { ACTION_KINDS, ACTION_STATUSES, CHANNELS, REACH_METRICS } from './pr.types.ts'

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? '')

const validDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'pr.errors.date')
  .refine(validDate, 'pr.errors.date')

const optionalDate = z
  .union([z.literal('').transform(() => null), isoDate])
  .nullable()
  .optional()
  .transform((v) => v ?? null)

/** A whole number ≥ 0, or nothing (an empty form field). Full-width digits and commas are accepted. */
const count = (max: number) =>
  z
    .union([
      z.literal('').transform(() => null),
      z
        .string()
        .transform((s) => s.normalize('NFKC').replace(/[,\s円]/g, ''))
        .pipe(z.string().regex(/^\d+$/, 'validation.number'))
        .transform(Number)
        .pipe(z.number().int().min(0).max(max)),
      z.number().int().min(0).max(max),
    ])
    .nullable()
    .optional()
    .transform((v) => v ?? null)

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal('').transform(() => null), z.enum(values)])
    .nullable()
    .optional()
    .transform((v) => v ?? null)

/** A list from repeated form fields or a JSON array; one value arrives as a string. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const idList = z
  .union([z.string().transform((s) => (s ? [s] : [])), z.array(z.string())])
  .optional()
  .transform((v) => v ?? [])
  .refine((v) => v.length <= 200 && v.every((id) => uuid.test(id)), 'validation.choice')

const url = z
  .union([
    z.literal('').transform(() => null),
    z
      .string()
      .trim()
      .max(500)
      .regex(/^https?:\/\/\S+$/, 'pr.errors.url'),
  ])
  .nullable()
  .optional()
  .transform((v) => v ?? null)

export const mediumInputSchema = z
  .object({
    unitId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    channel: z.enum(CHANNELS),
    url,
    description: text(2000),
    costPerYear: count(1e13),
    printRun: count(1e9),
    stock: count(1e9),
    reachMetric: optionalEnum(REACH_METRICS),
    reachValue: count(1e13),
    reachFrom: optionalDate,
    reachTo: optionalDate,
    audienceIds: idList,
    programIds: idList,
  })
  .refine((v) => !v.reachFrom || !v.reachTo || v.reachTo >= v.reachFrom, {
    path: ['reachTo'],
    message: 'pr.errors.endsBeforeStart',
  })
  .refine((v) => v.reachValue === null || v.reachMetric !== null, {
    path: ['reachMetric'],
    message: 'pr.errors.metricRequired',
  })

export const mediumUpdateSchema = z.intersection(
  mediumInputSchema,
  z.object({ version: z.coerce.number().int().min(1) }),
)

export const mediaFilterSchema = z.object({
  department: z.union([z.literal(''), z.uuid()]).optional(),
  channel: z.union([z.literal(''), z.enum(CHANNELS)]).optional(),
  audience: z.union([z.literal(''), z.uuid()]).optional(),
})

export const matrixFilterSchema = z.object({
  department: z.union([z.literal(''), z.uuid()]).optional(),
  channel: z.union([z.literal(''), z.enum(CHANNELS)]).optional(),
  area: z.string().trim().max(50).optional(),
})

export const audienceInputSchema = z.object({ name: z.string().trim().min(1).max(100) })
export const audienceUpdateSchema = z.object({
  name: z.string().trim().min(1).max(100),
  active: z
    .union([z.boolean(), z.enum(['on', 'true', 'false', ''])])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
  version: z.coerce.number().int().min(1),
})

export const targetsSchema = z.object({ audienceIds: idList })

export const surveyInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    opensOn: isoDate,
    closesOn: isoDate,
  })
  .refine((v) => v.closesOn >= v.opensOn, {
    path: ['closesOn'],
    message: 'pr.errors.endsBeforeStart',
  })

export const answerSchema = z.object({ note: text(2000) })

export const actionInputSchema = z.object({
  kind: z.enum(ACTION_KINDS),
  title: z.string().trim().min(1).max(200),
  finding: text(4000),
  programId: z
    .union([z.literal('').transform(() => null), z.uuid()])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  audienceId: z
    .union([z.literal('').transform(() => null), z.uuid()])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  ownerUnitId: z.uuid(),
  dueOn: isoDate,
  status: z.enum(ACTION_STATUSES).optional().default('planned'),
})

export const actionUpdateSchema = z.intersection(
  actionInputSchema,
  z.object({ version: z.coerce.number().int().min(1) }),
)

export type MediumInput = z.output<typeof mediumInputSchema>
export type MediumUpdate = z.output<typeof mediumUpdateSchema>
export type MediaFilter = z.output<typeof mediaFilterSchema>
export type MatrixFilter = z.output<typeof matrixFilterSchema>
export type SurveyInput = z.output<typeof surveyInputSchema>
export type ActionInput = z.output<typeof actionInputSchema>
export type ActionUpdate = z.output<typeof actionUpdateSchema>
