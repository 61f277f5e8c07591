import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface NewsletterIssuesTable {
  id: Generated<string>
  number: number
  title: string
  lead: Generated<string>
  status: Generated<string>
  covers_from: Date | null
  published_at: Date | null
  created_by: string | null
  version: Generated<number>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface NewsletterItemsTable {
  id: Generated<string>
  issue_id: string
  sort_order: Generated<number>
  heading: string
  body: Generated<string>
  source_action: string | null
  source_seq: number | null
  href: string | null
}

export interface NewsletterTables {
  newsletter_issues: NewsletterIssuesTable
  newsletter_items: NewsletterItemsTable
}
