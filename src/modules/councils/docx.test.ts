import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { AppError } from '../../http/errors.ts'
import { documentXmlToText, docxToText } from './docx.ts'
import { docx, zip } from './zip.test-support.ts'

const fieldKey = (error: unknown) => {
  assert.ok(error instanceof AppError, String(error))
  return error.fields.minutesFile?.[0]?.key
}

describe('.docx minutes', () => {
  test('paragraphs, tabs, breaks and entities come out as text', async () => {
    assert.equal(
      documentXmlToText(
        '<w:body><w:p><w:r><w:t>○山田委員</w:t><w:tab/><w:t>A &amp; B</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>一行目</w:t><w:br/><w:t>&#x4E8C;行目</w:t></w:r></w:p></w:body>',
      ),
      '○山田委員\tA & B\n\n一行目\n二行目',
    )
    assert.equal(
      await docxToText(docx(['第1回 議事録', '○会長　開会します。'])),
      '第1回 議事録\n○会長　開会します。',
    )
  })
  test('garbage, a zip without a document, an empty document and a bomb are refused', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert.equal(fieldKey(await docxToText(garbage).catch((e) => e)), 'councils.error.badDocx')
    const noDocument = zip([{ name: 'hello.txt', data: 'hi' }])
    assert.equal(fieldKey(await docxToText(noDocument).catch((e) => e)), 'councils.error.badDocx')
    assert.equal(fieldKey(await docxToText(docx([])).catch((e) => e)), 'councils.error.emptyDocx')
    // 64 MB of zeros compress to ~64 KB; the reader stops at its limit without inflating it all.
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const bomb = zip([{ name: 'word/document.xml', data: zeros }])
    assert.ok(bomb.length < 200_000)
    const before = process.memoryUsage().rss
    assert.equal(
      fieldKey(await docxToText(bomb, 1024 * 1024).catch((e) => e)),
      'councils.error.badDocx',
    )
    // A bomb that lies about its size in the directory is stopped while it inflates.
    const liar = zip([{ name: 'word/document.xml', data: zeros, declaredSize: 100 }])
    assert.equal(
      fieldKey(await docxToText(liar, 1024 * 1024).catch((e) => e)),
      'councils.error.badDocx',
    )
    assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024)
  })
})
