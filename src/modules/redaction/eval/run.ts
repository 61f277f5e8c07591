// npm run eval:redaction — scores the engine on the annotated corpus and measures its speed
// against kuromoji's own tokenising of the same text. `--misses` lists what it got wrong.
import { redactWith } from '../redact.ts'
import { SPAN_TYPES } from '../redaction.types.ts'
import { loadTokenizer } from '../tokenizer.ts'
import { evaluationCorpus } from './corpus.ts'
import { score } from './score.ts'

const docs = evaluationCorpus()
const loadStarted = performance.now()
const tokenizer = await loadTokenizer()
const loadMs = performance.now() - loadStarted

const predictions = docs.map((d) => redactWith(tokenizer, d.text, { allowlist: d.allowlist }))
const result = score(docs, predictions)

const pct = (x: number) => x.toFixed(3)
console.log(`documents: ${docs.length}, characters: ${docs.reduce((n, d) => n + d.text.length, 0)}`)
console.log('type               gold  pred  precision  recall')
const order = (t: string) => SPAN_TYPES.indexOf(t as never)
for (const s of result.byType.sort((a, b) => order(a.type) - order(b.type))) {
  console.log(
    `${s.type.padEnd(18)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
  )
}
const all = result.byType.reduce(
  (a, s) => ({ gold: a.gold + s.gold, tp: a.tp + s.truePositives, pred: a.pred + s.predicted }),
  { gold: 0, tp: 0, pred: 0 },
)
const tpPred = result.byType.reduce((n, s) => n + s.precision * s.predicted, 0)
console.log(
  `${'all'.padEnd(18)} ${String(all.gold).padStart(5)} ${String(all.pred).padStart(5)}  ${pct(tpPred / all.pred).padStart(9)}  ${pct(all.tp / all.gold).padStart(6)}`,
)
console.log(
  `masked (any type): ${result.masked.covered}/${result.masked.gold} gold entities fully covered`,
)

// Throughput: the same text, the two timed in alternation (the machine is shared, so load
// hits both alike), median of seven rounds each after a warm-up.
const text = docs.map((d) => d.text)
const chars = text.reduce((n, t) => n + t.length, 0)
const tokenizeAll = () => {
  for (const t of text) tokenizer.tokenize(t)
}
const redactAll = () => {
  for (const d of docs) redactWith(tokenizer, d.text, { allowlist: d.allowlist })
}
const timed = (fn: () => void) => {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}
tokenizeAll()
redactAll()
const tokenizeRounds: number[] = []
const redactRounds: number[] = []
for (let r = 0; r < 7; r++) {
  tokenizeRounds.push(timed(tokenizeAll))
  redactRounds.push(timed(redactAll))
}
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const tokenizeMs = median(tokenizeRounds)
const redactMs = median(redactRounds)
console.log(
  `throughput: kuromoji ${Math.round(chars / (tokenizeMs / 1000))} chars/s, redaction ${Math.round(chars / (redactMs / 1000))} chars/s = ${((tokenizeMs / redactMs) * 100).toFixed(0)}% of kuromoji (dictionary load ${Math.round(loadMs)} ms)`,
)

if (process.argv.includes('--misses')) {
  for (const m of result.misses) console.log(`${m.doc}\t${m.kind}\t${m.type}\t${m.text}`)
}
