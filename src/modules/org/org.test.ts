import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../testing/app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

async function unitByCode(code: string) {
  const client = await t.signIn('staff')
  const { units } = (await (await client.get('/api/v1/org/units')).json()) as {
    units: { id: string; code: string; version: number; parentId: string | null; name: string }[]
  }
  const unit = units.find((u) => u.code === code)
  assert.ok(unit, `unit ${code}`)
  return unit
}

describe('the demo bureau', () => {
  test('has the seed document’s departments, offices and affiliated bodies', async () => {
    const client = await t.signIn('staff')
    const res = await client.get('/api/v1/org/units')
    assert.equal(res.status, 200)
    const { units } = (await res.json()) as { units: { kind: string; name: string }[] }
    const names = (kind: string) => units.filter((u) => u.kind === kind).map((u) => u.name)
    assert.deepEqual(
      names('department').sort(),
      ['商工部', '観光部', '総務部', '農林水産部', '金融部', '雇用就業部'].sort(),
    )
    assert.equal(names('section').length, 21)
    assert.equal(names('body').length, 7)
    for (const office of [
      '農業振興事務所',
      '森林事務所',
      '八王子校',
      '東京障害者職業能力開発校',
      '皮革技術センター',
    ]) {
      assert.ok(names('office').includes(office), office)
    }
  })

  test('the organisation page lists the bureau and the reform bodies', async () => {
    const client = await t.signIn('hq_secretariat')
    const html = await (await client.get('/org')).text()
    for (const text of [
      '産業労働局',
      '業務改革推進本部',
      '商工部部会',
      '若手管理職検討チーム',
      '情報発信PT',
    ]) {
      assert.ok(html.includes(text), text)
    }
  })

  test('the PR team rule is checked per department', async () => {
    const client = await t.signIn('pr_team')
    const html = await (await client.get('/org')).text()
    assert.match(html, /農林水産部: ルールを満たしています/)
    // 総務部 has no offices, so its two members cannot include one from an office.
    assert.match(html, /総務部: 事業所の職員が1名ではありません（0名）/)
  })
})

describe('GET /api/v1/org/units', () => {
  test('401 without a session or token', async () => {
    const res = await t.client().get('/api/v1/org/units')
    assert.equal(res.status, 401)
    const body = (await res.json()) as { error: { code: string } }
    assert.equal(body.error.code, 'unauthorized')
  })
})

describe('editing units', () => {
  test('the secretariat adds a section; staff may not', async () => {
    const shoko = await unitByCode('shoko')
    const staff = await t.signIn('staff')
    const denied = await staff.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: shoko.id,
      code: 'shoko-new',
      name: '新設課',
    })
    assert.equal(denied.status, 403)
    const secretariat = await t.signIn('hq_secretariat')
    const created = await secretariat.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: shoko.id,
      code: 'shoko-new',
      name: '新設課',
    })
    assert.equal(created.status, 201)
  })

  test('a department chair may edit inside the department only', async () => {
    const shoko = await unitByCode('shoko')
    const kanko = await unitByCode('kanko')
    const lead = await t.signIn('dept_lead')
    const own = await lead.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: shoko.id,
      code: 'shoko-lead',
      name: '部会長が作る課',
    })
    assert.equal(own.status, 201)
    const other = await lead.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: kanko.id,
      code: 'kanko-lead',
      name: '他部の課',
    })
    assert.equal(other.status, 403)
  })

  test('a stale version is refused with 409 and nothing changes', async () => {
    const unit = await unitByCode('kinyu-kinyu')
    const client = await t.signIn('hq_secretariat')
    const body = {
      kind: 'section',
      parentId: unit.parentId,
      code: unit.code,
      name: '金融課（改）',
      version: unit.version,
    }
    const first = await client.sendJson('PUT', `/api/v1/org/units/${unit.id}`, body)
    assert.equal(first.status, 200)
    const second = await client.sendJson('PUT', `/api/v1/org/units/${unit.id}`, {
      ...body,
      name: '上書き',
    })
    assert.equal(second.status, 409)
    assert.equal((await unitByCode('kinyu-kinyu')).name, '金融課（改）')
  })

  test('a unit cannot be moved under its own descendant', async () => {
    const dept = await unitByCode('kanko')
    const section = await unitByCode('kanko-kikaku')
    const client = await t.signIn('admin')
    const res = await client.sendJson('PUT', `/api/v1/org/units/${dept.id}`, {
      kind: 'department',
      parentId: section.id,
      code: 'kanko',
      name: '観光部',
      version: dept.version,
    })
    assert.equal(res.status, 400)
    const body = (await res.json()) as { error: { fields: Record<string, string[]> } }
    assert.ok(body.error.fields.parentId?.[0]?.includes('下位組織'))
  })

  test('moving a unit moves its subtree, so scope follows it', async () => {
    const client = await t.signIn('admin')
    const shoko = await unitByCode('shoko')
    const sectionRes = await client.sendJson('POST', '/api/v1/org/units', {
      kind: 'section',
      parentId: (await unitByCode('kanko')).id,
      code: 'moving',
      name: '移管課',
    })
    const { unit: section } = (await sectionRes.json()) as { unit: { id: string; version: number } }
    const child = await client.sendJson('POST', '/api/v1/org/units', {
      kind: 'office',
      parentId: section.id,
      code: 'moving-child',
      name: '移管事業所',
    })
    const { unit: childUnit } = (await child.json()) as { unit: { id: string } }
    const moved = await client.sendJson('PUT', `/api/v1/org/units/${section.id}`, {
      kind: 'section',
      parentId: shoko.id,
      code: 'moving',
      name: '移管課',
      version: section.version,
    })
    assert.equal(moved.status, 200)
    // The 商工部 chair now covers the child of the moved section.
    const lead = await t.signIn('dept_lead')
    const person = await lead.sendJson('POST', '/api/v1/org/people', {
      unitId: childUnit.id,
      name: '移管 太郎',
      grade: 'staff',
      jobFamily: 'administrative',
    })
    assert.equal(person.status, 201)
  })
})

