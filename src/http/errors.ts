import type { MessageKey } from '../i18n/index.ts'

export type ErrorCode =
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'validation'
  | 'conflict'
  | 'bad_json'
  | 'csrf'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'internal'

const statusOf: Record<ErrorCode, number> = {
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  validation: 400,
  conflict: 409,
  bad_json: 400,
  csrf: 403,
  too_many_requests: 429,
  payload_too_large: 413,
  internal: 500,
}

/** A field's problem: a catalogue key and its parameters, translated when rendered. */
export interface FieldIssue {
  key: MessageKey
  params?: Record<string, string | number>
}

/**
 * The one error vocabulary of the app. Services throw these; the HTTP layer turns them
 * into a page or a JSON body with a stable `code`, in the reader's language.
 */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly fields: Record<string, FieldIssue[]> = {},
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${code}: ${messageKey}`)
    this.status = statusOf[code]
  }
}

export const notFound = () => new AppError('not_found', 'errors.notFound')
export const unauthorized = () => new AppError('unauthorized', 'errors.unauthorized')
export const forbidden = () => new AppError('forbidden', 'errors.forbidden')
export const conflict = (key: MessageKey = 'errors.conflict') => new AppError('conflict', key)
export const badJson = () => new AppError('bad_json', 'errors.badJson')
export const csrfFailed = () => new AppError('csrf', 'errors.csrf')
export const payloadTooLarge = () => new AppError('payload_too_large', 'errors.payloadTooLarge')

export function invalid(
  fields: Record<string, FieldIssue[]>,
  key: MessageKey = 'errors.validation',
) {
  return new AppError('validation', key, fields)
}

/** One field is wrong for a reason only the service can know (a duplicate code, say). */
export function invalidField(
  field: string,
  key: MessageKey,
  params?: Record<string, string | number>,
) {
  return invalid({ [field]: [params ? { key, params } : { key }] })
}

export function tooManyRequests(retryAfterSeconds: number) {
  return new AppError(
    'too_many_requests',
    'errors.tooManyLogins',
    {},
    { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    { 'Retry-After': String(retryAfterSeconds) },
  )
}
