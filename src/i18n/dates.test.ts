import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fiscalYearOf, formatDate, formatFiscalYear, japaneseEraYear } from './dates.ts'

const tokyo = (iso: string) => new Date(`${iso}T12:00:00+09:00`)

test('the fiscal year starts in April', () => {
  assert.equal(fiscalYearOf(new Date(2017, 2, 31)), 2016)
  assert.equal(fiscalYearOf(new Date(2017, 3, 1)), 2017)
  assert.equal(fiscalYearOf(new Date(2016, 8, 2)), 2016)
})

test('和暦 years, with 元年 for an era’s first year', () => {
  assert.equal(japaneseEraYear(tokyo('2016-09-02')), '平成28年')
  assert.equal(japaneseEraYear(tokyo('2019-04-30')), '平成31年')
  assert.equal(japaneseEraYear(tokyo('2019-05-01')), '令和元年')
  assert.equal(japaneseEraYear(tokyo('2026-11-26')), '令和8年')
})

test('dates in 西暦 with the 和暦 year beside them; fiscal years by era', () => {
  assert.equal(formatDate(tokyo('2016-09-16'), 'ja'), '2016年9月16日（平成28年）')
  assert.equal(formatFiscalYear(2016, 'ja'), '平成28年度（2016年度）')
  // FY2019 began on 1 April 2019, still 平成.
  assert.equal(formatFiscalYear(2019, 'ja'), '平成31年度（2019年度）')
  assert.equal(formatFiscalYear(2026, 'en'), 'FY2026')
})
