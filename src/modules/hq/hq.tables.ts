import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateColumn = ColumnType<string, string, string>

export interface HqMeetingsTable {
  id: Generated<string>
  title: string
  held_on: DateColumn
  place: Generated<string>
  summary: Generated<string>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface HqAgendaItemsTable {
  id: Generated<string>
  meeting_id: string
  source_kind: string | null
  ref_id: string | null
  title: string
  href: string | null
  summary: Generated<string>
  sort_order: Generated<number>
  outcome: string | null
  note: Generated<string>
  decided_at: Date | null
}

export interface HqMaterialsTable {
  id: Generated<string>
  meeting_id: string
  title: string
  body: Generated<string>
  file_id: string | null
  created_at: Timestamp
}

export interface HqAttendanceTable {
  meeting_id: string
  person_id: string
  present: boolean
}

export interface HqTables {
  hq_meetings: HqMeetingsTable
  hq_agenda_items: HqAgendaItemsTable
  hq_materials: HqMaterialsTable
  hq_attendance: HqAttendanceTable
}
