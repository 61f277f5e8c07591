import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { AppError } from '../../http/errors.ts'
import { createTestApp, type TestApp } from '../../testing/app.ts'
import { loadActor } from '../accounts/index.ts'
import { programsImportCommand } from './programs.cli.ts'
import { headerField, parseNumber, parseYear } from './programs.columns.ts'
import { importProgramFile } from './programs.import.ts'
import { detectEncoding } from './programs.read.ts'
import { csv, HEADER, workbook, zipBomb } from './programs.test-support.ts'

let t: TestApp
let secretariat: Awaited<ReturnType<typeof loadActor>>

before(async () => {
  t = await createTestApp()
  secretariat = await loadActor(
    t.database.db,
    await t.userId('hq-secretariat@demo.kaikaku.example'),
  )
})
after(() => t.close())

const rows = (code: string) => [
  HEADER,
  [
    code,
    '観光ボランティア育成事業',
    '平成28年度',
    '観光部',
    '受入環境課',
    '観光都市東京',
    'H25',
    '',
    '',
    '12,000',
    '0',
    '12000',
    '9,000.0',
    '75%',
    '13,000',
  ],
  [
    `${code}-2`,
    '震災後中小企業支援',
    'R6',
    '産業労働局商工部',
    '',
    '',
    '平成23年度',
    '東日本大震災',
    '令和元年度',
    '50617.0',
    '',
    '50,617',
    '△0',
    '',
    '',
  ],
]

async function snapshot() {
  const { rows } = await sql<{ v: string }>`
    select (select coalesce(json_agg(p order by code), '[]') from programs p)::text ||
           (select coalesce(json_agg(y order by program_id, fiscal_year), '[]') from program_years y)::text as v`.execute(
    t.database.db,
  )
  return rows[0]!.v
}

describe('reading values', () => {
  test('和暦, western and short era years', () => {
    assert.equal(parseYear('平成28年度'), 2016)
    assert.equal(parseYear('H28'), 2016)
    assert.equal(parseYear('R6'), 2024)
    assert.equal(parseYear('令和元年度'), 2019)
    assert.equal(parseYear('２０１６年度'), 2016)
    assert.equal(parseYear('2016'), 2016)
    assert.equal(parseYear('1899'), undefined)
    assert.equal(parseYear('2201年度'), undefined)
    assert.equal(parseYear(''), null)
    assert.equal(parseYear('来年'), undefined)
  })
  test('numbers written as text', () => {
    assert.equal(parseNumber('"50617000.0"'.replaceAll('"', '')), 50617000)
    assert.equal(parseNumber('1,234'), 1234)
    assert.equal(parseNumber('-12.5'), -12.5)
    assert.equal(parseNumber('007'), 7)
    assert.equal(parseNumber('1.'), undefined)
    assert.equal(parseNumber('１，２３４'), 1234)
    assert.equal(parseNumber('△1,000'), -1000)
    assert.equal(parseNumber('-'), null)
    assert.equal(parseNumber('abc'), undefined)
  })
  test('headers with units and variants', () => {
    assert.deepEqual(headerField('当初予算額（千円）'), {
      field: 'initialBudget',
      multiplier: 1000,
    })
    assert.deepEqual(headerField('執行額(円)'), { field: 'executedAmount', multiplier: 1 })
    assert.deepEqual(headerField('事業終了（予定）年度'), { field: 'endYear', multiplier: null })
    assert.equal(headerField('予算事業 ID').field, 'code')
  })
  test('encodings by BOM and by heuristics', () => {
    assert.equal(detectEncoding(csv([['事業名']], 'utf-8-bom')).encoding, 'utf-8')
    assert.equal(detectEncoding(csv([['事業名']], 'utf-8')).encoding, 'utf-8')
    assert.equal(detectEncoding(csv([['事業名']], 'cp932')).encoding, 'cp932')
    assert.equal(detectEncoding(csv([['事業名']], 'utf-16le')).encoding, 'utf-16le')
    assert.equal(detectEncoding(csv([['ID', 'name', 'x']], 'utf-16be')).encoding, 'utf-16be')
  })
})

