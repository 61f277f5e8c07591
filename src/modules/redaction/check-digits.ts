/** Statutory check digits of the numbers the engine recognises. */

const digitsOf = (value: string) => [...value].map(Number)

/**
 * 個人番号 (My Number): 12 digits, the last a check digit. With P(n) the n-th digit from the
 * right before the check digit, Q(n) = n + 1 for n ≤ 6 and n − 5 for n ≥ 7, the remainder
 * r = ΣP(n)Q(n) mod 11 gives the check digit 0 when r ≤ 1, else 11 − r
 * (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 第8条).
 */
export function isValidMyNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false
  return myNumberCheckDigit(value.slice(0, 11)) === Number(value[11])
}

export function myNumberCheckDigit(first11: string): number {
  const d = digitsOf(first11)
  let sum = 0
  for (let n = 1; n <= 11; n++) sum += d[11 - n]! * (n <= 6 ? n + 1 : n - 5)
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

/**
 * 法人番号 (corporate number): 13 digits, the FIRST a check digit over the other twelve:
 * 9 − (ΣP(n)Q(n) mod 9), P(n) the n-th digit from the right, Q(n) 1 for odd n and 2 for even n
 * (法人番号の指定等に関する省令 第2条).
 */
export function isValidCorporateNumber(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false
  return corporateNumberCheckDigit(value.slice(1)) === Number(value[0])
}

export function corporateNumberCheckDigit(base12: string): number {
  const d = digitsOf(base12)
  let sum = 0
  for (let n = 1; n <= 12; n++) sum += d[12 - n]! * (n % 2 === 1 ? 1 : 2)
  return 9 - (sum % 9)
}
