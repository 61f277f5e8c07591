import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/schema.ts'
import type { MessageKey } from '../../i18n/index.ts'

export const OUTCOMES = ['approved', 'amended', 'returned', 'noted'] as const
export type AgendaOutcome = (typeof OUTCOMES)[number]

export interface AgendaDecision {
  outcome: AgendaOutcome
  note: string
  /** What the source offers beside the outcome (a review sheet's verdict), when it offers any. */
  choice?: string | undefined
}

export interface DecisionChoice {
  value: string
  label: string
}

/** Something in another module that waits for HQ's decision. */
export interface AwaitingItem {
  refId: string
  title: string
  /** Its page in the owning module. */
  href: string
  summary: string
}

/**
 * A module whose records HQ decides on (shortlisted proposals, review sheets, initiative
 * reports). The app composition hands the list of sources to `createHqRoutes`; HQ pulls what
 * awaits a decision onto a meeting's agenda and, when it decides, calls `applyDecision` inside
 * the same transaction so that the decision flows back to the item.
 */
export interface AgendaSource {
  kind: string
  /** A message key (translated) or plain text. */
  label: MessageKey | string
  /** What awaits HQ, as the given actor (who runs HQ's meetings) may see it. */
  listAwaiting(db: Db, actor: Actor): Promise<AwaitingItem[]>
  applyDecision(trx: Db, actor: Actor, refId: string, decision: AgendaDecision): Promise<void>
  /** Choices HQ picks from when deciding this source's items (e.g. the verdicts of a review). */
  decisionChoices?(db: Db): Promise<DecisionChoice[]>
}

export interface AgendaItem {
  id: string
  sourceKind: string | null
  refId: string | null
  title: string
  href: string | null
  summary: string
  outcome: AgendaOutcome | null
  note: string
  decidedAt: Date | null
}

export interface Material {
  id: string
  title: string
  body: string
  file: { filename: string; size: number } | null
}

export interface Attendee {
  personId: string
  name: string
  position: string
  present: boolean | null
}

export interface Meeting {
  id: string
  title: string
  heldOn: string
  place: string
  summary: string
  version: number
}

export interface MeetingDetail {
  meeting: Meeting
  agenda: AgendaItem[]
  materials: Material[]
  attendance: Attendee[]
  /** What the sources have waiting that is not on an undecided agenda yet. */
  awaiting: { source: { kind: string; label: string }; items: AwaitingItem[] }[]
  /** Per source kind, the choices its decisions offer. */
  choicesByKind: Record<string, DecisionChoice[]>
  canRun: boolean
  canDecide: boolean
}
