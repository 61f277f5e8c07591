export interface Workstream {
  code: string
  name: string
}

export interface ScheduleTask {
  id: string
  workstreamCode: string
  theme: string
  title: string
  startsOn: string
  endsOn: string
  milestone: boolean
  ownerUnitId: string | null
  ownerUnitName: string | null
  progress: number
  /** Set when another module keeps this task in step with its own data; read-only here. */
  source: string | null
  sourceId: string | null
  href: string | null
  version: number
  dependsOn: string[]
  /** Its period has ended and it is not finished. */
  overdue: boolean
}

/** What another module pushes onto the chart: the task is created or updated in place. */
export interface LinkedTaskInput {
  /** The pushing module and record kind, e.g. `proposals.campaign`. */
  source: string
  sourceId: string
  /** ①–⑤ */
  workstream: string
  title: string
  startsOn: string
  endsOn: string
  milestone?: boolean
  ownerUnitId?: string | null
  /** Where the task's own page is, e.g. `/proposals/campaigns/…`. */
  href?: string | null
  progress?: number
}
