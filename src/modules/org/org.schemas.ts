import { z } from 'zod'
import { GRADES, JOB_FAMILIES, UNIT_KINDS } from './org.types.ts'

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null)

const version = z.coerce.number().int().min(1)

export const unitInputSchema = z.object({
  kind: z.enum(UNIT_KINDS),
  parentId: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.uuid().nullable())
    .optional()
    .transform((v) => v ?? null),
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/),
  name: z.string().trim().min(1).max(100),
  nameEn: optionalText(200),
  sortOrder: z.coerce.number().int().min(0).max(1_000_000).optional().default(0),
})

export const unitUpdateSchema = unitInputSchema.extend({ version })

export const personInputSchema = z.object({
  unitId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  nameKana: optionalText(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .optional()
    .transform((v) => v || null)
    .pipe(z.email().nullable()),
  title: optionalText(100),
  grade: z.enum(GRADES),
  jobFamily: z.enum(JOB_FAMILIES),
})

export const personUpdateSchema = personInputSchema.extend({ version })

export type UnitInput = z.output<typeof unitInputSchema>
export type UnitUpdate = z.output<typeof unitUpdateSchema>
export type PersonInput = z.output<typeof personInputSchema>
export type PersonUpdate = z.output<typeof personUpdateSchema>

export const groupMemberSchema = z.object({
  personId: z.uuid(),
  position: z.string().trim().min(1).max(50),
})

export type GroupMemberInput = z.output<typeof groupMemberSchema>
