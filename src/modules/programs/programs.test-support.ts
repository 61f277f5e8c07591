import { crc32, createDeflateRaw } from 'node:zlib'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/** A workbook whose first sheet holds these rows. */
export async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('事業')
  for (const row of rows) ws.addRow(row)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function csv(
  rows: (string | number | null)[][],
  encoding: 'utf-8' | 'utf-8-bom' | 'cp932' | 'utf-16le' | 'utf-16be',
): Buffer {
  const text = `${rows.map((r) => r.map((c) => (c === null ? '' : String(c).includes(',') ? `"${c}"` : String(c))).join(',')).join('\r\n')}\r\n`
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text)
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    case 'cp932':
      return iconv.encode(text, 'cp932')
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    case 'utf-16be':
      return iconv.encode(text, 'utf-16be')
  }
}

async function deflateZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (c: Buffer) => out.push(c))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const chunk = Buffer.alloc(1024 * 1024)
  for (let i = 0; i < bytes / chunk.length; i++) {
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r))
  }
  deflate.end()
  await done
  return Buffer.concat(out)
}

/**
 * A zip bomb dressed as a workbook: one deflated entry of `bytes` zeros. With `lie`, the
 * headers declare 1 KB, so only counting while inflating can catch it.
 */
export async function zipBomb(bytes: number, lie = false): Promise<Buffer> {
  const data = await deflateZeros(bytes)
  const zeros = Buffer.alloc(1024 * 1024)
  let crc = 0
  for (let i = 0; i < bytes / zeros.length; i++) crc = crc32(zeros, crc)
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const declared = lie ? 1024 : bytes
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(declared, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(name.length, 28)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(46 + name.length, 12)
  end.writeUInt32LE(30 + name.length + data.length, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

export const HEADER = [
  '予算事業ID',
  '事業名',
  '事業年度',
  '所管部局',
  '所管課',
  '政策分野',
  '事業開始年度',
  '創設の契機',
  '事業終了（予定）年度',
  '当初予算額（千円）',
  '補正予算額（千円）',
  '歳出予算現額（千円）',
  '執行額（千円）',
  '執行率',
  '翌年度要求額（千円）',
]
