import { sql } from 'kysely'
import type { Db } from '../../db/schema.ts'
import type { NewsIssue } from './newsletter.types.ts'

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

export async function selectIssues(
  db: Db,
  filter: { id?: string; publishedOnly?: boolean; q?: string; limit?: number } = {},
): Promise<NewsIssue[]> {
  let query = db.selectFrom('newsletter_issues as n').selectAll('n').orderBy('n.number', 'desc')
  if (filter.id) query = query.where('n.id', '=', filter.id)
  if (filter.publishedOnly) query = query.where('n.status', '=', 'published')
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`
    query = query.where((eb) =>
      eb.or([
        eb('n.title', 'ilike', pattern),
        eb('n.lead', 'ilike', pattern),
        eb.exists(
          eb
            .selectFrom('newsletter_items as i')
            .select(sql`1`.as('one'))
            .whereRef('i.issue_id', '=', 'n.id')
            .where((e) => e.or([e('i.heading', 'ilike', pattern), e('i.body', 'ilike', pattern)])),
        ),
      ]),
    )
  }
  if (filter.limit) query = query.limit(filter.limit)
  const issues = await query.execute()
  const items = issues.length
    ? await db
        .selectFrom('newsletter_items')
        .selectAll()
        .where(
          'issue_id',
          'in',
          issues.map((i) => i.id),
        )
        .orderBy('sort_order')
        .execute()
    : []
  return issues.map((n) => ({
    id: n.id,
    number: n.number,
    title: n.title,
    lead: n.lead,
    status: n.status as NewsIssue['status'],
    coversFrom: n.covers_from,
    publishedAt: n.published_at,
    version: n.version,
    items: items
      .filter((i) => i.issue_id === n.id)
      .map((i) => ({
        id: i.id,
        heading: i.heading,
        body: i.body,
        sourceAction: i.source_action,
        href: i.href,
      })),
  }))
}
