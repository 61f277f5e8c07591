import { Layout, type PageContext } from '../../views/layout.tsx'
import { programsCrumb } from './programs.views.tsx'

export const RS_FILES = [
  '1-1_基本情報_事業概要.csv',
  '2-1_予算・執行_サマリ.csv',
  '3-1_効果発現経路_目標・実績.csv',
  '4-1_点検・評価.csv',
]

export function ExportRsPage(props: { page: PageContext }) {
  const { page } = props
  const { t } = page
  const title = t('programs.export.rsTitle')
  return (
    <Layout page={page} title={title} crumbs={[programsCrumb(t), { label: title }]}>
      <h1>{title}</h1>
      <p>{t('programs.export.rsLead')}</p>
      <ul>
        {RS_FILES.map((f) => (
          <li>{f}</li>
        ))}
      </ul>
      <p>
        <a class="button" href="/programs/export/rs.zip">
          {t('programs.export.rs')}（zip）
        </a>
      </p>
    </Layout>
  )
}
