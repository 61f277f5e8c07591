import type { RedactionReason, SpanType } from '../redaction/index.ts'
import type { MinutesStatus } from './councils.tables.ts'

export type { MinutesStatus }

export const MEMBER_ROLES = [
  '会長',
  '副会長',
  '部会長',
  '委員',
  '専門委員',
  '臨時委員',
  '幹事',
] as const

export interface Council {
  id: string
  name: string
  description: string
  unitId: string | null
  noticeDays: number
  version: number
}

export interface CouncilMember {
  id: string
  councilId: string
  name: string
  affiliation: string
  role: string
}

export interface Meeting {
  id: string
  councilId: string
  councilName: string
  title: string
  startsAt: Date
  endsAt: Date | null
  place: string
  agenda: string
  isPublic: boolean
  closedReason: string | null
  lateNoticeReason: string | null
  galleryCapacity: number
  allowlist: string[]
  announcedAt: Date
  cancelledAt: Date | null
  version: number
  updatedAt: Date
}

export interface Material {
  id: string
  meetingId: string
  fileId: string
  title: string
  filename: string
  size: number
}

export interface MinutesSpan {
  id: string
  start: number
  end: number
  type: SpanType
  reason: RedactionReason
  origin: 'engine' | 'manual'
  decision: 'proposed' | 'accepted' | 'rejected'
}

/** Minutes as the secretariat sees them: the original text is only ever in this shape. */
export interface Minutes {
  id: string
  meetingId: string
  status: MinutesStatus
  originalText: string
  redactionJobId: string | null
  submittedBy: string | null
  approvedBy: string | null
  approvedAt: Date | null
  publishedAt: Date | null
  version: number
  updatedAt: Date
}

/** What the public may see of minutes: the redacted text, never the original. */
export interface PublishedMinutes {
  minutesId: string
  meetingId: string
  title: string
  text: string
  publishedAt: Date
}
