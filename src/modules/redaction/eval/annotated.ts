import type { SpanType } from '../redaction.types.ts'

export interface GoldSpan {
  start: number
  end: number
  type: SpanType
}

export interface EvalDocument {
  id: string
  text: string
  gold: GoldSpan[]
  /** Names that stay (members and officials acting in office). */
  allowlist: string[]
}

/**
 * Documents are written with their answers inline: `⟦person|山田⟧`. This returns the plain text
 * and the gold spans in its indices.
 */
export function parseAnnotated(id: string, source: string, allowlist: string[] = []): EvalDocument {
  const gold: GoldSpan[] = []
  let text = ''
  const pattern = /⟦([a-z_]+)\|([^⟧]*)⟧/g
  let at = 0
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    text += source.slice(at, m.index)
    gold.push({ start: text.length, end: text.length + m[2]!.length, type: m[1] as SpanType })
    text += m[2]!
    at = m.index + m[0].length
  }
  text += source.slice(at)
  return { id, text, gold, allowlist }
}
