import { z } from 'zod'
import { ROLES } from '../../auth/actor.ts'

const email = z.string().trim().toLowerCase().pipe(z.email())
const password = z.string().min(12).max(200)
const optionalUuid = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(z.uuid().nullable())

export const signInSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
})

export const createUserSchema = z.object({
  email,
  displayName: z.string().trim().min(1).max(100),
  password,
  role: z.enum(ROLES),
  scopeUnitId: optionalUuid.optional(),
  personId: optionalUuid.optional(),
})

export const grantRoleSchema = z.object({
  role: z.enum(ROLES),
  scopeUnitId: optionalUuid.optional(),
})

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: password,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors.passwordConfirm',
  })

export const createTokenSchema = z.object({ tokenName: z.string().trim().min(1).max(100) })

export const setupAdminSchema = z.object({
  email,
  displayName: z.string().trim().min(1).max(100),
  password,
})

export type CreateUserInput = z.output<typeof createUserSchema>
export type GrantRoleInput = z.output<typeof grantRoleSchema>
