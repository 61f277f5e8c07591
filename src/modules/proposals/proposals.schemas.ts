import { z } from 'zod'
import { AppError, type FieldIssue, invalid } from '../../http/errors.ts'
import { parseInput } from '../../http/validation.ts'
import { ADOPTED_AS, AUDIENCES, CAMPAIGN_KINDS, DECISIONS, STATUSES } from './proposals.types.ts'

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format')
const text = (max: number) => z.string().trim().max(max)
const optionalUuid = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .pipe(z.uuid().nullable())
const version = z.coerce.number().int().min(1)

export const FIELD_MAX = 4000
export const TITLE_MAX = 120

/** A draft may be incomplete; submitting checks the four fields (see submitSchema). */
export const proposalDraftSchema = z.object({
  title: z.string().trim().min(1).max(TITLE_MAX),
  areaUnitId: optionalUuid,
  problem: text(FIELD_MAX).default(''),
  solution: text(FIELD_MAX).default(''),
  method: text(FIELD_MAX).default(''),
  caveats: text(FIELD_MAX).default(''),
  /** Co-authors' e-mail addresses, one per line or comma-separated. */
  coAuthors: text(2000).default(''),
})

/** What a submitted proposal must have: every one of the four fields of seed ⑤. */
export const submitSchema = proposalDraftSchema.extend({
  problem: z.string().trim().min(1).max(FIELD_MAX),
  solution: z.string().trim().min(1).max(FIELD_MAX),
  method: z.string().trim().min(1).max(FIELD_MAX),
  caveats: z.string().trim().min(1).max(FIELD_MAX),
})

export const proposalUpdateSchema = proposalDraftSchema.extend({ version })

/**
 * The JSON API's PATCH: any subset of the fields (no defaults, so a field not named is kept);
 * the version comes from If-Match or the body.
 */
export const proposalPatchSchema = z
  .object({
    title: z.string().trim().min(1).max(TITLE_MAX).optional(),
    areaUnitId: optionalUuid,
    problem: text(FIELD_MAX).optional(),
    solution: text(FIELD_MAX).optional(),
    method: text(FIELD_MAX).optional(),
    caveats: text(FIELD_MAX).optional(),
    coAuthors: text(2000).optional(),
    version: version.optional(),
    submit: z.boolean().optional(),
  })
  .strict()

export const proposalCreateApiSchema = proposalDraftSchema
  .extend({ submit: z.boolean().optional().default(false) })
  .strict()

export const adviceSchema = z.object({ advice: z.string().trim().min(1).max(FIELD_MAX) })

const criterionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,30}$/),
  label: z.string().trim().min(1).max(60),
  weight: z.coerce.number().min(0.1).max(100),
})

export const rubricSchema = z.object({
  scaleMax: z.coerce.number().int().min(2).max(10),
  criteria: z
    .array(criterionSchema)
    .min(1)
    .max(10)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, 'validation.invalid'),
})

export const campaignInputSchema = z
  .object({
    kind: z.enum(CAMPAIGN_KINDS),
    title: z.string().trim().min(1).max(TITLE_MAX),
    description: text(FIELD_MAX).default(''),
    audience: z.enum(AUDIENCES),
    opensOn: isoDate,
    closesOn: isoDate,
    requiresAdvice: z
      .union([z.boolean(), z.literal('on'), z.literal('')])
      .optional()
      .transform((v) => v === true || v === 'on'),
    rubric: rubricSchema,
    reviewGroupId: optionalUuid,
    reviewersPerProposal: z.coerce.number().int().min(1).max(10).default(2),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'proposals.error.period' })

/** Scores per criterion key; the service checks keys and the scale against the rubric. */
export const reviewInputSchema = z.object({
  scores: z.record(z.string(), z.coerce.number().int().min(0).max(10)),
  note: text(FIELD_MAX).default(''),
  duplicateOf: optionalUuid,
  version: z.coerce.number().int().min(0).default(0),
})

