// Helpers shared by this module's tests.
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import type { TestClient } from '../../testing/app.ts'
import { loadActor } from '../accounts/index.ts'
import { demoEmail } from '../org/index.ts'
import { createCampaign } from './campaigns.service.ts'
import { todayInTokyo } from './proposals.events.ts'
import type { Campaign } from './proposals.types.ts'

export async function actorFor(db: Db, role: string): Promise<Actor> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(role))
    .executeTakeFirstOrThrow()
  return (await loadActor(db, user.id))!
}

export const shift = (days: number) =>
  new Date(Date.parse(`${todayInTokyo()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/** An open campaign of the secretariat's, with a two-criterion rubric. */
export async function openCampaign(
  db: Db,
  overrides: Partial<Parameters<typeof createCampaign>[2]> = {},
): Promise<Campaign> {
  return createCampaign(db, await actorFor(db, 'hq_secretariat'), {
    kind: 'staff',
    title: 'テスト募集',
    description: '',
    audience: 'all',
    opensOn: shift(-1),
    closesOn: shift(10),
    requiresAdvice: false,
    rubric: {
      scaleMax: 5,
      criteria: [
        { key: 'effect', label: '効果', weight: 2 },
        { key: 'cost', label: '費用', weight: 1 },
      ],
    },
    reviewGroupId: null,
    reviewersPerProposal: 2,
    ...overrides,
  })
}

export const FOUR_FIELDS = {
  problem: '窓口での申請書の受付に時間がかかっている。',
  solution: '申請書の記入例をホームページに掲載する。',
  method: '各課の申請書を集めて記入例を作る。',
  caveats: '様式の改正に合わせて更新する。',
}

/** A multipart form post with the CSRF token, as the browser sends the proposal form. */
export async function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: { name: string; filename: string; bytes: Uint8Array }[] = [],
): Promise<Response> {
  if (!client.csrf) await client.get('/login')
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  for (const f of files)
    body.append(f.name, new File([f.bytes as Uint8Array<ArrayBuffer>], f.filename))
  body.set('_csrf', client.csrf)
  return client.request(path, { method: 'POST', body })
}

export const enc = (s: string) => new TextEncoder().encode(s)
