import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { before, describe, test } from 'node:test'
import { corporateNumberCheckDigit, myNumberCheckDigit } from './check-digits.ts'
import { detectBirthDates } from './detect-dates.ts'
import {
  detectEmails,
  detectIdentifiers,
  detectPhones,
  detectPostalCodes,
} from './detect-numbers.ts'
import { detectAddresses, detectOrganizations } from './detect-places.ts'
import { generatedDocuments } from './eval/generate.ts'
import { score } from './eval/score.ts'
import {
  applyRedactions,
  isValidCorporateNumber,
  isValidMyNumber,
  type JapaneseTokenizer,
  loadTokenizer,
  redact,
  redactWith,
  spanProblem,
} from './index.ts'
import { normalizeWithOffsets, toOriginal } from './normalize.ts'

const texts = (text: string, found: { start: number; end: number }[]) =>
  found.map((f) => text.slice(f.start, f.end))

// One tokenizer per test process (the dictionary costs ~380 MB).
let tokenizer: JapaneseTokenizer
before(async () => {
  tokenizer = await loadTokenizer()
})

describe('check digits', () => {
  test('My Number: the statutory mod-11 check digit', () => {
    assert.equal(myNumberCheckDigit('12345678901'), 8)
    assert.ok(isValidMyNumber('123456789018'))
    assert.ok(!isValidMyNumber('123456789012'))
    assert.ok(!isValidMyNumber('12345678901'))
  })
  test('corporate number: the first digit checks the other twelve', () => {
    // 国税庁 (法人番号 7000012050002) is a published example.
    assert.ok(isValidCorporateNumber('7000012050002'))
    assert.equal(corporateNumberCheckDigit('000012050002'), 7)
    assert.ok(!isValidCorporateNumber('6000012050002'))
  })
})

describe('detectors', () => {
  test('phones in every common form, and numbers that only look like them', () => {
    const text =
      '03-1234-5678、(03)1234-5678、03(1234)5678、090-1234-5678、+81-3-1234-5678、+81 90 1234 5678、050-1234-5678、0312345678、0120-123-456、045ー123ー4567。' +
      '予算 1234-5678、2016-09-02、第3-2号、電話相談1,234件、03-1234'
    assert.deepEqual(texts(text, detectPhones(text)), [
      '03-1234-5678',
      '(03)1234-5678',
      '03(1234)5678',
      '090-1234-5678',
      '+81-3-1234-5678',
      '+81 90 1234 5678',
      '050-1234-5678',
      '0312345678',
      '0120-123-456',
      '045ー123ー4567',
    ])
  })
  test('postal codes and e-mail', () => {
    const text =
      '〒160-0023 新宿区、郵便番号 1000005、〒1000005、連絡先 a.b+c@example.co.jp まで。03-1234-5678'
    assert.deepEqual(texts(text, detectPostalCodes(text)), ['160-0023', '1000005'])
    assert.deepEqual(texts(text, detectEmails(text)), ['a.b+c@example.co.jp'])
  })
  test('identifiers need their context words, and check digits where the law gives one', () => {
    const text =
      '個人番号 123456789018。個人番号 123456789012。管理番号 123456789018。' +
      '法人番号 7000012050002、法人番号 6000012050002。運転免許証番号 301234567890。' +
      '基礎年金番号 1234-567890。口座番号 1234567。予算 1234567円。'
    const found = detectIdentifiers(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`)
    assert.deepEqual(found.sort(), [
      'bank_account:1234567',
      'corporate_number:7000012050002',
      'driver_license:301234567890',
      'my_number:123456789018',
      'pension_number:1234-567890',
    ])
  })
  test('dates of birth in 西暦 and 和暦 with era checks; other dates stay', () => {
    const text =
      '生年月日 昭和55年3月12日。平成元年1月8日生まれ。生年月日 平成31年5月1日。昭和65年1月1日生まれ。' +
      '1985年7月3日生。S55.3.12生。令和8年11月26日に開催。生年月日 2月30日。'
    assert.deepEqual(texts(text, detectBirthDates(text)).sort(), [
      '1985年7月3日',
      'S55.3.12',
      '平成元年1月8日',
      '昭和55年3月12日',
    ])
  })
  test('addresses down to the block; municipalities alone and 地区 numbers stay', () => {
    const text =
      '東京都新宿区西新宿二丁目8番1号、八王子市旭町12-1、さいたま市浦和区高砂3丁目1番、町田市森野1-2-3 森野ハイツ101号室。' +
      '新宿区に住む。地区2か所。都内23区。'
    assert.deepEqual(texts(text, detectAddresses(text)), [
      '東京都新宿区西新宿二丁目8番1号',
      '八王子市旭町12-1',
      'さいたま市浦和区高砂3丁目1番',
      '町田市森野1-2-3 森野ハイツ101号室',
    ])
  })
  test('corporations with their legal form', () => {
    const text =
      '株式会社さくらテックの代表、中村製作所株式会社から、(株)東都物産、公益財団法人東京しごと財団'
    assert.deepEqual(texts(text, detectOrganizations(text)), [
      '株式会社さくらテック',
      '中村製作所株式会社',
      '(株)東都物産',
      '公益財団法人東京しごと財団',
    ])
  })
})

describe('offsets after NFKC', () => {
  test('every normalised index maps back into the original, with changed lengths', () => {
    const original = '㈱ﾐﾅﾄｶﾞ０３－１２３４'
    const n = normalizeWithOffsets(original)
    assert.equal(n.text, '(株)ミナトガ03-1234')
    assert.deepEqual(toOriginal(n, 0, 3), [0, 1])
    assert.deepEqual(toOriginal(n, 6, 7), [4, 6])
    assert.equal(original.slice(...toOriginal(n, 7, 14)), '０３－１２３４')
  })
  test('spans found in full-width text are reported in the original indices', async () => {
    const text =
      '電話は０３－１２３４－５６７８、メールはｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ、〒１６０－００２３。𠮷田花子さん'
    const spans = await redact(text)
    const shown = spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`)
    assert.deepEqual(shown, [
      'phone:０３－１２３４－５６７８',
      'email:ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
      'postal:１６０－００２３',
      'person:𠮷田花子',
    ])
  })
})

