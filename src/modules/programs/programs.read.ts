import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
// exceljs takes a second or more to load: it is imported when a workbook is read, not at start-up.
import type ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import yauzl from 'yauzl'

/** Limits on an uploaded file, checked before anything is parsed. */
export const IMPORT_LIMITS = {
  /** The file itself (the HTTP body limit is app-wide; this is the importer's own cap). */
  maxBytes: 20 * 1024 * 1024,
  /** What an xlsx may expand to, in total, declared and actual. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Expansion of one entry beyond this ratio (and 1 MB) is a zip bomb. */
  maxRatio: 200,
  maxEntries: 2000,
  maxRows: 200_000,
}

export class FileRefused extends Error {
  constructor(
    readonly reason: 'tooLarge' | 'zipBomb' | 'unreadable' | 'empty',
    detail = '',
  ) {
    super(`${reason}${detail ? `: ${detail}` : ''}`)
  }
}

export type Encoding = 'utf-8' | 'cp932' | 'utf-16le' | 'utf-16be'

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/** Which encoding a CSV is in: a BOM decides; else UTF-16 by its zero bytes, UTF-8 if valid, else CP932. */
export function detectEncoding(bytes: Uint8Array): { encoding: Encoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  const sample = bytes.subarray(0, 4096)
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  // ASCII in UTF-16 has a zero byte in every other position.
  if (oddZeros > sample.length / 8 && oddZeros > evenZeros * 4)
    return { encoding: 'utf-16le', bomLength: 0 }
  if (evenZeros > sample.length / 8 && evenZeros > oddZeros * 4)
    return { encoding: 'utf-16be', bomLength: 0 }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { encoding: 'utf-8', bomLength: 0 }
  } catch {
    return { encoding: 'cp932', bomLength: 0 }
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const { encoding, bomLength } = detectEncoding(bytes)
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + bomLength, bytes.length - bomLength)
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding)
  return { text, encoding }
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(new FileRefused('unreadable', err.message)) : resolve(zip),
    ),
  )
}

/**
 * Reads the zip's central directory, then inflates every entry while counting bytes, so that
 * an archive whose declared sizes are too large, or whose data expands beyond what it
 * declares, is refused before exceljs (which inflates everything in memory) sees it.
 */
export async function checkZip(bytes: Buffer): Promise<void> {
  const zip = await openZip(bytes)
  const entries: yauzl.Entry[] = []
  await new Promise<void>((resolve, reject) => {
    let declared = 0
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (
        entries.length >= IMPORT_LIMITS.maxEntries ||
        declared > IMPORT_LIMITS.maxUnzippedBytes ||
        (entry.uncompressedSize > 1024 * 1024 && ratio > IMPORT_LIMITS.maxRatio)
      ) {
        zip.close()
        reject(new FileRefused('zipBomb', `${entry.fileName}: ${entry.uncompressedSize} bytes`))
        return
      }
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', (e: Error) => reject(new FileRefused('unreadable', e.message)))
    zip.readEntry()
  })
  let total = 0
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue
    await new Promise<void>((resolve, reject) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(new FileRefused('unreadable', err.message))
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length
          if (total > IMPORT_LIMITS.maxUnzippedBytes) {
            stream.destroy()
            reject(new FileRefused('zipBomb', 'expands beyond the limit'))
          }
        })
        // yauzl itself fails a stream that expands beyond its declared size.
        stream.on('error', (e: Error) => reject(new FileRefused('zipBomb', e.message)))
        stream.on('end', () => resolve())
      })
    })
  }
  zip.close()
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return String(value)
}

/**
 * The first worksheet through exceljs's streaming reader (styles and hyperlinks skipped): it
 * reads the sheet's XML once instead of building a whole workbook model.
 */
async function readXlsx(bytes: Buffer): Promise<string[][]> {
  await checkZip(bytes)
  const rows: string[][] = []
  try {
    const { default: Excel } = await import('exceljs')
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    })
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > IMPORT_LIMITS.maxRows) throw new FileRefused('tooLarge', 'rows')
        const values = row.values as ExcelJS.CellValue[]
        const out: string[] = []
        for (let i = 1; i < values.length; i++) out.push(cellText(values[i]))
        rows[row.number - 1] = out
      }
      break
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error
    throw new FileRefused('unreadable', (error as Error).message)
  }
  if (rows.length === 0) throw new FileRefused('empty')
  for (let i = 0; i < rows.length; i++) rows[i] ??= []
  return rows
}

function readCsv(bytes: Uint8Array): string[][] {
  const { text } = decodeText(bytes)
  try {
    const rows: string[][] = parse(text, {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      delimiter: text.split('\n', 1)[0]!.includes('\t') ? '\t' : ',',
    })
    if (rows.length > IMPORT_LIMITS.maxRows) throw new FileRefused('tooLarge', 'rows')
    return rows
  } catch (error) {
    if (error instanceof FileRefused) throw error
    throw new FileRefused('unreadable', (error as Error).message)
  }
}

/** A file's first sheet (xlsx) or its records (CSV, any of the usual encodings) as rows of text. */
export async function readTable(bytes: Uint8Array): Promise<string[][]> {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw new FileRefused('tooLarge')
  if (bytes.length === 0) throw new FileRefused('empty')
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  return isZip(bytes) ? readXlsx(buffer) : readCsv(bytes)
}
