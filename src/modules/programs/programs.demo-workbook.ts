import { SEED_PROGRAMS } from './programs.seed-data.ts'

const ERA_NAMES = (year: number) =>
  year >= 2019
    ? `令和${year === 2019 ? '元' : year - 2018}年度`
    : year >= 1989
      ? `平成${year === 1989 ? '元' : year - 1988}年度`
      : `昭和${year - 1925}年度`

/**
 * The demo bureau's FY2016 (平成28年度) workbook, as a department would send it: a title and
 * 「（単位：千円）」 above the table, 和暦 years, amounts partly written as text, and two
 * programmes the registry does not know yet. `docs/samples/programs-demo.xlsx` is this file.
 */
export async function demoWorkbook(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  wb.created = new Date('2016-09-16T00:00:00+09:00')
  const ws = wb.addWorksheet('平成28年度 事業一覧')
  ws.addRow(['産業労働局 事業一覧（平成28年度）'])
  ws.addRow(['（単位：千円）'])
  ws.addRow([
    '予算事業ID',
    '事業名',
    '事業年度',
    '所管部局',
    '所管課',
    '政策分野',
    '事業開始年度',
    '創設の契機',
    '事業終了（予定）年度',
    '当初予算額',
    '補正予算額',
    '歳出予算現額',
    '執行額',
    '執行率',
    '翌年度要求額',
    '成果指標',
    '成果目標値',
    '成果実績値',
    '官民の役割分担',
  ])
  const departments: Record<string, string> = {
    somu: '総務部',
    shoko: '商工部',
    kinyu: '金融部',
    kanko: '観光部',
    norin: '農林水産部',
    koyo: '雇用就業部',
  }
  const rows = [
    ...SEED_PROGRAMS.filter((p) => p.end === null || p.end >= 2016),
    {
      code: 'SR-KANKO-007',
      department: 'kanko',
      section: '振興課',
      name: '東京2020大会に向けた観光ボランティア育成事業',
      area: 'tourism' as const,
      start: 2016,
      origin: null,
      end: 2020,
      budget: 240_000,
      rates: [0, 0, 0.74] as [number, number, number],
    },
    {
      code: 'SR-KOYO-008',
      department: 'koyo',
      section: '労働環境課',
      name: 'テレワーク導入促進事業',
      area: 'diversity' as const,
      start: 2016,
      origin: null,
      end: 2019,
      budget: 180_000,
      rates: [0, 0, 0.52] as [number, number, number],
    },
  ]
  rows.forEach((p, i) => {
    const crisis = p.origin !== null
    const rate = Math.max(0.05, p.rates[2] - (crisis ? 0.08 : -0.01))
    const budget = Math.round(p.budget * 1.01)
    const initial = Math.round(budget * 0.95)
    const executed = Math.round(budget * rate)
    ws.addRow([
      p.code,
      p.name,
      '平成28年度',
      departments[p.department],
      p.section,
      p.area === 'industry'
        ? '産業力の強化'
        : p.area === 'tourism'
          ? '観光都市東京'
          : p.area === 'agriculture'
            ? '都市農業・林業'
            : p.area === 'diversity'
              ? 'ダイバーシティ'
              : '',
      ERA_NAMES(p.start),
      p.origin ?? '',
      p.end === null ? '' : ERA_NAMES(p.end),
      // Some amounts arrive as text, as they do from other systems.
      i % 3 === 0 ? initial.toLocaleString('ja-JP') : initial,
      budget - initial,
      i % 4 === 0 ? `${budget}.0` : budget,
      executed,
      `${(rate * 100).toFixed(1)}%`,
      Math.round(budget * (rate < 0.6 ? 0.8 : 1.03)),
      p.outcome?.[0] ?? '',
      p.outcome?.[1] ?? '',
      p.outcome ? Math.round(p.outcome[2] * 1.05) : '',
      p.role ?? '',
    ])
  })
  ws.getRow(3).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