describe('import', () => {
  for (const encoding of ['utf-8', 'utf-8-bom', 'cp932', 'utf-16le', 'utf-16be'] as const) {
    test(`CSV in ${encoding}: amounts in 千円 become 円`, async () => {
      const code = `T-${encoding}`
      const result = await importProgramFile(t.database.db, secretariat, {
        bytes: csv(rows(code), encoding),
        filename: 'a.csv',
      })
      assert.deepEqual(result.errors, [])
      assert.equal(result.applied, true)
      assert.equal(result.yearsCreated, 2)
      const year = await t.database.db
        .selectFrom('program_years as y')
        .innerJoin('programs as p', 'p.id', 'y.program_id')
        .select([
          'y.initial_budget',
          'y.executed_amount',
          'y.fiscal_year',
          'p.name',
          'p.start_year',
          'p.policy_area',
        ])
        .where('p.code', '=', code)
        .executeTakeFirstOrThrow()
      assert.equal(Number(year.initial_budget), 12_000_000)
      assert.equal(Number(year.executed_amount), 9_000_000)
      assert.equal(year.fiscal_year, 2016)
      assert.equal(year.start_year, 2013)
      assert.equal(year.policy_area, 'tourism')
      assert.equal(year.name, '観光ボランティア育成事業')
    })
  }

  test('xlsx with the unit above the table; the same file again changes nothing', async () => {
    const file = await workbook([
      ['（単位：千円）'],
      HEADER.map((h) => h.replace('（千円）', '')),
      [
        'X-1',
        '緊急雇用創出事業（その2）',
        2016,
        '雇用就業部',
        '就業推進課',
        'ダイバーシティ',
        2009,
        'リーマンショック',
        '',
        1000,
        0,
        1000,
        300,
        '',
        800,
      ],
    ])
    const first = await importProgramFile(t.database.db, secretariat, {
      bytes: file,
      filename: 'b.xlsx',
    })
    assert.equal(first.programsCreated, 1)
    const before = await snapshot()
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const again = await importProgramFile(t.database.db, secretariat, {
      bytes: file,
      filename: 'b.xlsx',
    })
    assert.equal(again.applied, true)
    assert.equal(again.unchanged, 1)
    assert.equal(again.programsUpdated + again.yearsUpdated + again.yearsCreated, 0)
    assert.equal(await snapshot(), before)
    const auditAfter = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(auditAfter.n), Number(audit.n))
    const y = await t.database.db
      .selectFrom('program_years')
      .select('current_budget')
      .where('fiscal_year', '=', 2016)
      .where('executed_amount', '=', 300_000)
      .executeTakeFirstOrThrow()
    assert.equal(Number(y.current_budget), 1_000_000)
  })

  test('bad rows are reported with their row numbers; nothing is written unless partial', async () => {
    const file = csv(
      [
        HEADER,
        ['E-1', '良い行', '2016', '商工部', '', '', '', '', '', '1', '', '1', '1', '', ''],
        ['E-2', '', '来年度', '存在しない部', '', '', '', '', '', 'たくさん', '', '', '', '', ''],
        ['E-1', '重複', '2016', '商工部', '', '', '', '', '', '', '', '', '', '', ''],
      ],
      'utf-8',
    )
    const before = await snapshot()
    const refused = await importProgramFile(t.database.db, secretariat, {
      bytes: file,
      filename: 'c.csv',
    })
    assert.equal(refused.applied, false)
    assert.equal(await snapshot(), before)
    const byRow = refused.errors.map((e) => `${e.row}:${e.field}:${e.key}`)
    assert.ok(byRow.includes('3:name:programs.rowError.required'))
    assert.ok(byRow.includes('3:fiscalYear:programs.rowError.year'))
    assert.ok(byRow.includes('3:department:programs.rowError.department'))
    assert.ok(byRow.includes('3:initialBudget:programs.rowError.number'))
    assert.ok(byRow.includes('4:code:programs.rowError.duplicate'))
    const partial = await importProgramFile(
      t.database.db,
      secretariat,
      { bytes: file, filename: 'c.csv' },
      { partial: true },
    )
    assert.equal(partial.applied, true)
    assert.equal(partial.yearsCreated, 1)
  })

  test('a file without a year column needs --fiscal-year; rows of another year are refused', async () => {
    const noYear = csv(
      [
        ['予算事業ID', '事業名', '所管部局', '執行額'],
        ['F-1', '年度なし', '金融部', '5'],
      ],
      'utf-8',
    )
    await assert.rejects(
      importProgramFile(t.database.db, secretariat, { bytes: noYear, filename: 'd.csv' }),
      (e: AppError) => e.fields.fiscalYear?.[0]?.key === 'programs.import.needFiscalYear',
    )
    const ok = await importProgramFile(
      t.database.db,
      secretariat,
      { bytes: noYear, filename: 'd.csv' },
      { fiscalYear: 2016 },
    )
    assert.equal(ok.yearsCreated, 1)
    const other = await importProgramFile(
      t.database.db,
      secretariat,
      { bytes: csv(rows('G'), 'utf-8'), filename: 'e.csv' },
      { fiscalYear: 2015 },
    )
    assert.equal(other.applied, false)
    assert.equal(other.errors[0]?.key, 'programs.rowError.fiscalYearMismatch')
  })

  test('zip bombs are refused before exceljs inflates them', async () => {
    const declared = await zipBomb(64 * 1024 * 1024)
    assert.ok(declared.length < 200_000, `the bomb is small (${declared.length} bytes)`)
    const lying = await zipBomb(64 * 1024 * 1024, true)
    for (const bytes of [declared, lying]) {
      const heapBefore = process.memoryUsage().heapUsed
      await assert.rejects(
        importProgramFile(t.database.db, secretariat, { bytes, filename: 'bomb.xlsx' }),
        (e: AppError) => e.fields.file?.[0]?.key === 'programs.import.zipBomb',
      )
      assert.ok(
        process.memoryUsage().heapUsed - heapBefore < 32 * 1024 * 1024,
        'memory stayed small',
      )
    }
  })

  test('files too large, empty, or not a table are refused', async () => {
    const reason = async (bytes: Uint8Array) => {
      try {
        await importProgramFile(t.database.db, secretariat, { bytes, filename: 'x' })
        return 'accepted'
      } catch (e) {
        return (e as AppError).fields.file?.[0]?.key
      }
    }
    assert.equal(await reason(new Uint8Array(21 * 1024 * 1024)), 'programs.import.tooLarge')
    assert.equal(await reason(new Uint8Array()), 'programs.import.empty')
    assert.equal(await reason(Buffer.from('hello,world\n1,2\n')), 'programs.import.noHeader')
    assert.equal(await reason(Buffer.from('PK\x03\x04garbage')), 'programs.import.unreadable')
  })

  test('the committed demo workbook imports FY2016, and again changes nothing', async () => {
    const bytes = readFileSync('docs/samples/programs-demo.xlsx')
    const first = await importProgramFile(t.database.db, secretariat, {
      bytes,
      filename: 'programs-demo.xlsx',
    })
    assert.deepEqual(first.errors, [])
    assert.equal(first.programsCreated, 2)
    assert.ok(first.yearsCreated > 25)
    const year = await t.database.db
      .selectFrom('program_years as y')
      .innerJoin('programs as p', 'p.id', 'y.program_id')
      .select(['y.current_budget', 'p.end_year'])
      .where('p.code', '=', 'SR-KOYO-008')
      .executeTakeFirstOrThrow()
    assert.equal(Number(year.current_budget), 181_800_000)
    assert.equal(year.end_year, 2019)
    const again = await programsImportCommand(t.database.db, ['docs/samples/programs-demo.xlsx'])
    assert.equal(again.exitCode, 0)
    assert.match(again.lines.join('\n'), /新規事業 0件、更新 0件、年度データ新規 0件・更新 0件/)
    const bad = await programsImportCommand(t.database.db, [
      'docs/samples/programs-demo.xlsx',
      '--fiscal-year',
      '2015',
    ])
    assert.equal(bad.exitCode, 2)
    assert.match(bad.lines[0]!, /^4行目 事業年度: 指定された事業年度（2015）と異なります/)
  })

  test('only the secretariat and administrators import', async () => {
    const staff = await loadActor(t.database.db, await t.userId('staff@demo.kaikaku.example'))
    await assert.rejects(
      importProgramFile(t.database.db, staff, {
        bytes: csv(rows('S'), 'utf-8'),
        filename: 'a.csv',
      }),
      (e: AppError) => e.status === 403,
    )
    await assert.rejects(
      importProgramFile(t.database.db, null, { bytes: csv(rows('S'), 'utf-8'), filename: 'a.csv' }),
      (e: AppError) => e.status === 401,
    )
  })
})
