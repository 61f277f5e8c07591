/**
 * The survey's workbook: the template a unit fills in (one row per medium), and reading it back.
 * An uploaded xlsx is checked as a zip before exceljs inflates it (zip bombs are refused).
 */
import { Readable } from 'node:stream'
import type ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import { translator } from '../../i18n/index.ts'
import type { ProgramRef } from './pr.lookups.ts'
import { type Audience, CHANNELS, REACH_METRICS } from './pr.types.ts'

export const XLSX_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxUnzipped: 50 * 1024 * 1024,
  maxRows: 5000,
}

/** The columns of the template, in order, with the field each fills. */
export const COLUMNS = [
  ['name', '媒体名'],
  ['channel', '種別'],
  ['url', 'URL'],
  ['audiences', '対象者'],
  ['programs', '対象事業'],
  ['costPerYear', '年間経費（円）'],
  ['reachMetric', '到達指標'],
  ['reachValue', '到達数'],
  ['reachFrom', '集計期間（開始）'],
  ['reachTo', '集計期間（終了）'],
  ['printRun', '発行部数'],
  ['stock', '在庫数'],
  ['description', '説明'],
] as const
export type Column = (typeof COLUMNS)[number][0]

export class WorkbookRefused extends Error {
  constructor(readonly key: 'pr.import.unreadable' | 'pr.import.zipBomb' | 'pr.import.noHeader') {
    super(key)
  }
}

/** Reads the zip's directory and refuses archives that declare or expand to too much. */
async function checkZip(bytes: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
      err ? reject(new WorkbookRefused('pr.import.unreadable')) : resolve(z),
    ),
  )
  const entries: yauzl.Entry[] = []
  await new Promise<void>((resolve, reject) => {
    let declared = 0
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize
      if (entries.length > 500 || declared > XLSX_LIMITS.maxUnzipped) {
        zip.close()
        return reject(new WorkbookRefused('pr.import.zipBomb'))
      }
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', () => reject(new WorkbookRefused('pr.import.unreadable')))
    zip.readEntry()
  })
  let total = 0
  for (const entry of entries.filter((e) => !e.fileName.endsWith('/'))) {
    await new Promise<void>((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(new WorkbookRefused('pr.import.unreadable'))
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length
          if (total > XLSX_LIMITS.maxUnzipped) {
            stream.destroy()
            reject(new WorkbookRefused('pr.import.zipBomb'))
          }
        })
        stream.on('error', () => reject(new WorkbookRefused('pr.import.zipBomb')))
        stream.on('end', () => resolve())
      }),
    )
  }
  zip.close()
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value).trim()
}

/** The first sheet's rows below the header, as records keyed by column, with their row numbers. */
export async function readSurveyWorkbook(
  bytes: Uint8Array,
): Promise<{ row: number; values: Record<Column, string> }[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  await checkZip(buffer)
  const rows: string[][] = []
  try {
    const { default: Excel } = await import('exceljs')
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    })
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > XLSX_LIMITS.maxRows) throw new WorkbookRefused('pr.import.zipBomb')
        const values = row.values as ExcelJS.CellValue[]
        rows[row.number - 1] = Array.from({ length: values.length - 1 }, (_, i) =>
          cellText(values[i + 1]),
        )
      }
      break
    }
  } catch (error) {
    if (error instanceof WorkbookRefused) throw error
    throw new WorkbookRefused('pr.import.unreadable')
  }
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')
  const header = (rows[0] ?? []).map(norm)
  const index = new Map(COLUMNS.map(([key, label]) => [key, header.indexOf(norm(label))]))
  if (index.get('name')! < 0 || index.get('channel')! < 0)
    throw new WorkbookRefused('pr.import.noHeader')
  const out: { row: number; values: Record<Column, string> }[] = []
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? []
    if (cells.every((c) => !c)) continue
    const values = Object.fromEntries(
      COLUMNS.map(([key]) => [key, cells[index.get(key)!] ?? '']),
    ) as Record<Column, string>
    out.push({ row: i + 1, values })
  }
  return out
}

/** A blank survey workbook with the choices on a second sheet. */
export async function surveyTemplate(audiences: Audience[], programs: ProgramRef[]) {
  const t = translator('ja')
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  const sheet = workbook.addWorksheet('広報媒体')
  sheet.addRow(COLUMNS.map(([, label]) => label)).font = { bold: true }
  sheet.columns.forEach((column) => {
    column.width = 18
  })
  const choices = workbook.addWorksheet('選択肢')
  choices.addRow(['種別', '到達指標', '対象者', '対象事業（ID）', '事業名']).font = { bold: true }
  const longest = Math.max(CHANNELS.length, audiences.length, programs.length)
  for (let i = 0; i < longest; i++) {
    const channel = CHANNELS[i]
    const metric = REACH_METRICS[i]
    choices.addRow([
      channel ? t(`pr.channel.${channel}`) : '',
      metric ? t(`pr.metric.${metric}`) : '',
      audiences[i]?.name ?? '',
      programs[i]?.code ?? '',
      programs[i]?.name ?? '',
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
