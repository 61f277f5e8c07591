/** What the engine finds; the names are those of DESIGN.md and of the CLI's JSON output. */
export const SPAN_TYPES = [
  'person',
  'address',
  'phone',
  'postal',
  'email',
  'my_number',
  'corporate_number',
  'birth_date',
  'bank_account',
  'driver_license',
  'pension_number',
  'organization',
] as const

export type SpanType = (typeof SPAN_TYPES)[number]

/**
 * The non-disclosure ground of the information disclosure ordinance (情報公開条例 第7条):
 * `7-2` personal information (第2号), `7-3` information about a corporation (第3号).
 */
export type RedactionReason = '7-2' | '7-3'

export const REASONS: readonly RedactionReason[] = ['7-2', '7-3']

export function reasonOf(type: SpanType): RedactionReason {
  return type === 'organization' || type === 'corporate_number' ? '7-3' : '7-2'
}

/** A stretch of the ORIGINAL text (JavaScript string indices), half-open [start, end). */
export interface RedactionSpan {
  start: number
  end: number
  type: SpanType
  reason: RedactionReason
  /**
   * Corporate information is only proposed: a person decides whether it is withheld
   * (it may be a public body or information the corporation itself published).
   */
  needsReview: boolean
}

export interface RedactOptions {
  /**
   * Names that stay (council members and officials acting in office): full names such as
   * `山田太郎`; their surnames also stay where they are followed by an official title.
   */
  allowlist?: readonly string[]
}

export function isSpanType(value: unknown): value is SpanType {
  return typeof value === 'string' && (SPAN_TYPES as readonly string[]).includes(value)
}
