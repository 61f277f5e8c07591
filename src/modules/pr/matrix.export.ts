/** The coverage matrix as a workbook: the matrix (media per cell), the findings, and the media. */
import { translator } from '../../i18n/index.ts'
import { findings } from './matrix.service.ts'
import type { Matrix, Medium } from './pr.types.ts'

export async function matrixWorkbook(matrix: Matrix, media: Medium[]): Promise<Buffer> {
  const t = translator('ja')
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  const overlapFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0B2' } } as const
  const gapFill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFCDD2' } } as const

  const sheet = workbook.addWorksheet('カバー状況')
  sheet.addRow([
    '予算事業ID',
    '事業名',
    '所管',
    '政策課題',
    ...matrix.audiences.map((a) => a.name),
  ]).font = { bold: true }
  for (const row of matrix.rows) {
    const added = sheet.addRow([
      row.code,
      row.name,
      row.departmentName,
      row.policyAreaName ?? '',
      ...row.cells.map((c) => (c.gap ? t('pr.matrix.gap') : c.media.map((m) => m.name).join('\n'))),
    ])
    row.cells.forEach((c, j) => {
      const cell = added.getCell(5 + j)
      cell.alignment = { wrapText: true, vertical: 'top' }
      if (c.overlap) cell.fill = overlapFill
      if (c.gap) cell.fill = gapFill
    })
  }
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 36 : 20
  })
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }]

  const list = workbook.addWorksheet('重複と漏れ')
  list.addRow(['区分', '事業', '対象者', '媒体（所管）']).font = { bold: true }
  for (const f of findings(matrix))
    list.addRow([
      f.kind === 'gap' ? t('pr.matrix.gap') : t('pr.matrix.overlap'),
      f.programName,
      f.audienceName,
      f.media.map((m) => `${m.name}（${m.unitName}）`).join('、'),
    ])

  const all = workbook.addWorksheet('広報媒体')
  all.addRow([
    '媒体名',
    '所管',
    '種別',
    '対象者',
    '対象事業',
    '年間経費（円）',
    '到達指標',
    '到達数',
    '集計期間（開始）',
    '集計期間（終了）',
    '発行部数',
    '在庫数',
    'URL',
  ]).font = { bold: true }
  for (const m of media)
    all.addRow([
      m.name,
      m.unitName,
      t(`pr.channel.${m.channel}`),
      m.audiences.map((a) => a.name).join('、'),
      m.programs.map((p) => p.code).join('、'),
      m.costPerYear,
      m.reachMetric ? t(`pr.metric.${m.reachMetric}`) : '',
      m.reachValue,
      m.reachFrom ?? '',
      m.reachTo ?? '',
      m.printRun,
      m.stock,
      m.url ?? '',
    ])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
