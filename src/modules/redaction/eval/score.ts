import type { RedactionSpan, SpanType } from '../redaction.types.ts'
import type { EvalDocument, GoldSpan } from './annotated.ts'

export interface TypeScore {
  type: SpanType
  gold: number
  predicted: number
  truePositives: number
  /** Gold entities a predicted span of the same type overlaps. */
  recall: number
  /** Predicted spans that overlap a gold entity of the same type. */
  precision: number
}

export interface Miss {
  doc: string
  kind: 'missed' | 'extra' | 'uncovered'
  type: SpanType
  text: string
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end

/** Entity-level scoring per type, plus whether each gold entity ended up masked at all. */
export function score(
  docs: EvalDocument[],
  predictions: RedactionSpan[][],
): { byType: TypeScore[]; masked: { covered: number; gold: number }; misses: Miss[] } {
  const counts = new Map<
    SpanType,
    { gold: number; predicted: number; tpGold: number; tpPred: number }
  >()
  const bucket = (type: SpanType) => {
    const c = counts.get(type) ?? { gold: 0, predicted: 0, tpGold: 0, tpPred: 0 }
    counts.set(type, c)
    return c
  }
  const misses: Miss[] = []
  let covered = 0
  let goldTotal = 0
  docs.forEach((doc, i) => {
    const predicted = predictions[i]!
    for (const g of doc.gold) {
      const c = bucket(g.type)
      c.gold++
      goldTotal++
      if (predicted.some((p) => p.type === g.type && overlaps(p, g))) c.tpGold++
      else
        misses.push({
          doc: doc.id,
          kind: 'missed',
          type: g.type,
          text: doc.text.slice(g.start, g.end),
        })
      if (isCovered(g, predicted)) covered++
      else
        misses.push({
          doc: doc.id,
          kind: 'uncovered',
          type: g.type,
          text: doc.text.slice(g.start, g.end),
        })
    }
    for (const p of predicted) {
      const c = bucket(p.type)
      c.predicted++
      if (doc.gold.some((g) => g.type === p.type && overlaps(p, g))) c.tpPred++
      else
        misses.push({
          doc: doc.id,
          kind: 'extra',
          type: p.type,
          text: doc.text.slice(p.start, p.end),
        })
    }
  })
  const byType = [...counts].map(([type, c]) => ({
    type,
    gold: c.gold,
    predicted: c.predicted,
    truePositives: c.tpGold,
    recall: c.gold ? c.tpGold / c.gold : 1,
    precision: c.predicted ? c.tpPred / c.predicted : 1,
  }))
  return { byType, masked: { covered, gold: goldTotal }, misses }
}

/** Every character of the gold entity lies under some predicted span, whatever its type. */
function isCovered(g: GoldSpan, predicted: RedactionSpan[]): boolean {
  for (let i = g.start; i < g.end; i++) {
    if (!predicted.some((p) => p.start <= i && i < p.end)) return false
  }
  return true
}
