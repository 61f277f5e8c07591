/**
 * The coverage matrix: programmes × audiences, each cell holding the media that reach both.
 * An overlap is one programme and audience served by several media of different units; a gap
 * is an audience a programme targets that no medium reaches.
 */
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { selectAudiences, selectTargets } from './audiences.service.ts'
import { programCatalogue, unitDirectory } from './pr.lookups.ts'
import { canViewPr, isPrDesk } from './pr.policy.ts'
import type { MatrixFilter } from './pr.schemas.ts'
import type { Channel, Matrix, MatrixCell, MatrixRow } from './pr.types.ts'

interface Link {
  program_id: string
  audience_id: string
  id: string
  name: string
  channel: Channel
  unit_id: string
  unit_name: string
}

async function selectLinks(db: Db, channel: Channel | null): Promise<Link[]> {
  let query = db
    .selectFrom('pr_media_programs as mp')
    .innerJoin('pr_media as m', 'm.id', 'mp.medium_id')
    .innerJoin('pr_media_audiences as ma', 'ma.medium_id', 'm.id')
    .innerJoin('units as u', 'u.id', 'm.unit_id')
    .select([
      'mp.program_id',
      'ma.audience_id',
      'm.id',
      'm.name',
      'm.channel',
      'm.unit_id',
      'u.name as unit_name',
    ])
  if (channel) query = query.where('m.channel', '=', channel)
  return query.orderBy('m.name').execute()
}

/** Pure: the cells of one programme's row from its targets and the links that reach it. */
export function matrixCells(
  audienceIds: string[],
  targeted: Set<string>,
  links: Link[],
): MatrixCell[] {
  return audienceIds.map((audienceId) => {
    const media = links
      .filter((l) => l.audience_id === audienceId)
      .map((l) => ({ id: l.id, name: l.name, unitName: l.unit_name, channel: l.channel }))
    const units = new Set(links.filter((l) => l.audience_id === audienceId).map((l) => l.unit_id))
    const isTargeted = targeted.has(audienceId)
    return {
      audienceId,
      targeted: isTargeted,
      media,
      overlap: media.length >= 2 && units.size >= 2,
      gap: isTargeted && media.length === 0,
    }
  })
}

export async function getMatrix(
  db: Db,
  actor: Actor | null,
  filter: MatrixFilter = {},
): Promise<Matrix & { canAct: boolean }> {
  authorize(actor, canViewPr)
  const { programs, fiscalYear } = await programCatalogue(db, actor, filter.department || null)
  const audiences = await selectAudiences(db, true)
  const targets = await selectTargets(db)
  const links = await selectLinks(db, filter.channel || null)
  const byProgram = new Map<string, Link[]>()
  for (const l of links) byProgram.set(l.program_id, [...(byProgram.get(l.program_id) ?? []), l])
  const rows: MatrixRow[] = programs
    .filter((p) => !filter.area || p.policyArea === filter.area)
    .map((p) => ({
      programId: p.id,
      code: p.code,
      name: p.name,
      departmentName: p.departmentName,
      policyAreaName: p.policyAreaName,
      cells: matrixCells(
        audiences.map((a) => a.id),
        targets.get(p.id) ?? new Set(),
        byProgram.get(p.id) ?? [],
      ),
    }))
  const cells = rows.flatMap((r) => r.cells)
  return {
    audiences,
    rows,
    fiscalYear,
    overlaps: cells.filter((c) => c.overlap).length,
    gaps: cells.filter((c) => c.gap).length,
    canAct: isPrDesk(actor),
  }
}

/** The choices the matrix can be filtered by: departments, channels in use, policy areas. */
export async function matrixFilterChoices(db: Db, actor: Actor | null) {
  authorize(actor, canViewPr)
  const dir = await unitDirectory(db, actor)
  const { programs } = await programCatalogue(db, actor)
  const areas = new Map<string, string>()
  for (const p of programs)
    if (p.policyArea) areas.set(p.policyArea, p.policyAreaName ?? p.policyArea)
  return {
    departments: dir.units.filter((u) => u.kind === 'department'),
    areas: [...areas].map(([code, name]) => ({ code, name })),
  }
}

export interface Finding {
  kind: 'overlap' | 'gap'
  programId: string
  programName: string
  audienceId: string
  audienceName: string
  media: MatrixCell['media']
}

/** The overlaps and gaps as a list, the way the secretariat works through them. */
export function findings(matrix: Matrix): Finding[] {
  const names = new Map(matrix.audiences.map((a) => [a.id, a.name]))
  return matrix.rows.flatMap((r) =>
    r.cells
      .filter((c) => c.overlap || c.gap)
      .map((c) => ({
        kind: c.gap ? ('gap' as const) : ('overlap' as const),
        programId: r.programId,
        programName: r.name,
        audienceId: c.audienceId,
        audienceName: names.get(c.audienceId) ?? '',
        media: c.media,
      })),
  )
}
