export { applyRedactions, redactionMarker, spanProblem } from './apply.ts'
export { isValidCorporateNumber, isValidMyNumber } from './check-digits.ts'
export { redact, redactWith } from './redact.ts'
export {
  isSpanType,
  REASONS,
  type RedactionReason,
  type RedactionSpan,
  type RedactOptions,
  reasonOf,
  SPAN_TYPES,
  type SpanType,
} from './redaction.types.ts'
export { isTokenizerLoaded, type JapaneseTokenizer, loadTokenizer } from './tokenizer.ts'
