/**
 * The other modules' dated records on the overall schedule: the demo's campaign periods
 * and programme review periods arrive through `upsertLinkedTask` when those
 * modules write them, and the chart shows one fiscal year at a time.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

describe('tasks pushed by other modules', () => {
  test('campaign periods and review periods are on the chart', async () => {
    const { db } = t.database
    const bySource = await db
      .selectFrom('schedule_tasks')
      .select(['source', 'title', 'workstream_code', 'milestone', 'href'])
      .where('source', 'is not', null)
      .execute()
    const of = (source: string) => bySource.filter((r) => r.source === source)
    assert.equal(of('proposals.campaign').length, 3, 'the three campaigns of the seed')
    assert.ok(
      of('proposals.campaign').some(
        (r) => r.title === '職員からの改善提案等の募集（募集期間）' && r.workstream_code === '⑤',
      ),
    )
    // Council meetings are the bureau's standing business, not the reform's: not on this chart.
    assert.equal(of('councils.meeting').length, 0)
    // 35 programmes over FY2013–2015: two review periods a year.
    assert.equal(of('programs.review').length, 6)

    const staff = await t.signIn('staff')
    const now = await (await staff.get('/schedule')).text()
    assert.ok(now.includes('職員からの改善提案等の募集（募集期間）'))
    assert.ok(!now.includes('（2015年度）'), 'another fiscal year is not drawn')
    const fy2015 = await staff.get('/schedule?year=2015')
    assert.equal(fy2015.status, 200)
    const past = await fy2015.text()
    assert.ok(past.includes('重点事業の見直し案の策定（各部会）（2015年度）'))
    assert.ok(!past.includes('職員からの改善提案等の募集（募集期間）'))
    assert.equal((await staff.get('/schedule?year=abc')).status, 400)
    assert.equal((await staff.get('/api/v1/schedule/tasks?year=1800')).status, 400)
  })
})
