import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AppError } from '../../http/errors.ts'
import { scrubForBlindViewer, scrubJpeg, scrubPdf } from './attachments.ts'

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'))
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1')

test('PDF author fields are blanked without moving a byte', () => {
  const pdf =
    '%PDF-1.4\n1 0 obj << /Author (Hanako \\(Sato\\)) /Author <FEFF4F50> /Title (T) >> endobj <dc:creator>X Y</dc:creator> %%EOF'
  const out = scrubPdf(bytes(pdf))
  assert.equal(out.length, pdf.length)
  assert.ok(
    !text(out).includes('Hanako') && !text(out).includes('4F50') && !text(out).includes('X Y'),
  )
  assert.ok(text(out).includes('/Title (T)'))
})

test('JPEG metadata segments are dropped, image data kept', () => {
  const jpeg = new Uint8Array([
    0xff, 0xd8, 0xff, 0xe1, 0, 6, 0x45, 0x78, 0x69, 0x66, 0xff, 0xdb, 0, 3, 9, 0xff, 0xda, 0, 2, 1,
    2, 0xff, 0xd9,
  ])
  const out = scrubJpeg(jpeg)
  assert.deepEqual([...out], [0xff, 0xd8, 0xff, 0xdb, 0, 3, 9, 0xff, 0xda, 0, 2, 1, 2, 0xff, 0xd9])
})

test('Office files are refused to blind viewers', () => {
  assert.throws(
    () =>
      scrubForBlindViewer(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        new Uint8Array(4),
      ),
    (e) => e instanceof AppError && e.status === 403,
  )
})
