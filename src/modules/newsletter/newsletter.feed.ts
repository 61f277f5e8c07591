import { Feed } from 'feed'
import type { Actor } from '../../auth/actor.ts'
import { authorize } from '../../auth/authorize.ts'
import type { Db } from '../../db/schema.ts'
import { canReadNews } from './newsletter.policy.ts'
import { selectIssues } from './newsletter.queries.ts'
import { issueText } from './newsletter.service.ts'

/** The published issues as an Atom feed (newest 20). */
export async function newsFeed(db: Db, actor: Actor | null, publicUrl: string): Promise<string> {
  authorize(actor, canReadNews)
  const issues = await selectIssues(db, { publishedOnly: true, limit: 20 })
  const feed = new Feed({
    id: `${publicUrl}/news`,
    title: '業務改革推進本部NEWS',
    link: `${publicUrl}/news`,
    language: 'ja',
    updated: issues[0]?.publishedAt ?? new Date(0),
    feedLinks: { atom: `${publicUrl}/news/feed.atom` },
    copyright: '',
  })
  for (const issue of issues) {
    feed.addItem({
      id: `${publicUrl}/news/${issue.id}`,
      title: issue.title,
      link: `${publicUrl}/news/${issue.id}`,
      date: issue.publishedAt!,
      description: issue.lead || issue.items.map((i) => i.heading).join(' / '),
      content: issueText(issue),
    })
  }
  return feed.atom1()
}
