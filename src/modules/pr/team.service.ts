/** The PR project team (情報発信PT) as the org module keeps it, with the seed's rule checked there. */
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { listGroups, prTeamRule } from '../org/index.ts'
import { canViewPr } from './pr.policy.ts'

export type PrTeamRule = Awaited<ReturnType<typeof prTeamRule>>[number]

export async function getPrTeam(db: Db, actor: Actor | null) {
  authorize(actor, canViewPr)
  const team = (await listGroups(db, actor)).find((g) => g.kind === 'pr_team') ?? null
  const rule = await prTeamRule(db, actor)
  return { team, rule, breaking: rule.filter((r) => !r.holds).map((r) => r.departmentName) }
}
