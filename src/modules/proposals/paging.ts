import { PAGE_SIZE } from './proposals.schemas.ts'
import type { Slice, Window } from './proposals.types.ts'

export interface Paged<S> {
  slice: S
  /** The page shown: the one asked for, or the last one when that lay past the end. */
  page: number
  pages: number
}

const windowOf = (page: number): Window => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })

/**
 * Page `page` of a list, PAGE_SIZE to a page. A page past the end shows the last page (one
 * more query, only then), so an old or hand-edited link never lands on an empty table.
 */
export async function loadPage<S extends Slice<unknown>>(
  page: number,
  load: (window: Window) => Promise<S>,
): Promise<Paged<S>> {
  const slice = await load(windowOf(page))
  const pages = Math.max(1, Math.ceil(slice.total / PAGE_SIZE))
  if (page <= pages) return { slice, page, pages }
  if (slice.total === 0) return { slice, page: 1, pages }
  return { slice: await load(windowOf(pages)), page: pages, pages }
}

/**
 * The page numbers a pager shows: the first, the last, and two either side of the current
 * one; null where a run is left out.
 */
export function pagerNumbers(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = []
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n)
    else if (out[out.length - 1] !== null) out.push(null)
  }
  return out
}
