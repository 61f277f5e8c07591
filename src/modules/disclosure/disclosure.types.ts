import type {
  Generator,
  LicenseId,
  RequesterType,
  RequestStatus,
  ResourceFormat,
  ReviewAction,
  Storage,
} from './disclosure.tables.ts'

export interface DisclosureRequest {
  id: string
  subject: string
  unitId: string
  unitName: string
  requesterType: RequesterType
  receivedOn: string
  dueOn: string
  extendedTo: string | null
  extensionReason: string | null
  /** The date a decision is due by: the extended date if there is one. */
  deadline: string
  status: RequestStatus
  decidedOn: string | null
  overdue: boolean
  version: number
}

export interface RequestEvent {
  status: RequestStatus
  note: string
  actorName: string | null
  at: Date
}

export interface ReleasedDocument {
  id: string
  requestId: string
  title: string
  isText: boolean
  fileId: string | null
  status: 'redacting' | 'in_review' | 'released'
  originalText: string | null
  redactedText: string | null
  releasedAt: Date | null
  version: number
}

export interface DocumentSpan {
  id: string
  start: number
  end: number
  type: string
  reason: '7-2' | '7-3'
  decision: 'proposed' | 'accepted' | 'rejected'
}

export interface Candidate {
  id: string
  title: string
  requests: { id: string; subject: string; receivedOn: string }[]
  status: 'open' | 'closed'
  datasetId: string | null
  link: string | null
  closedAt: Date | null
  version: number
}

export interface Resource {
  id: string
  datasetId: string
  name: string
  description: string
  format: ResourceFormat
  mimetype: string
  size: number
  hash: string
  filename: string
  generator: Generator | null
  created: Date
  lastModified: Date
}

export interface Dataset {
  id: string
  name: string
  title: string
  notes: string
  unitId: string
  unitCode: string
  unitName: string
  licenseId: LicenseId
  tags: string[]
  frequency: string
  isPrivate: boolean
  state: 'active' | 'deleted'
  metadataCreated: Date
  metadataModified: Date
  version: number
  resources: Resource[]
}

export interface Holding {
  id: string
  unitId: string
  unitName: string
  unitPath: string
  title: string
  dataKind: 'personal' | 'corporate'
  subjects: string
  purpose: string
  storage: Storage
  storageDetail: string
  retentionUntil: string | null
  owner: string
  lastReviewedOn: string | null
  version: number
  flags: HoldingFlag[]
  /** This year's campaign answer, if any. */
  review: { action: ReviewAction; note: string } | null
}

export type HoldingFlag = 'no_need' | 'past_retention' | 'outside_shared_server'
