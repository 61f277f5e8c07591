/**
 * Japanese text similarity without a tokenizer: character bigrams and trigrams of the
 * NFKC-normalised text (spaces, punctuation and symbols dropped), compared by cosine over
 * their counts. Kanji and kana need no word boundaries for this, so it works on text typed
 * without spaces, and it costs microseconds instead of kuromoji's dictionary in memory.
 */

export type GramVector = Map<string, number>

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
}

/** Counts of the character 2- and 3-grams of a text. */
export function gramVector(text: string): GramVector {
  const chars = Array.from(normaliseText(text))
  const out: GramVector = new Map()
  for (const n of [2, 3]) {
    for (let i = 0; i + n <= chars.length; i++) {
      const gram = chars.slice(i, i + n).join('')
      out.set(gram, (out.get(gram) ?? 0) + 1)
    }
  }
  return out
}

function norm(v: GramVector): number {
  let sum = 0
  for (const count of v.values()) sum += count * count
  return Math.sqrt(sum)
}

/** Cosine similarity of two gram vectors, 0 (nothing shared) to 1 (same grams, same counts). */
export function cosine(a: GramVector, b: GramVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [gram, count] of small) dot += count * (large.get(gram) ?? 0)
  const denominator = norm(a) * norm(b)
  return denominator === 0 ? 0 : dot / denominator
}

export function textSimilarity(a: string, b: string): number {
  return cosine(gramVector(a), gramVector(b))
}

/** The score at and above which two proposals are listed as similar (chosen on the eval set). */
export const SIMILAR_THRESHOLD = 0.3

export interface SimilarCandidate {
  id: string
  text: string
}

/** Candidates at or above the threshold, most similar first. */
export function rankSimilar<T extends SimilarCandidate>(
  text: string,
  candidates: readonly T[],
  options: { threshold?: number; limit?: number } = {},
): { item: T; score: number }[] {
  const query = gramVector(text)
  if (query.size === 0) return []
  const threshold = options.threshold ?? SIMILAR_THRESHOLD
  return candidates
    .map((item) => ({ item, score: cosine(query, gramVector(item.text)) }))
    .filter((r) => r.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit ?? 5)
}