describe('names', () => {
  test('speaker labels, titles and honorifics, then every other occurrence', () => {
    const text =
      '○山田委員　佐藤花子さんから話を聞きました。\n【田中会長】佐藤さんに連絡します。\n委員長（高橋一郎君）　了解です。佐藤は欠席。'
    const names = redactWith(tokenizer, text).map((s) => text.slice(s.start, s.end))
    assert.deepEqual(names, ['山田', '佐藤花子', '田中', '佐藤', '高橋一郎', '佐藤'])
  })
  test('allowlisted members stay in office, a private person with their surname does not', () => {
    // 山田花子 is not the member 山田太郎, so 山田 is withheld everywhere; 田中さん may be anyone.
    const text =
      '○山田委員　山田花子さんの件です。\n○田中会長　田中さんの意見に賛成です。\n○田中会長　閉会します。'
    const spans = redactWith(tokenizer, text, { allowlist: ['田中 一郎', '山田太郎'] })
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['山田', '山田花子', '田中'],
    )
  })
  test('a representative is corporate information, proposed for review', () => {
    const text = '株式会社ミナト精工の代表取締役港川誠氏から説明を受けた。'
    const spans = redactWith(tokenizer, text)
    assert.deepEqual(
      spans.map((s) => [text.slice(s.start, s.end), s.type, s.reason, s.needsReview]),
      [
        ['株式会社ミナト精工', 'organization', '7-3', true],
        ['港川誠', 'organization', '7-3', true],
      ],
    )
  })
  test('meeting dates, amounts, article and agenda numbers are not redacted', () => {
    const text =
      '令和8年11月26日午後2時から第一会議室で開催。予算1,234,567千円、第7条第2項、議事第3号、資料3-2、執行率93.3%、平成28年9月16日。'
    assert.deepEqual(redactWith(tokenizer, text), [])
  })
})

describe('applying spans', () => {
  test('spans are replaced by a visible marker with the reason; bad spans are found', () => {
    const text = '山田さんと株式会社X'
    const out = applyRedactions(text, [
      { start: 0, end: 2, reason: '7-2' },
      { start: 5, end: 10, reason: '7-3' },
    ])
    assert.equal(out, '■■■（条例第7条第2号）さんと■■■（条例第7条第3号）')
    const span = (start: number, end: number) => ({
      start,
      end,
      type: 'person' as const,
      reason: '7-2' as const,
    })
    assert.equal(spanProblem(text, [span(0, 2), span(1, 3)]), 'overlap')
    assert.equal(spanProblem(text, [span(8, 11)]), 'range')
    assert.equal(spanProblem(text, [span(2, 2)]), 'range')
    assert.equal(spanProblem(text, [span(0, 2), span(5, 10)]), null)
  })
})

describe('evaluation', () => {
  test('on a generated sample the engine finds every entity and masks all of it', () => {
    const docs = generatedDocuments(40, 7)
    const result = score(
      docs,
      docs.map((d) => redactWith(tokenizer, d.text, { allowlist: d.allowlist })),
    )
    assert.equal(result.masked.covered, result.masked.gold)
    for (const s of result.byType)
      assert.ok(s.precision >= 0.9, `${s.type} precision ${s.precision}`)
  })
})

describe('CLI', () => {
  test('npx kaikaku redact --json FILE prints spans in the file text and the redacted text', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kaikaku-redact-'))
    const file = path.join(dir, 'minutes.txt')
    writeFileSync(file, '○山田委員　電話は０３－１２３４－５６７８です。')
    const out = execFileSync(process.execPath, ['bin/kaikaku.mjs', 'redact', '--json', file], {
      encoding: 'utf8',
    })
    assert.deepEqual(JSON.parse(out), {
      spans: [
        { start: 1, end: 3, type: 'person', reason: '7-2' },
        { start: 9, end: 21, type: 'phone', reason: '7-2' },
      ],
      text: '○■■■（条例第7条第2号）委員　電話は■■■（条例第7条第2号）です。',
    })
  })
})
