import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Hono } from 'hono'
import type { AppEnv } from '../http/context.ts'
import { AppError } from '../http/errors.ts'
import { fileDownload, formWithFiles } from '../http/upload.ts'
import { createTestApp, type TestApp } from '../testing/app.ts'
import { cleanFilename, detectFileKind, readStoredFile, storeFile } from './index.ts'

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')
const policy = { maxBytes: 1024, kinds: ['pdf', 'csv'] as const }

let t: TestApp
before(async () => {
  t = await createTestApp({ env: { KAIKAKU_UPLOAD_MAX_MB: '3' } })
})
after(() => t.close())

function fieldKeyOf(error: unknown, field: string): string | undefined {
  assert.ok(error instanceof AppError)
  return error.fields[field]?.[0]?.key
}

describe('stored files', () => {
  test('a file is stored with its type, size and hash, and read back byte for byte', async () => {
    const info = await storeFile(
      t.database.db,
      null,
      'file',
      { filename: 'C:\\資料\\議事録.pdf', bytes: pdf },
      policy,
    )
    assert.equal(info.filename, '議事録.pdf')
    assert.equal(info.contentType, 'application/pdf')
    assert.equal(info.size, pdf.length)
    assert.match(info.sha256, /^[0-9a-f]{64}$/)
    const read = await readStoredFile(t.database.db, info.id)
    assert.deepEqual(Buffer.from(read!.bytes), Buffer.from(pdf))
  })

  test('empty, oversized and disguised files are refused for their field, and nothing is stored', async () => {
    const before = await t.database.db.selectFrom('stored_files').select('id').execute()
    const cases = [
      [{ filename: 'a.pdf', bytes: new Uint8Array() }, 'files.empty'],
      [{ filename: 'a.pdf', bytes: new Uint8Array(2048).fill(0x25) }, 'files.tooLarge'],
      [{ filename: 'a.exe', bytes: pdf }, 'files.typeNotAllowed'],
      [
        { filename: 'virus.pdf', bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) },
        'files.typeNotAllowed',
      ],
      [{ filename: 'data.csv', bytes: new Uint8Array([0x61, 0, 0x62]) }, 'files.typeNotAllowed'],
    ] as const
    for (const [file, key] of cases) {
      const error = await storeFile(t.database.db, null, 'attachment', file, policy).catch((e) => e)
      assert.equal(fieldKeyOf(error, 'attachment'), key, file.filename)
    }
    const afterRows = await t.database.db.selectFrom('stored_files').select('id').execute()
    assert.equal(afterRows.length, before.length)
  })

  test('kinds are told by name and content together', () => {
    assert.equal(detectFileKind('a.PDF', pdf), 'pdf')
    assert.equal(detectFileKind('a.xlsx', pdf), undefined)
    assert.equal(detectFileKind('utf16.csv', new Uint8Array([0xff, 0xfe, 0x61, 0])), 'csv')
    assert.equal(cleanFilename('../../etc/passwd'), 'passwd')
    assert.equal(cleanFilename('a\u0000b.txt'), 'ab.txt')
  })
})

describe('uploads over HTTP', () => {
  test('multipart bodies may exceed the 1 MB form limit up to the upload limit, then 413', async () => {
    const app = new Hono<AppEnv>()
    app.post('/echo', async (c) => {
      const { fields, files } = await formWithFiles(c)
      return c.json({ fields, sizes: (files.file ?? []).map((f) => f.bytes.length) })
    })
    const form = (size: number) => {
      const body = new FormData()
      body.set('title', '資料')
      body.set('file', new File([new Uint8Array(size)], 'big.pdf'))
      body.set('none', new File([], ''))
      return body
    }
    const res = await app.request('/echo', { method: 'POST', body: form(2 * 1024 * 1024) })
    const echoed = (await res.json()) as { fields: Record<string, string>; sizes: number[] }
    assert.equal(echoed.fields.title, '資料')
    assert.deepEqual(echoed.sizes, [2 * 1024 * 1024])

    // Through the real app: 2 MB multipart passes the limit (then the CSRF check answers),
    // 4 MB is over this app's 3 MB upload limit.
    const ok = await t.app.request('/org/units', { method: 'POST', body: form(2 * 1024 * 1024) })
    assert.notEqual(ok.status, 413)
    const big = await t.app.request('/org/units', { method: 'POST', body: form(4 * 1024 * 1024) })
    assert.equal(big.status, 413)
  })

  test('a download keeps a Japanese file name and is never sniffed', async () => {
    const app = new Hono<AppEnv>()
    app.get('/f', (c) =>
      fileDownload(
        c,
        { filename: '議事録 "第1回".pdf', contentType: 'application/pdf', size: 3 },
        new Uint8Array([1, 2, 3]),
      ),
    )
    const res = await app.request('/f')
    assert.equal(res.headers.get('content-type'), 'application/pdf')
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename="___ __1__.pdf"; filename*=UTF-8''${encodeURIComponent('議事録 "第1回".pdf')}`,
    )
    assert.equal((await res.arrayBuffer()).byteLength, 3)
  })
})
