import { z } from 'zod'

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v ?? '')

const year = z.coerce.number().int().min(1900).max(2200)
const optionalYear = z
  .union([z.literal('').transform(() => null), year])
  .optional()
  .transform((v) => v ?? null)

export const registryFilterSchema = z.object({
  fiscalYear: optionalYear,
  department: z
    .union([z.literal('').transform(() => null), z.uuid()])
    .optional()
    .transform((v) => v ?? null),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
})

export const analysisFilterSchema = registryFilterSchema.extend({
  threshold: z.coerce.number().min(0).max(100).optional().default(60),
})

export const reviewDraftSchema = z.object({
  outlived: text(4000),
  needs: text(4000),
  publicPrivate: text(4000),
  effect: text(4000),
  efficiency: text(4000),
  future: text(4000),
  proposal: text(4000),
  /** 0 for a sheet not yet saved */
  version: z.coerce.number().int().min(0),
})

const amount = z
  .union([z.literal('').transform(() => null), z.coerce.number().int().min(-1e15).max(1e15)])
  .optional()
  .transform((v) => v ?? null)

export const reviewDecisionSchema = z.object({
  verdict: z.string().trim().min(1).max(40),
  verdictNote: text(4000),
  reflectedAmount: amount,
  version: z.coerce.number().int().min(1),
})

export const reviewSubmitSchema = z.object({ version: z.coerce.number().int().min(1) })

export const importOptionsSchema = z.object({
  fiscalYear: optionalYear,
  partial: z
    .union([z.literal('on'), z.literal('true'), z.literal('1'), z.literal('')])
    .optional()
    .transform((v) => v === 'on' || v === 'true' || v === '1'),
})

export type RegistryFilterInput = z.output<typeof registryFilterSchema>
export type AnalysisFilterInput = z.output<typeof analysisFilterSchema>
export type ReviewDraft = z.output<typeof reviewDraftSchema>
export type ReviewDecision = z.output<typeof reviewDecisionSchema>
