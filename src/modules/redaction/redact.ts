import { detectBirthDates } from './detect-dates.ts'
import { buildAllowlist, detectNames, tokenize } from './detect-names.ts'
import {
  detectEmails,
  detectIdentifiers,
  detectPhones,
  detectPostalCodes,
  type Found,
} from './detect-numbers.ts'
import { detectAddresses, detectOrganizations } from './detect-places.ts'
import { normalizeWithOffsets, toOriginal } from './normalize.ts'
import {
  type RedactionSpan,
  type RedactOptions,
  reasonOf,
  type SpanType,
} from './redaction.types.ts'
import { type JapaneseTokenizer, loadTokenizer } from './tokenizer.ts'

/** When spans overlap, the more specific finding names the merged span. */
const PRIORITY: SpanType[] = [
  'my_number',
  'corporate_number',
  'driver_license',
  'pension_number',
  'bank_account',
  'email',
  'phone',
  'postal',
  'birth_date',
  'address',
  'person',
  'organization',
]

/**
 * Overlapping findings become one span covering all of them (withholding too much is the safe
 * side); the longest finding gives its type, ties go to the more specific type.
 */
export function mergeFindings(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end)
  const out: (Found & { weight: number })[] = []
  for (const f of sorted) {
    const weight = (f.end - f.start) * 100 - PRIORITY.indexOf(f.type)
    const last = out[out.length - 1]
    if (last && f.start < last.end) {
      if (weight > last.weight) {
        last.type = f.type
        last.weight = weight
      }
      last.end = Math.max(last.end, f.end)
    } else out.push({ ...f, weight })
  }
  return out.map(({ start, end, type }) => ({ start, end, type }))
}

/** The engine with a tokenizer already loaded: synchronous, for batches and benchmarks. */
export function redactWith(
  tokenizer: JapaneseTokenizer,
  text: string,
  options: RedactOptions = {},
): RedactionSpan[] {
  if (text.length === 0) return []
  const normalized = normalizeWithOffsets(text)
  const n = normalized.text
  const tokens = tokenize(tokenizer, n)
  const allow = buildAllowlist(tokenizer, options.allowlist ?? [])
  const found: Found[] = [
    ...detectEmails(n),
    ...detectIdentifiers(n),
    ...detectPhones(n),
    ...detectPostalCodes(n),
    ...detectBirthDates(n),
    ...detectAddresses(n),
    ...detectOrganizations(n),
    ...detectNames(n, tokens, allow).map((h) => ({ start: h.start, end: h.end, type: h.type })),
  ]
  return mergeFindings(found).map((f) => {
    const [start, end] = toOriginal(normalized, f.start, f.end)
    return {
      start,
      end,
      type: f.type,
      reason: reasonOf(f.type),
      needsReview: f.type === 'organization',
    }
  })
}

/**
 * Japanese text in, spans of personal and corporate information out, in the original text's
 * JavaScript string indices. Loads the dictionary on first use.
 */
export async function redact(text: string, options: RedactOptions = {}): Promise<RedactionSpan[]> {
  return redactWith(await loadTokenizer(), text, options)
}
