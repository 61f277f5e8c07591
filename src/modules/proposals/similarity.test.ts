import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { rankSimilar, SIMILAR_THRESHOLD, textSimilarity } from '../../text/similarity.ts'
import { SIMILARITY_EVAL_SET } from './similarity.eval-set.ts'

/** Precision and recall of "similar at or above the threshold" on the labelled pairs. */
export function evaluate(threshold: number) {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const pair of SIMILARITY_EVAL_SET) {
    const predicted = textSimilarity(pair.a, pair.b) >= threshold
    if (predicted && pair.duplicate) tp++
    else if (predicted) fp++
    else if (pair.duplicate) fn++
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn }
}

describe('Japanese similarity', () => {
  test('the near-duplicate set: precision and recall at the threshold (printed)', () => {
    const pairs = SIMILARITY_EVAL_SET
    assert.ok(pairs.length >= 30)
    const result = evaluate(SIMILAR_THRESHOLD)
    const dup = pairs.filter((p) => p.duplicate).length
    console.log(
      `similarity eval: ${pairs.length} pairs (${dup} duplicates), threshold ${SIMILAR_THRESHOLD}: ` +
        `precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} ` +
        `(tp ${result.tp}, fp ${result.fp}, fn ${result.fn})`,
    )
    for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
      const r = evaluate(t)
      console.log(
        `  threshold ${t}: precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}`,
      )
    }
    assert.ok(result.precision >= 0.9, `precision ${result.precision}`)
    assert.ok(result.recall >= 0.8, `recall ${result.recall}`)
  })

  test('ranking lists the near-duplicate first and leaves unrelated text out', () => {
    const ranked = rankSimilar('補助金の申請をオンラインで受け付けてほしい', [
      { id: 'a', text: '多摩産材の利用拡大。公共施設の内装に多摩産材を使う。' },
      {
        id: 'b',
        text: '補助金申請の電子化。紙の申請書の郵送が負担。申請をオンラインで受け付ける。',
      },
    ])
    assert.deepEqual(
      ranked.map((r) => r.item.id),
      ['b'],
    )
  })
})
