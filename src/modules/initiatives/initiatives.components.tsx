import type { Translate } from '../../i18n/index.ts'

export type Values = Record<string, string | number | null | undefined>

function SubNav({ t }: { t: Translate }) {
  return (
    <nav aria-label={t('initiatives.subnav')} class="initiatives-subnav">
      <ul class="plain">
        <li>
          <a href="/initiatives">{t('initiatives.title')}</a>
        </li>
        <li>
          <a href="/initiatives/report-meetings">{t('initiatives.reportMeetings')}</a>
        </li>
        <li>
          <a href="/initiatives/reports">{t('initiatives.hqReports')}</a>
        </li>
      </ul>
    </nav>
  )
}

export { SubNav }
