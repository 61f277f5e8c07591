/**
 * Krippendorff's alpha for reliability data with missing values.
 *
 * Follows K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011, Annenberg
 * School for Communication, University of Pennsylvania), section C: a coincidence-free
 * pairwise form. For every unit with m_u ≥ 2 values, each ordered pair of values (c, k) from
 * different coders contributes δ²(c,k)/(m_u − 1) to the observed disagreement; the expected
 * disagreement compares all pairable values regardless of unit.
 *
 *   α = 1 − (n − 1) · Σ_u Σ_{i≠j} δ²(v_ui, v_uj)/(m_u − 1)  /  Σ_{i≠j over all n values} δ²(v_i, v_j)
 *
 * `units` is one array per unit (a proposal) of the values the coders (reviewers) gave it;
 * missing values are simply absent. Returns null when alpha is undefined (fewer than two
 * pairable values, or no variation at all).
 */
export type AlphaMetric = 'nominal' | 'interval' | 'ratio'

const deltaSquared: Record<AlphaMetric, (a: number, b: number) => number> = {
  nominal: (a, b) => (a === b ? 0 : 1),
  interval: (a, b) => (a - b) ** 2,
  ratio: (a, b) => (a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2),
}

export function krippendorffAlpha(
  units: readonly (readonly number[])[],
  metric: AlphaMetric = 'interval',
): number | null {
  const delta = deltaSquared[metric]
  const pairable = units.filter((u) => u.length >= 2)
  const values = pairable.flat()
  const n = values.length
  if (n < 2) return null
  let observed = 0
  for (const unit of pairable) {
    let sum = 0
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++) if (i !== j) sum += delta(unit[i]!, unit[j]!)
    observed += sum / (unit.length - 1)
  }
  let expected = 0
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (i !== j) expected += delta(values[i]!, values[j]!)
  if (expected === 0) return null
  return 1 - ((n - 1) * observed) / expected
}
