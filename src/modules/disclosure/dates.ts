/** Today's date in Tokyo (YYYY-MM-DD): deadlines and retention run on the local calendar. */
export function todayInTokyo(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10)
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * 東京都情報公開条例 第12条: a decision within 14 days of the request; for good reason the
 * period may be extended, to at most 60 days from the request.
 */
export const DECISION_DAYS = 14
export const MAX_EXTENDED_DAYS = 60
