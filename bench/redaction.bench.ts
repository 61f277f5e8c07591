/**
 * The redaction engine against kuromoji alone tokenising the same text (goal: the engine runs
 * at ≥ 70 % of kuromoji's own speed). The text is generated minutes (BENCH_REDACTION_CHARS
 * characters, default 300,000) with personal information in about one sentence in twelve.
 */

import { loadTokenizer, redactWith } from '../src/modules/redaction/index.ts'
import { minutesText, prng } from './datagen/japanese.ts'

const GOAL_RATIO = 0.7

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export default async function benchRedaction(): Promise<Record<string, unknown>> {
  const chars = Number(process.env.BENCH_REDACTION_CHARS ?? 300_000)
  const members = ['佐藤一郎', '鈴木花子', '高橋直樹']
  const text = minutesText(prng(9), chars, members)
  const tokenizer = await loadTokenizer()
  // Warm both paths (JIT, dictionary pages) before timing.
  tokenizer.tokenize(text.slice(0, 20_000))
  redactWith(tokenizer, text.slice(0, 20_000), { allowlist: members })
  const kuromoji: number[] = []
  const engine: number[] = []
  let spans = 0
  for (let run = 0; run < 3; run++) {
    let t0 = performance.now()
    tokenizer.tokenize(text)
    kuromoji.push(performance.now() - t0)
    t0 = performance.now()
    spans = redactWith(tokenizer, text, { allowlist: members }).length
    engine.push(performance.now() - t0)
  }
  const perSecond = (ms: number) => Math.round(text.length / (ms / 1000))
  const ratio = Math.round((median(kuromoji) / median(engine)) * 1000) / 1000
  return {
    characters: text.length,
    spans,
    kuromojiCharsPerSecond: perSecond(median(kuromoji)),
    redactionCharsPerSecond: perSecond(median(engine)),
    /** redaction speed ÷ kuromoji speed */
    ratio,
    goalRatio: GOAL_RATIO,
    met: ratio >= GOAL_RATIO,
  }
}
