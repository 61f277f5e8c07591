import type { Db } from '../../db/schema.ts'
import { loadActor } from '../accounts/index.ts'
import { demoEmail } from '../org/index.ts'
import {
  addGeneratedResource,
  addUploadedResource,
  createDataset,
  getDataset,
  setVisibility,
} from './catalogue.service.ts'
import { addDays, todayInTokyo } from './dates.ts'
import { createHolding } from './holdings.service.ts'
import { createRequest, decideRequest, extendRequest } from './requests.service.ts'

/** Requests of the demo (③ オープンリソースの充実: topics asked for again and again). */
const REQUESTS = [
  {
    subject: '観光振興補助金の交付決定一覧（令和6年度）',
    unit: 'kanko-shinko',
    type: 'press',
    daysAgo: 150,
    decision: 'partially_disclosed',
  },
  {
    subject: '観光振興補助金 交付決定の一覧（令和6年度分）',
    unit: 'kanko-shinko',
    type: 'company',
    daysAgo: 90,
    decision: 'disclosed',
  },
  {
    subject: '令和6年度 観光振興補助金の交付決定一覧',
    unit: 'kanko-shinko',
    type: 'individual',
    daysAgo: 20,
    decision: null,
  },
  {
    subject: '中小企業制度融資の利用実績（業種別）',
    unit: 'kinyu',
    type: 'organisation',
    daysAgo: 45,
    decision: 'disclosed',
  },
  {
    subject: '職業能力開発センターの委託訓練契約書',
    unit: 'koyo',
    type: 'company',
    daysAgo: 30,
    decision: null,
  },
  {
    subject: '産業労働局 公用車の運行記録',
    unit: 'somu',
    type: 'individual',
    daysAgo: 8,
    decision: null,
  },
] as const

const HOLDINGS = [
  {
    unit: 'off-ikebukuro',
    title: '労働相談記録',
    kind: 'personal',
    subjects: '労働相談の相談者',
    purpose: '相談対応と継続相談のため（労働相談事業）',
    storage: 'shared_server',
    years: 5,
  },
  {
    unit: 'off-ikebukuro',
    title: 'セミナー参加者名簿（過年度分）',
    kind: 'personal',
    subjects: '労働セミナーの参加者',
    purpose: '',
    storage: 'local_pc',
    years: -1,
  },
  {
    unit: 'off-ikebukuro',
    title: 'あっせん事案の企業担当者連絡先',
    kind: 'corporate',
    subjects: 'あっせん対象企業の担当者',
    purpose: '労使紛争のあっせん手続のため',
    storage: 'external_media',
    years: 3,
  },
  {
    unit: 'kanko-shinko',
    title: '観光振興補助金 申請者情報',
    kind: 'corporate',
    subjects: '補助金を申請した事業者と代表者',
    purpose: '補助金の審査・交付・検査のため',
    storage: 'shared_server',
    years: 10,
  },
  {
    unit: 'kinyu',
    title: '制度融資 利用企業一覧',
    kind: 'corporate',
    subjects: '制度融資を利用した中小企業',
    purpose: '融資実績の把握と損失補償のため',
    storage: 'cloud',
    years: 10,
  },
] as const

/** The demo's disclosure log, catalogue and register, made by the demo officer through the services. */
export async function seedDisclosure(db: Db): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail('disclosure_officer'))
    .executeTakeFirst()
  const actor = user && (await loadActor(db, user.id))
  if (!actor) return
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  )
  const today = todayInTokyo()
  for (const r of REQUESTS) {
    const request = await createRequest(db, actor, {
      subject: r.subject,
      unitId: units.get(r.unit),
      requesterType: r.type,
      receivedOn: addDays(today, -r.daysAgo),
    })
    if (r.unit === 'koyo')
      await extendRequest(db, actor, request.id, {
        extendedTo: addDays(request.receivedOn, 45),
        extensionReason: '対象文書が大量であり、第三者への意見照会を要するため',
        version: request.version,
      })
    if (r.decision)
      await decideRequest(db, actor, request.id, {
        decision: r.decision,
        decidedOn: addDays(request.receivedOn, 12),
        version: request.version,
      })
  }

  const programs = await createDataset(db, actor, {
    name: 'sanro-programs',
    title: '産業労働局 予算事業一覧',
    notes: '事業の点検・見直しの対象となる予算事業の一覧（最新年度）。予算額と執行額を含みます。',
    unitId: units.get('somu'),
    licenseId: 'cc-by-4.0',
    tags: '予算, 事業評価',
    frequency: 'annual',
  })
  await addGeneratedResource(db, actor, programs.id, { generator: 'programs', format: 'CSV' })
  await addGeneratedResource(db, actor, programs.id, { generator: 'programs', format: 'XLSX' })
  const meetings = await createDataset(db, actor, {
    name: 'sanro-council-meetings',
    title: '審議会等の会議開催一覧',
    notes: '局所管の審議会等の会議の開催日時、場所、公開・非公開の別。',
    unitId: units.get('somu'),
    licenseId: 'jp-pdl-1.0',
    tags: '審議会, 会議',
    frequency: 'monthly',
  })
  await addGeneratedResource(db, actor, meetings.id, { generator: 'meetings', format: 'CSV' })
  await addGeneratedResource(db, actor, meetings.id, { generator: 'meetings', format: 'JSON' })
  const survey = await createDataset(db, actor, {
    name: 'kanko-visitor-survey',
    title: '観光客数等実態調査（エクセル版）',
    notes:
      '統計・調査のページに掲載している観光客数等実態調査の集計表（推進方針③：エクセルデータでの公開）。',
    unitId: units.get('kanko-kikaku'),
    licenseId: 'cc-by-4.0',
    tags: '観光, 統計',
    frequency: 'annual',
  })
  const csv =
    '\uFEFF年,訪都外国人旅行者数（万人）,訪都国内旅行者数（万人）\r\n2023,1954,54366\r\n2024,2478,55290\r\n'
  await addUploadedResource(
    db,
    actor,
    survey.id,
    { resourceName: '観光客数の推移' },
    {
      filename: 'kanko-visitors.csv',
      bytes: new TextEncoder().encode(csv),
    },
  )
  for (const d of [programs, meetings, survey]) {
    const { version } = await getDataset(db, actor, d.id)
    await setVisibility(db, actor, d.id, { visibility: 'public', version })
  }

  for (const h of HOLDINGS) {
    await createHolding(db, actor, {
      unitId: units.get(h.unit),
      holdingTitle: h.title,
      dataKind: h.kind,
      subjects: h.subjects,
      purpose: h.purpose,
      storage: h.storage,
      retentionUntil: addDays(today, h.years * 365),
      owner: '所属長',
    })
  }
}
