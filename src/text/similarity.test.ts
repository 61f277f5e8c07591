import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { gramVector, normaliseText, rankSimilar, textSimilarity } from './similarity.ts'

describe('Japanese text similarity', () => {
  test('normalises width and drops spaces and punctuation', () => {
    assert.equal(normaliseText('ＰＤＦ 公開。'), 'pdf公開')
    assert.equal(gramVector('観光').get('観光'), 1)
    assert.ok(Math.abs(textSimilarity('観光振興', '観光振興') - 1) < 1e-9)
    assert.equal(textSimilarity('', '観光'), 0)
  })

  test('ranks a reworded text above an unrelated one, and drops those under the threshold', () => {
    const candidates = [
      { id: 'a', text: '会議資料のペーパーレス化を進める' },
      { id: 'b', text: '職員食堂のメニューを増やす' },
      { id: 'c', text: '会議資料をペーパーレス化して印刷費を減らす' },
    ]
    const ranked = rankSimilar('会議資料のペーパーレス化で印刷費を削減', candidates)
    assert.deepEqual(ranked.map((r) => r.item.id).sort(), ['a', 'c'])
    assert.ok((ranked[0]?.score ?? 0) >= (ranked[1]?.score ?? 1))
    const exact = rankSimilar('会議資料をペーパーレス化して印刷費を減らす。', candidates)
    assert.equal(exact[0]?.item.id, 'c')
    assert.equal(rankSimilar('', candidates).length, 0)
    assert.equal(rankSimilar('会議資料', candidates, { limit: 1 }).length <= 1, true)
  })
})
