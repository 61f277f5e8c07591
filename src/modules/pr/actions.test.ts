import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import type { ImprovementAction, Matrix } from './pr.types.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

const json = async <T>(res: Response) => (await res.json()) as T
interface Task {
  source: string | null
  sourceId: string | null
  workstreamCode: string
  title: string
  startsOn: string
  endsOn: string
  progress: number
  href: string | null
}

async function tasks() {
  const staff = await t.signIn('staff')
  return (await json<{ tasks: Task[] }>(await staff.get('/api/v1/schedule/tasks'))).tasks.filter(
    (x) => x.source === 'pr.action',
  )
}

async function refs() {
  const staff = await t.signIn('staff')
  const m = await json<Matrix>(await staff.get('/api/v1/pr/matrix'))
  const { units } = await json<{ units: { id: string; name: string }[] }>(
    await staff.get('/api/v1/org/units'),
  )
  return {
    program: (name: string) => m.rows.find((r) => r.name === name)!.programId,
    audience: (name: string) => m.audiences.find((a) => a.name === name)!.id,
    unit: (name: string) => units.find((u) => u.name === name)!.id,
  }
}

describe('pr improvement actions', () => {
  test("the seeded action is on the schedule's workstream ②", async () => {
    const list = await tasks()
    assert.equal(list.length, 1)
    assert.equal(list[0]!.workstreamCode, '②')
    assert.match(list[0]!.title, /^統合: /)
    assert.match(list[0]!.href ?? '', /^\/pr\/actions\//)
  })

  test('a gap becomes an action with owner, due date and status; the schedule follows it', async () => {
    const { program, audience, unit } = await refs()
    const secretariat = await t.signIn('hq_secretariat')
    const prefilled = await (
      await secretariat.get(
        `/pr/actions/new?programId=${program('若年者就業支援（しごとセンター）事業')}&audienceId=${audience('若者・学生')}&kind=start`,
      )
    ).text()
    assert.ok(prefilled.includes('<option value="start" selected'))
    const fields = {
      kind: 'start',
      title: '大学と連携したSNS発信を始める',
      finding: '若者・学生に届く媒体がない。',
      programId: program('若年者就業支援（しごとセンター）事業'),
      audienceId: audience('若者・学生'),
      ownerUnitId: unit('就業推進課'),
      dueOn: '2099-01-31',
      status: 'planned',
    }
    assert.equal((await (await t.signIn('staff')).postForm('/pr/actions', fields)).status, 403)
    const bad = await secretariat.postForm('/pr/actions', {
      ...fields,
      dueOn: '2099-02-30',
      kind: 'x',
    })
    assert.equal(bad.status, 400)
    assert.ok(
      (await bad.text()).includes('大学と連携したSNS発信を始める'),
      'the form keeps what was typed',
    )
    const res = await secretariat.postForm('/pr/actions', fields)
    assert.equal(res.status, 303)
    const id = res.headers.get('location')!.split('?')[0]!.split('/').pop()!
    let task = (await tasks()).find((x) => x.sourceId === id)!
    assert.equal(task.title, '新設: 大学と連携したSNS発信を始める')
    assert.equal(task.endsOn, '2099-01-31')
    assert.equal(task.progress, 0)

    // 雇用就業部's chair may not move it (the dept_lead demo account is 商工部's), the PR team may.
    const lead = await t.signIn('dept_lead')
    assert.equal(
      (await lead.postForm(`/pr/actions/${id}`, { ...fields, version: '1', status: 'done' }))
        .status,
      403,
    )
    const prTeam = await t.signIn('pr_team')
    assert.equal(
      (
        await prTeam.postForm(`/pr/actions/${id}`, {
          ...fields,
          version: '1',
          status: 'in_progress',
        })
      ).status,
      303,
    )
    const stale = await secretariat.postForm(`/pr/actions/${id}`, {
      ...fields,
      version: '1',
      status: 'done',
    })
    assert.equal(stale.status, 409)
    task = (await tasks()).find((x) => x.sourceId === id)!
    assert.equal(task.progress, 50)
    const done = await secretariat.sendJson('PUT', `/api/v1/pr/actions/${id}`, {
      ...fields,
      version: 2,
      status: 'done',
    })
    assert.equal(done.status, 200)
    assert.equal((await json<{ action: ImprovementAction }>(done)).action.status, 'done')
    assert.equal((await tasks()).find((x) => x.sourceId === id)!.progress, 100)
    // A dropped action leaves the schedule.
    await secretariat.sendJson('PUT', `/api/v1/pr/actions/${id}`, {
      ...fields,
      version: 3,
      status: 'dropped',
    })
    assert.equal(
      (await tasks()).find((x) => x.sourceId === id),
      undefined,
    )
  })

  test("the owner unit's chair moves its own action on", async () => {
    const { actions } = await json<{ actions: ImprovementAction[] }>(
      await (await t.signIn('staff')).get('/api/v1/pr/actions'),
    )
    const seeded = actions.find((a) => a.ownerUnitName === '経営支援課')!
    const lead = await t.signIn('dept_lead')
    const page = await (await lead.get(`/pr/actions/${seeded.id}`)).text()
    assert.ok(!page.includes('<fieldset disabled'), 'the chair gets an editable form')
    const res = await lead.sendJson('PUT', `/api/v1/pr/actions/${seeded.id}`, {
      kind: seeded.kind,
      title: seeded.title,
      finding: seeded.finding,
      programId: seeded.programId,
      audienceId: seeded.audienceId,
      ownerUnitId: seeded.ownerUnitId,
      dueOn: seeded.dueOn,
      status: 'in_progress',
      version: seeded.version,
    })
    assert.equal(res.status, 200)
    const staffPage = await (await (await t.signIn('staff')).get(`/pr/actions/${seeded.id}`)).text()
    assert.ok(staffPage.includes('<fieldset disabled'), 'staff see it read-only')
    assert.equal((await t.client().get('/api/v1/pr/actions')).status, 401)
  })
})
