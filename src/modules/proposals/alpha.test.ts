import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { krippendorffAlpha } from './alpha.ts'

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers
// (A–D) code twelve units, with missing values. Published results: nominal α = 0.743,
// interval α = 0.849, ratio α = 0.797.
const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null]
const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3]
const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null]
const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
const units = A.map((_, u) =>
  [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null && v !== undefined),
)

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

describe("Krippendorff's alpha", () => {
  test("reproduces Krippendorff's published worked example", () => {
    assert.equal(round3(krippendorffAlpha(units, 'nominal')), 0.743)
    assert.equal(round3(krippendorffAlpha(units, 'interval')), 0.849)
    assert.equal(round3(krippendorffAlpha(units, 'ratio')), 0.797)
  })

  test('perfect agreement is 1, and single-coded units do not count', () => {
    assert.equal(krippendorffAlpha([[3, 3], [5, 5, 5], [1, 1], [9]]), 1)
  })

  test('systematic disagreement goes below zero; no variation or no pairs is undefined', () => {
    const alpha = krippendorffAlpha([
      [1, 5],
      [5, 1],
      [1, 5],
    ])
    assert.ok(alpha !== null && alpha < 0)
    assert.equal(
      krippendorffAlpha([
        [2, 2],
        [2, 2],
      ]),
      null,
    )
    assert.equal(krippendorffAlpha([[2], [4]]), null)
  })
})
