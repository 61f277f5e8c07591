import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import { insertAction } from './actions.service.ts'
import { insertAudience, writeTargets } from './audiences.service.ts'
import { insertMedium } from './media.service.ts'
import { programCatalogue, unitDirectory } from './pr.lookups.ts'
import { SEED_ANSWERED, SEED_AUDIENCES, SEED_MEDIA, SEED_TARGETS } from './pr.seed-data.ts'
import { insertSurvey } from './survey.service.ts'

/** Reads the organisation and the registry while seeding; nothing is written in its name. */
const SEED_READER: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'seed@kaikaku.invalid',
  displayName: 'seed',
  personId: null,
  locale: 'ja',
  grants: [{ role: 'admin', scopeUnitId: null, scopePath: null }],
}

/**
 * The demo inventory of part ②: the audience taxonomy, programme targets, the survey of
 * mid-September to early October with its answers so far, the media, and one action.
 */
export async function seedPr(trx: Db, unitIdByCode: Map<string, string>, fiscalYear: number) {
  const audienceIds = new Map<string, string>()
  for (const name of SEED_AUDIENCES) audienceIds.set(name, await insertAudience(trx, null, name))
  const { programs } = await programCatalogue(trx, SEED_READER)
  const programId = (code: string) => {
    const p = programs.find((x) => x.code === code)
    if (!p) throw new Error(`pr seed: no programme ${code}`)
    return p.id
  }
  for (const [code, names] of Object.entries(SEED_TARGETS))
    await writeTargets(
      trx,
      null,
      programId(code),
      names.map((n) => audienceIds.get(n)!),
    )
  const dir = await unitDirectory(trx, SEED_READER)
  const surveyId = await insertSurvey(trx, null, dir, {
    title: `${fiscalYear}年度 広報媒体の局内現状調査`,
    opensOn: `${fiscalYear}-09-12`,
    closesOn: `${fiscalYear}-10-07`,
  })
  const unit = (code: string) => {
    const id = unitIdByCode.get(code)
    if (!id) throw new Error(`pr seed: no unit ${code}`)
    return id
  }
  for (const medium of SEED_MEDIA)
    await insertMedium(trx, null, {
      unitId: unit(medium.unit),
      name: medium.name,
      channel: medium.channel,
      url: medium.url ?? null,
      description: medium.description ?? '',
      costPerYear: medium.cost ?? null,
      printRun: medium.print?.[0] ?? null,
      stock: medium.print?.[1] ?? null,
      reachMetric: medium.reach?.[0] ?? null,
      reachValue: medium.reach?.[1] ?? null,
      reachFrom: medium.reach ? `${fiscalYear - 1}-04-01` : null,
      reachTo: medium.reach ? `${fiscalYear}-03-31` : null,
      audienceIds: medium.audiences.map((a) => audienceIds.get(a)!),
      programIds: medium.programs.map(programId),
    })
  await trx
    .updateTable('pr_survey_units')
    .set({ answered_at: new Date(`${fiscalYear}-10-03T09:00:00+09:00`) })
    .where('survey_id', '=', surveyId)
    .where('unit_id', 'in', SEED_ANSWERED.map(unit))
    .execute()
  await insertAction(
    trx,
    null,
    {
      kind: 'merge',
      title: '中小企業向け支援策ガイドブックと制度融資リーフレットの統合',
      finding: '同じ事業・同じ対象者（中小企業）に、商工部と金融部がそれぞれ冊子を発行している。',
      programId: programId('SR-KINYU-002'),
      audienceId: audienceIds.get('中小企業')!,
      ownerUnitId: unit('shoko-keiei'),
      dueOn: `${fiscalYear}-12-20`,
      status: 'planned',
    },
    `${fiscalYear}-11-01`,
  )
  return { surveyId, media: SEED_MEDIA.length }
}
