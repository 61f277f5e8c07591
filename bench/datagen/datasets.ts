import { withTransaction } from '../../src/db/transaction.ts'
import {
  addUploadedResource,
  createDataset,
  setVisibility,
} from '../../src/modules/disclosure/catalogue.service.ts'
import type { Context } from './generate.ts'
import { int, pick, prng, TOPICS } from './japanese.ts'

export const GENERATED_DATASET = 'gen-dataset-'
const BATCH = 50
const KINDS = ['統計', '一覧', '実績', '調査結果', '補助金交付決定', '相談件数', '名簿（公開分）']
const TAGS = [
  '観光',
  '補助金',
  '中小企業',
  '融資',
  '職業訓練',
  '労働相談',
  '統計',
  '予算',
  '農業',
  '雇用',
]

/** Open-data datasets with an uploaded CSV resource; nine in ten are published (public). */
export async function generateDatasets(ctx: Context) {
  const { db, scale } = ctx
  const target = scale.datasets
  const existing = Number(
    (
      await db
        .selectFrom('opendata_datasets')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('name', 'like', `${GENERATED_DATASET}%`)
        .executeTakeFirstOrThrow()
    ).n,
  )
  const officer = await ctx.actor('disclosure_officer')
  const units = await db.selectFrom('units').select('id').where('kind', '=', 'department').execute()
  for (let start = existing; start < target; start += BATCH) {
    await withTransaction(db, async (trx) => {
      for (let i = start; i < Math.min(target, start + BATCH); i++) {
        const rnd = prng(3_000_000 + i)
        const topic = pick(rnd, TOPICS)
        const dataset = await createDataset(trx, officer, {
          name: `${GENERATED_DATASET}${i}`,
          title: `${topic}に関する${pick(rnd, KINDS)}（${2015 + (i % 10)}年度）`,
          notes: `${topic}について、局が保有するデータを公開します。`,
          unitId: units[i % units.length]!.id,
          licenseId: i % 3 ? 'cc-by-4.0' : 'jp-pdl-1.0',
          tags: [pick(rnd, TAGS), pick(rnd, TAGS)].join(','),
          frequency: pick(rnd, ['annual', 'monthly', 'irregular']),
        })
        const rows = Array.from({ length: 20 }, (_, k) => `${2015 + k},${int(rnd, 1, 99999)}`)
        await addUploadedResource(
          trx,
          officer,
          dataset.id,
          { resourceName: 'データ（CSV）', resourceDescription: '' },
          {
            filename: 'data.csv',
            bytes: new TextEncoder().encode(`年度,件数\n${rows.join('\n')}\n`),
          },
        )
        if (i % 10 !== 0) {
          const { version } = await trx
            .selectFrom('opendata_datasets')
            .select('version')
            .where('id', '=', dataset.id)
            .executeTakeFirstOrThrow()
          await setVisibility(trx, officer, dataset.id, { visibility: 'public', version })
        }
      }
    })
    ctx.progress('datasets', Math.min(target, start + BATCH), target)
  }
  return { kind: 'datasets', target, existing, made: Math.max(0, target - existing) }
}
