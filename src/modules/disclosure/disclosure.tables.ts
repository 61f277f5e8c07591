import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** Dates are read as `::text` (YYYY-MM-DD) so that no time zone shifts them. */
type DateCol = ColumnType<Date | string, string, string>
type Json<T> = ColumnType<T, string | undefined, string>

export const REQUESTER_TYPES = [
  'individual',
  'company',
  'press',
  'organisation',
  'lawyer',
  'other',
] as const
export type RequesterType = (typeof REQUESTER_TYPES)[number]

export const REQUEST_STATUSES = [
  'received',
  'extended',
  'disclosed',
  'partially_disclosed',
  'not_disclosed',
  'withdrawn',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export const LICENSE_IDS = ['cc-by-4.0', 'jp-pdl-1.0'] as const
export type LicenseId = (typeof LICENSE_IDS)[number]

export const RESOURCE_FORMATS = ['CSV', 'XLSX', 'JSON', 'TXT'] as const
export type ResourceFormat = (typeof RESOURCE_FORMATS)[number]
export const GENERATORS = ['programs', 'meetings'] as const
export type Generator = (typeof GENERATORS)[number]

export const STORAGES = [
  'shared_server',
  'local_pc',
  'external_media',
  'cloud',
  'paper',
  'other',
] as const
export type Storage = (typeof STORAGES)[number]
export const REVIEW_ACTIONS = ['confirm', 'delete', 'move'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

export interface DisclosureSettingsTable {
  id: Generated<number>
  repeat_count: number
  period_days: number
  version: Generated<number>
}

export interface DisclosureRequestsTable {
  id: Generated<string>
  subject: string
  unit_id: string
  requester_type: RequesterType
  received_on: DateCol
  due_on: DateCol
  extended_to: DateCol | null
  extension_reason: string | null
  status: Generated<RequestStatus>
  decided_on: DateCol | null
  /** The topic (a group of similar subjects) the request was put in when it was logged. */
  topic_id: string | null
  version: Generated<number>
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface DisclosureRequestEventsTable {
  id: Generated<string>
  request_id: string
  status: RequestStatus
  note: Generated<string>
  actor_id: string | null
  created_at: Timestamp
}

export interface DisclosureDocumentsTable {
  id: Generated<string>
  request_id: string
  title: string
  original_text: string | null
  file_id: string | null
  status: 'redacting' | 'in_review' | 'released'
  redaction_job_id: string | null
  redacted_text: string | null
  released_at: Date | null
  version: Generated<number>
  created_at: Timestamp
}

export interface DisclosureDocumentSpansTable {
  id: Generated<string>
  document_id: string
  start_at: number
  end_at: number
  type: string
  reason: '7-2' | '7-3'
  decision: 'proposed' | 'accepted' | 'rejected'
}

export interface DisclosureCandidatesTable {
  id: Generated<string>
  title: string
  request_ids: Json<string[]>
  status: Generated<'open' | 'closed'>
  dataset_id: string | null
  link: string | null
  closed_by: string | null
  closed_at: Date | null
  version: Generated<number>
  created_at: Timestamp
}

export interface OpendataDatasetsTable {
  id: Generated<string>
  name: string
  title: string
  notes: Generated<string>
  unit_id: string
  license_id: LicenseId
  tags: Json<string[]>
  frequency: Generated<string>
  is_private: Generated<boolean>
  state: Generated<'active' | 'deleted'>
  metadata_created: Timestamp
  metadata_modified: Timestamp
  version: Generated<number>
  created_by: string | null
}

export interface OpendataResourcesTable {
  id: Generated<string>
  dataset_id: string
  name: string
  description: Generated<string>
  format: ResourceFormat
  file_id: string
  generator: Generator | null
  sort_order: Generated<number>
  created_at: Timestamp
  last_modified: Timestamp
}

export interface DataHoldingsTable {
  id: Generated<string>
  unit_id: string
  title: string
  data_kind: 'personal' | 'corporate'
  subjects: string
  purpose: Generated<string>
  storage: Storage
  storage_detail: Generated<string>
  retention_until: DateCol | null
  owner: string
  last_reviewed_on: DateCol | null
  status: Generated<'active' | 'deleted'>
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface DataHoldingCampaignsTable {
  id: Generated<string>
  fiscal_year: number
  due_on: DateCol
  started_by: string | null
  created_at: Timestamp
}

export interface DataHoldingReviewsTable {
  campaign_id: string
  holding_id: string
  action: ReviewAction
  note: Generated<string>
  reviewed_by: string | null
  reviewed_at: Timestamp
}

export interface DisclosureTables {
  disclosure_settings: DisclosureSettingsTable
  disclosure_requests: DisclosureRequestsTable
  disclosure_request_events: DisclosureRequestEventsTable
  disclosure_documents: DisclosureDocumentsTable
  disclosure_document_spans: DisclosureDocumentSpansTable
  disclosure_candidates: DisclosureCandidatesTable
  opendata_datasets: OpendataDatasetsTable
  opendata_resources: OpendataResourcesTable
  data_holdings: DataHoldingsTable
  data_holding_campaigns: DataHoldingCampaignsTable
  data_holding_reviews: DataHoldingReviewsTable
}
