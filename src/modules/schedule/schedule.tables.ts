import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** A `date` column: written as 'YYYY-MM-DD', read back through `::text` in the queries. */
type DateColumn = ColumnType<string, string, string>

export interface ScheduleWorkstreamsTable {
  code: string
  name: string
  sort_order: Generated<number>
}

export interface ScheduleTasksTable {
  id: Generated<string>
  workstream_code: string
  theme: Generated<string>
  title: string
  starts_on: DateColumn
  ends_on: DateColumn
  milestone: Generated<boolean>
  owner_unit_id: string | null
  progress: Generated<number>
  source: string | null
  source_id: string | null
  href: string | null
  sort_order: Generated<number>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface ScheduleTaskDependenciesTable {
  task_id: string
  depends_on_id: string
}

export interface ScheduleTables {
  schedule_workstreams: ScheduleWorkstreamsTable
  schedule_tasks: ScheduleTasksTable
  schedule_task_dependencies: ScheduleTaskDependenciesTable
}