describe('forms', () => {
  test('a form with errors comes back with a message per field and the values typed', async () => {
    const client = await t.signIn('hq_secretariat')
    const res = await client.postForm('/org/units', {
      kind: 'section',
      code: 'Bad Code!',
      name: '',
      nameEn: 'keep me',
    })
    assert.equal(res.status, 400)
    const html = await res.text()
    assert.match(html, /名称: 入力してください。/)
    assert.match(html, /コード: 形式が正しくありません。/)
    assert.match(html, /value="keep me"/)
    assert.match(html, /aria-invalid="true"/)
  })

  test('a form without the CSRF token is refused', async () => {
    const client = await t.signIn('hq_secretariat')
    const res = await client.postForm(
      '/org/units',
      { kind: 'section', code: 'x', name: 'x' },
      { csrf: null },
    )
    assert.equal(res.status, 403)
  })

  test('unknown ids are 404, not errors', async () => {
    const client = await t.signIn('staff')
    assert.equal((await client.get('/org/units/not-a-uuid')).status, 404)
    assert.equal((await client.get('/org/units/00000000-0000-0000-0000-000000000000')).status, 404)
  })
})

describe('the reform bodies', () => {
  async function groups(client: Awaited<ReturnType<TestApp['signIn']>>) {
    const res = await client.get('/api/v1/org/groups')
    return (
      (await res.json()) as {
        groups: {
          id: string
          kind: string
          members: { person: { id: string; name: string }; position: string }[]
        }[]
      }
    ).groups
  }

  test('the secretariat adds a member to the PR team and removes them again; others may not', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const prTeam = (await groups(secretariat)).find((g) => g.kind === 'pr_team')!
    const hq = (await groups(secretariat)).find((g) => g.kind === 'hq')!
    const person = hq.members.find((m) => m.position === '本部員')!.person
    const staff = await t.signIn('staff')
    assert.equal(
      (
        await staff.sendJson('PUT', `/api/v1/org/groups/${prTeam.id}/members`, {
          personId: person.id,
          position: 'メンバー',
        })
      ).status,
      403,
    )
    assert.equal(
      (
        await staff.postForm(`/org/groups/${prTeam.id}/members`, {
          personId: person.id,
          position: 'メンバー',
        })
      ).status,
      403,
    )

    const added = await secretariat.postForm(`/org/groups/${prTeam.id}/members`, {
      personId: person.id,
      position: 'オブザーバー',
    })
    assert.equal(added.status, 303)
    const page = await (await secretariat.get(`/org/groups/${prTeam.id}`)).text()
    assert.match(
      page,
      new RegExp(`オブザーバー</td><td><a href="/org/people/${person.id}">${person.name}`),
    )
    // 局長級 on the PR team breaks the seed's rule, and the organisation page says so.
    assert.match(await (await secretariat.get('/org')).text(), /主任級を超える職員が含まれています/)

    const removed = await secretariat.sendJson(
      'DELETE',
      `/api/v1/org/groups/${prTeam.id}/members/${person.id}`,
      {},
    )
    assert.equal(removed.status, 204)
    assert.ok(
      !(await groups(secretariat))
        .find((g) => g.id === prTeam.id)!
        .members.some((m) => m.person.id === person.id),
    )
  })

  test('adding without a person or position is a 400 with field messages', async () => {
    const secretariat = await t.signIn('hq_secretariat')
    const hq = (await groups(secretariat)).find((g) => g.kind === 'hq')!
    const res = await secretariat.postForm(`/org/groups/${hq.id}/members`, {
      personId: '',
      position: '',
    })
    assert.equal(res.status, 400)
    const html = await res.text()
    assert.match(html, /職員: /)
    assert.match(html, /役職: 入力してください。/)
  })
})
