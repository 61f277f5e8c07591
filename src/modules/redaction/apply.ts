import { REASONS, type RedactionReason, type RedactionSpan, SPAN_TYPES } from './redaction.types.ts'

/** What replaces a withheld stretch in published text: visible, with its legal ground. */
export function redactionMarker(reason: RedactionReason): string {
  return `■■■（条例第7条第${reason === '7-2' ? '2' : '3'}号）`
}

type Span = Pick<RedactionSpan, 'start' | 'end' | 'reason'>

/** Problems with a set of spans, or null: each inside the text, none overlapping. */
export function spanProblem(
  text: string,
  spans: readonly Pick<RedactionSpan, 'start' | 'end' | 'type' | 'reason'>[],
): 'range' | 'overlap' | 'type' | null {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  let lastEnd = 0
  for (const s of sorted) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return 'range'
    if (s.start < 0 || s.end > text.length || s.end <= s.start) return 'range'
    if (!(SPAN_TYPES as readonly string[]).includes(s.type)) return 'type'
    if (!REASONS.includes(s.reason)) return 'type'
    if (s.start < lastEnd) return 'overlap'
    lastEnd = s.end
  }
  return null
}

/** The text with every span replaced by its marker. Spans must not overlap (see spanProblem). */
export function applyRedactions(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const parts: string[] = []
  let at = 0
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping redaction spans')
    parts.push(text.slice(at, s.start), redactionMarker(s.reason))
    at = s.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}
