export interface NewsItem {
  id: string
  heading: string
  body: string
  sourceAction: string | null
  href: string | null
}

export interface NewsIssue {
  id: string
  number: number
  title: string
  lead: string
  status: 'draft' | 'published'
  coversFrom: Date | null
  publishedAt: Date | null
  version: number
  items: NewsItem[]
}

/**
 * The audit-log actions the newsletter proposes items from. Each module records its own with
 * `data.title` naming the item (and `data.href` its page, optionally); nothing else of the entry
 * — in particular not who acted — goes into the newsletter.
 */
export const NEWS_ACTIONS = [
  'proposal.adopted',
  'program.review.decided',
  'council.minutes.published',
  'schedule.milestone.reached',
  'initiative.reported',
] as const
export type NewsAction = (typeof NEWS_ACTIONS)[number]

/** The job that delivers a published issue to every inbox. */
export const NEWSLETTER_DELIVERY_JOB = 'newsletter.delivery'
