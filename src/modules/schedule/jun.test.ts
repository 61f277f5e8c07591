import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  fiscalYearJuns,
  fractionInJun,
  junEnd,
  junOf,
  junStart,
  junsBetween,
  periodLabel,
  todayInTokyo,
} from './jun.ts'

describe('旬', () => {
  test('上旬 is 1–10, 中旬 11–20, 下旬 21 to the end of the month', () => {
    assert.deepEqual(junOf('2026-09-10'), { year: 2026, month: 9, part: 1 })
    assert.deepEqual(junOf('2026-09-11'), { year: 2026, month: 9, part: 2 })
    assert.deepEqual(junOf('2026-09-21'), { year: 2026, month: 9, part: 3 })
    assert.equal(junEnd({ year: 2027, month: 2, part: 3 }), '2027-02-28')
    assert.equal(junEnd({ year: 2028, month: 2, part: 3 }), '2028-02-29')
    assert.equal(junEnd({ year: 2026, month: 10, part: 3 }), '2026-10-31')
    assert.equal(junStart({ year: 2026, month: 10, part: 2 }), '2026-10-11')
  })

  test('September to March is 21 旬, and a fiscal year 36', () => {
    assert.equal(junsBetween('2026-09-01', '2027-03-31').length, 21)
    assert.equal(fiscalYearJuns(2026).length, 36)
  })

  test('a date knows where it lies inside its 旬', () => {
    assert.equal(fractionInJun('2026-09-01'), 0)
    assert.equal(fractionInJun('2026-09-16'), 0.5)
    assert.ok(fractionInJun('2026-10-31') < 1)
  })

  test('periods read as officials write them', () => {
    assert.equal(periodLabel('2026-09-01', '2026-10-10', 'ja'), '2026年9月上旬〜2026年10月上旬')
    assert.equal(periodLabel('2026-10-21', '2026-10-31', 'ja'), '2026年10月下旬')
    assert.equal(periodLabel('2026-10-21', '2026-10-31', 'en'), 'late Oct 2026')
  })

  test('today is the date in Tokyo', () => {
    assert.equal(todayInTokyo(new Date('2026-11-26T16:00:00Z')), '2026-11-27')
  })
})