export const decisionInputSchema = z
  .object({
    decision: z.enum(DECISIONS),
    reason: text(2000).default(''),
    ownerUnitId: optionalUuid,
    dueOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(isoDate.nullable()),
    becomes: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(ADOPTED_AS).nullable()),
  })
  .superRefine((d, ctx) => {
    const need = (path: string, ok: boolean) => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' })
    }
    if (d.decision === 'adopt') {
      need('ownerUnitId', !!d.ownerUnitId)
      need('dueOn', !!d.dueOn)
      need('becomes', !!d.becomes)
    } else need('reason', d.reason.length > 0)
  })

export const progressInputSchema = z.object({
  percent: z.coerce.number().int().min(0).max(100),
  note: z.string().trim().min(1).max(2000),
  onDate: isoDate,
})

export const mergeInputSchema = z.object({ into: z.uuid() })
export const shortlistInputSchema = z.object({ proposalIds: z.array(z.uuid()).min(1).max(500) })

export const listFilterSchema = z.object({
  campaign: z.uuid().optional(),
  status: z.enum(STATUSES).optional(),
  q: text(200).optional(),
})

/** Page size of the pages and default `limit` of the API; the API allows 1..API_LIMIT_MAX. */
export const PAGE_SIZE = 50
export const API_LIMIT_MAX = 200

/** The JSON API's window on a list: `limit` (1..200, default 50) and `offset` (≥ 0). */
export const windowSchema = z.object({
  limit: z.coerce.number().int().min(1).max(API_LIMIT_MAX).default(PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
})

export const listQuerySchema = listFilterSchema.extend(windowSchema.shape)

/** The filter form of a list page: an empty choice means "any". */
export const pageFilterSchema = z.object({
  status: z.union([z.literal('').transform(() => undefined), z.enum(STATUSES)]).optional(),
  q: text(200)
    .optional()
    .transform((v) => v || undefined),
})

const MAX_PAGE = 1_000_000_000

/**
 * `?page=` of a list page, forgiving: anything that is not a whole number from 1 up is page 1,
 * and a page past the end is clamped to the last one by the route (it needs the total).
 */
export function pageNumber(raw: string | undefined): number {
  if (!raw || !/^\d{1,40}$/.test(raw)) return 1
  return Math.min(MAX_PAGE, Math.max(1, Number(raw)))
}

export type ProposalDraftInput = z.output<typeof proposalDraftSchema>
export type CampaignInput = z.output<typeof campaignInputSchema>
export type ReviewInput = z.output<typeof reviewInputSchema>
export type DecisionInput = z.output<typeof decisionInputSchema>
export type ProgressInput = z.output<typeof progressInputSchema>
export type ListFilter = z.output<typeof listFilterSchema>
export type ListQuery = z.output<typeof listQuerySchema>

/**
 * The campaign form sends the rubric as lines of `label:weight`; criteria get keys c1, c2, …
 * Problems inside the rubric are reported against the form's `criteria` and `scaleMax` fields.
 */
export function campaignFormToInput(fields: Record<string, string>): CampaignInput {
  const lines = (fields.criteria ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const criteria = lines.map((line, i) => {
    const match = /^(.+?)[:：]\s*([0-9.]+)$/.exec(line)
    return { key: `c${i + 1}`, label: match?.[1]?.trim() ?? line, weight: match ? match[2] : 'x' }
  })
  try {
    return parseInput(campaignInputSchema, {
      ...fields,
      criteria: undefined,
      scaleMax: undefined,
      rubric: { scaleMax: fields.scaleMax, criteria },
    })
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const renamed: Record<string, FieldIssue[]> = {}
    for (const [name, issues] of Object.entries(error.fields)) {
      const target =
        name === 'rubric.scaleMax' ? 'scaleMax' : name.startsWith('rubric') ? 'criteria' : name
      renamed[target] = [...(renamed[target] ?? []), ...issues]
    }
    throw invalid(renamed)
  }
}
