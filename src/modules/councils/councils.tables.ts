import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string | undefined, string>

export type MinutesStatus =
  | 'draft'
  | 'redacting'
  | 'in_review'
  | 'submitted'
  | 'approved'
  | 'published'
  | 'withdrawn'

export interface CouncilsTable {
  id: Generated<string>
  name: string
  description: Generated<string>
  unit_id: string | null
  notice_days: Generated<number>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CouncilMembersTable {
  id: Generated<string>
  council_id: string
  name: string
  affiliation: Generated<string>
  role: string
  sort_order: Generated<number>
  created_at: Timestamp
}

export interface CouncilMeetingsTable {
  id: Generated<string>
  council_id: string
  title: string
  starts_at: Date
  ends_at: Date | null
  place: string
  agenda: Generated<string>
  is_public: boolean
  closed_reason: string | null
  late_notice_reason: string | null
  gallery_capacity: Generated<number>
  allowlist: Json<string[]>
  announced_at: Timestamp
  cancelled_at: Date | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CouncilMaterialsTable {
  id: Generated<string>
  meeting_id: string
  file_id: string
  title: string
  created_at: Timestamp
}

export interface CouncilGalleryRegistrationsTable {
  id: Generated<string>
  meeting_id: string
  name: string
  contact: Generated<string>
  created_at: Timestamp
}

export interface CouncilMinutesTable {
  id: Generated<string>
  meeting_id: string
  status: MinutesStatus
  original_text: string
  source_file_id: string | null
  redaction_job_id: string | null
  redacted_text: string | null
  submitted_by: string | null
  approved_by: string | null
  approved_at: Date | null
  published_at: Date | null
  withdrawn_at: Date | null
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface CouncilMinuteSpansTable {
  id: Generated<string>
  minutes_id: string
  start_at: number
  end_at: number
  type: string
  reason: '7-2' | '7-3'
  origin: 'engine' | 'manual'
  decision: 'proposed' | 'accepted' | 'rejected'
  created_at: Timestamp
}

export interface CouncilSearchDocumentsTable {
  minutes_id: string
  meeting_id: string
  title: string
  body: string
  search_text: string
  published_at: Date
}

export interface CouncilSearchBigramsTable {
  minutes_id: string
  gram: string
  occurrences: number
  published_at: Date
}

/** How many published minutes hold each bigram (kept by triggers on council_search_bigrams). */
export interface CouncilSearchGramsTable {
  gram: string
  documents: number
}

export interface CouncilsTables {
  councils: CouncilsTable
  council_members: CouncilMembersTable
  council_meetings: CouncilMeetingsTable
  council_materials: CouncilMaterialsTable
  council_gallery_registrations: CouncilGalleryRegistrationsTable
  council_minutes: CouncilMinutesTable
  council_minute_spans: CouncilMinuteSpansTable
  council_search_documents: CouncilSearchDocumentsTable
  council_search_bigrams: CouncilSearchBigramsTable
  council_search_grams: CouncilSearchGramsTable
}
