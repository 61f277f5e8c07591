import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface PageViolations {
  label: string
  url: string
  violations: Result[]
}

function describe({ label, url, violations }: PageViolations): string {
  const lines = [`${label} (${url}):`]
  for (const v of violations) {
    lines.push(`  [${v.impact ?? '-'}] ${v.id}: ${v.help} (${v.helpUrl})`)
    for (const node of v.nodes) {
      lines.push(`      ${node.target.join(' ')}`)
      if (node.failureSummary)
        lines.push(...node.failureSummary.split('\n').map((l) => `        ${l}`))
    }
  }
  return lines.join('\n')
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) on pages as a journey visits them and keeps every
 * violation, so one test reports all failing pages instead of stopping at the first.
 * The app's CSP forbids inline scripts, so axe goes in through the DevTools protocol
 * (page.evaluate), which CSP does not govern, rather than a <script> tag.
 */
export class AxeLog {
  readonly checked: string[] = []
  readonly failures: PageViolations[] = []
  /** Pages checked, axe runs and the time they took, for the summary line. */
  static readonly stats = { ms: 0, runs: 0, checks: 0 }
  /** Same markup (but for the CSRF token), same result: axe runs once per distinct page. */
  private static readonly seen = new Map<string, Result[]>()

  /** enabled: false where scripts are off in the page (axe needs them), e.g. the no-JS journey. */
  constructor(private readonly enabled = true) {}

  async check(page: Page, label: string): Promise<void> {
    if (!this.enabled) return
    const html = (await page.content()).replace(/name="_csrf" value="[^"]*"/g, '')
    const key = createHash('sha256').update(html).digest('hex')
    const known = AxeLog.seen.get(key)
    const t0 = performance.now()
    const violations = known ?? (await this.run(page))
    AxeLog.stats.ms += performance.now() - t0
    AxeLog.stats.runs += known ? 0 : 1
    AxeLog.stats.checks += 1
    AxeLog.seen.set(key, violations)
    this.checked.push(label)
    if (violations.length) this.failures.push({ label, url: page.url(), violations })
  }

  private async run(page: Page): Promise<Result[]> {
    const loaded = await page.evaluate(() => 'axe' in globalThis)
    if (!loaded) await page.evaluate(axeSource)
    const results = await page.evaluate((tags) => {
      const g = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResults> }
        document: unknown
      }
      return g.axe.run(g.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
    }, AXE_TAGS)
    return results.violations
  }

  /** Fails with every violation seen, naming page, rule, help text and the offending nodes. */
  assertClean(): void {
    if (!this.enabled) return
    if (this.checked.length === 0) throw new Error('axe checked no pages')
    if (this.failures.length === 0) return
    throw new Error(
      `axe found accessibility violations on ${this.failures.length} of ${this.checked.length} pages:\n${this.failures.map(describe).join('\n')}`,
    )
  }
}
