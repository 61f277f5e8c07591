import type { ColumnType, Generated, JSONColumnType } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json = ColumnType<unknown, string, string>

export interface AuditLogTable {
  seq: Generated<number>
  at: Timestamp
  actor_id: string | null
  action: string
  entity: string
  entity_id: string | null
  data: JSONColumnType<Record<string, unknown>>
  prev_hash: string
  hash: string
}

export interface NotificationsTable {
  id: Generated<string>
  user_id: string
  title: string
  body: Generated<string>
  link: string | null
  created_at: Timestamp
  read_at: Date | null
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

export interface JobsTable {
  id: Generated<string>
  kind: string
  payload: Json
  status: Generated<JobStatus>
  progress: Generated<number>
  total: number | null
  checkpoint: Json | null
  result: Json | null
  error: string | null
  attempts: Generated<number>
  created_by: string | null
  locked_by: string | null
  heartbeat_at: Date | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PlatformTables {
  audit_log: AuditLogTable
  notifications: NotificationsTable
  jobs: JobsTable
}
