import { z } from 'zod'
import { SPAN_TYPES } from '../redaction/index.ts'
import {
  GENERATORS,
  LICENSE_IDS,
  REQUESTER_TYPES,
  REVIEW_ACTIONS,
  STORAGES,
} from './disclosure.tables.ts'

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'disclosure.error.date')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'disclosure.error.date',
  )

const version = z.coerce.number().int().min(1)
const optionalText = (max: number) => z.string().trim().max(max).optional().default('')

export const requestInputSchema = z.object({
  subject: z.string().trim().min(1).max(500),
  unitId: z.uuid(),
  requesterType: z.enum(REQUESTER_TYPES),
  receivedOn: isoDate,
})
export type RequestInput = z.output<typeof requestInputSchema>

export const extendSchema = z.object({
  extendedTo: isoDate,
  extensionReason: z.string().trim().min(1).max(1000),
  version,
})

export const decideRequestSchema = z.object({
  decision: z.enum(['disclosed', 'partially_disclosed', 'not_disclosed', 'withdrawn']),
  decidedOn: isoDate,
  note: optionalText(2000),
  version,
})

export const documentInputSchema = z.object({
  documentTitle: z.string().trim().min(1).max(200),
  documentText: z.string().max(2_000_000).optional().default(''),
})

export const spanDecisionSchema = z.object({
  decision: z.enum(['accepted', 'rejected']),
  version,
})

export const manualSpanSchema = z.object({
  spanText: z.string().min(1).max(200),
  spanType: z.enum(SPAN_TYPES),
  version,
})

export const settingsSchema = z.object({
  repeatCount: z.coerce.number().int().min(2).max(100),
  periodDays: z.coerce.number().int().min(1).max(3660),
  version,
})

const tagList = z
  .string()
  .max(1000)
  .optional()
  .transform((v) =>
    [
      ...new Set(
        (v ?? '')
          .split(/[,、，\n]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ].slice(0, 20),
  )
  .refine((tags) => tags.every((t) => t.length <= 50), 'disclosure.error.tag')

export const datasetInputSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{2,100}$/, 'disclosure.error.datasetName'),
  title: z.string().trim().min(1).max(200),
  notes: optionalText(5000),
  unitId: z.uuid(),
  licenseId: z.enum(LICENSE_IDS),
  tags: tagList,
  frequency: z.enum(['irregular', 'daily', 'monthly', 'quarterly', 'annual']),
})
export type DatasetInput = z.output<typeof datasetInputSchema>

export const datasetUpdateSchema = datasetInputSchema.extend({ version })

export const visibilitySchema = z.object({
  visibility: z.enum(['public', 'private']),
  version,
})

export const resourceInputSchema = z.object({
  resourceName: z.string().trim().min(1).max(200),
  resourceDescription: optionalText(2000),
})

export const generatedResourceSchema = z.object({
  generator: z.enum(GENERATORS),
  format: z.enum(['CSV', 'XLSX', 'JSON']),
})

export const closeCandidateSchema = z.object({
  datasetId: z.uuid().optional(),
  link: z
    .string()
    .trim()
    .max(500)
    .regex(/^(\/(?!\/)|https?:\/\/)/, 'disclosure.error.link')
    .optional(),
  version,
})

export const holdingInputSchema = z.object({
  unitId: z.uuid(),
  holdingTitle: z.string().trim().min(1).max(200),
  dataKind: z.enum(['personal', 'corporate']),
  subjects: z.string().trim().min(1).max(500),
  purpose: optionalText(2000),
  storage: z.enum(STORAGES),
  storageDetail: optionalText(500),
  retentionUntil: z
    .union([z.literal(''), isoDate])
    .optional()
    .transform((v) => (v ? v : null)),
  owner: z.string().trim().min(1).max(200),
})
export type HoldingInput = z.output<typeof holdingInputSchema>

export const holdingReviewSchema = z.object({
  action: z.enum(REVIEW_ACTIONS),
  note: optionalText(2000),
})

export const campaignSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100),
  dueOn: isoDate,
})
