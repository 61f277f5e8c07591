/**
 * NFKC with a map back to the original text. Detectors work on the normalised text (full-width
 * digits and letters become ASCII, half-width katakana full-width, ㈱ becomes (株)), and every
 * span they find is reported in the original's indices even where normalisation changed lengths.
 */
export interface NormalizedText {
  text: string
  /** Original start of the character cluster that normalised index i belongs to (length text.length + 1). */
  startOf: Int32Array
  /** Original end of the cluster that normalised index i − 1 belongs to (length text.length + 1). */
  endOf: Int32Array
}

// A cluster is one code point and the marks that NFKC may compose with it (ｶﾞ → ガ).
const joiner = /[\p{M}\uff9e\uff9f]/u

export function normalizeWithOffsets(original: string): NormalizedText {
  const parts: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  let i = 0
  while (i < original.length) {
    const clusterStart = i
    i += original.codePointAt(i)! > 0xffff ? 2 : 1
    while (i < original.length && joiner.test(original[i]!)) i++
    const source = original.slice(clusterStart, i)
    // Plain ASCII and most kanji and kana do not change: skip the normaliser for them.
    const normalized = isStable(source) ? source : source.normalize('NFKC')
    parts.push(normalized)
    for (let k = 0; k < normalized.length; k++) {
      starts.push(clusterStart)
      ends.push(i)
    }
  }
  const text = parts.join('')
  const startOf = new Int32Array(text.length + 1)
  const endOf = new Int32Array(text.length + 1)
  for (let k = 0; k < text.length; k++) {
    startOf[k] = starts[k]!
    endOf[k + 1] = ends[k]!
  }
  startOf[text.length] = original.length
  endOf[0] = 0
  return { text, startOf, endOf }
}

function isStable(source: string): boolean {
  if (source.length !== 1) return false
  const code = source.charCodeAt(0)
  if (code < 0x7f) return true
  // Hiragana, katakana (not the half-width forms) and CJK unified ideographs are NFKC-stable.
  return (code >= 0x3041 && code <= 0x30fa) || (code >= 0x4e00 && code <= 0x9fff)
}

/** A span of the normalised text as the corresponding span of the original text. */
export function toOriginal(n: NormalizedText, start: number, end: number): [number, number] {
  return [n.startOf[start]!, n.endOf[end]!]
}
