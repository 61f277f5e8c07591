import { z } from 'zod'

const version = z.coerce.number().int().min(1)

export const issueUpdateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  lead: z.string().trim().max(5000).optional().default(''),
  version,
})

export const itemInputSchema = z.object({
  heading: z.string().trim().min(1).max(200),
  body: z.string().trim().max(10000).optional().default(''),
})

export const publishSchema = z.object({ version })

export const searchSchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
})

export type IssueUpdate = z.output<typeof issueUpdateSchema>
export type ItemInput = z.output<typeof itemInputSchema>
