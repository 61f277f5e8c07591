import type { Translate } from '../../i18n/index.ts'
import {
  CsrfField,
  FileField,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { ProposalErrors, ProposalTextArea, StatusTag } from './common.views.tsx'
import type { SimilarProposal } from './proposals.read.ts'
import { ATTACHMENT_POLICY, MAX_ATTACHMENTS } from './proposals.service.ts'
import type { BlindProposal, Campaign } from './proposals.types.ts'
import { PROPOSAL_FIELDS } from './proposals.types.ts'

export function SimilarList({ t, items }: { t: Translate; items: SimilarProposal[] }) {
  if (items.length === 0) return <p>{t('proposals.similar.none')}</p>
  return (
    <ul class="proposals-similar__list">
      {items.map((s) => (
        <li>
          <a href={`/proposals/${s.id}`}>{s.title}</a> <StatusTag t={t} status={s.status} />{' '}
          <span class="hint">
            {s.campaignTitle} · {t('proposals.similar.score', { score: Math.round(s.score * 100) })}
          </span>
        </li>
      ))}
    </ul>
  )
}

export function ProposalFormPage(props: {
  page: PageContext
  campaign: Campaign
  proposal?: BlindProposal
  units: { id: string; name: string }[]
  values: Record<string, string | null | undefined>
  errors?: FormErrors | null
  similar?: SimilarProposal[] | null
}) {
  const { page, campaign, proposal, values, errors } = props
  const { t } = page
  const title = proposal ? t('proposals.edit') : t('proposals.new')
  const action = proposal
    ? `/proposals/${proposal.id}`
    : `/proposals/campaigns/${campaign.id}/proposals`
  return (
    <Layout
      page={page}
      title={title}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: campaign.title, href: `/proposals/campaigns/${campaign.id}` },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <p>{campaign.title}</p>
      <ProposalErrors errors={errors} t={t} />
      <form method="post" action={action} class="form" enctype="multipart/form-data" novalidate>
        <CsrfField token={page.csrfToken} />
        {proposal ? (
          <input type="hidden" name="version" value={String(values.version ?? proposal.version)} />
        ) : null}
        <TextField
          t={t}
          name="title"
          label={t('proposals.field.title')}
          value={values.title}
          errors={errors}
          required
        />
        {PROPOSAL_FIELDS.map((f) => (
          <ProposalTextArea
            t={t}
            name={f}
            value={values[f]}
            errors={errors}
            required
            hint={t(`proposals.hint.${f}`)}
          />
        ))}
        <SelectField
          t={t}
          name="areaUnitId"
          label={t('proposals.field.areaUnitId')}
          hint={t('proposals.hint.area')}
          value={values.areaUnitId}
          errors={errors}
          includeEmpty={t('proposals.area.whole')}
          options={props.units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <ProposalTextArea
          t={t}
          name="coAuthors"
          value={values.coAuthors}
          errors={errors}
          rows={2}
          hint={t('proposals.hint.coAuthors')}
        />
        <FileField
          t={t}
          name="attachments"
          label={t('proposals.field.attachments')}
          errors={errors}
          hint={t('proposals.hint.attachments', {
            max: MAX_ATTACHMENTS,
            size: `${ATTACHMENT_POLICY.maxBytes / 1024 / 1024} MB`,
          })}
          multiple
          accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg"
        />
        {proposal?.attachments.length ? (
          <ul>
            {proposal.attachments.map((a) => (
              <li>
                <a href={`/proposals/${proposal.id}/attachments/${a.position}`}>{a.label}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {campaign.requiresAdvice ? <p class="hint">{t('proposals.hint.adviceNeeded')}</p> : null}
        <section
          class="proposals-similar"
          aria-labelledby="similar-title"
          data-proposals-similar={proposal?.id ?? ''}
        >
          <h2 id="similar-title">{t('proposals.similar.title')}</h2>
          <div data-proposals-similar-list aria-live="polite">
            {props.similar ? (
              <SimilarList t={t} items={props.similar} />
            ) : (
              <p>{t('proposals.similar.hint')}</p>
            )}
          </div>
          <button type="submit" name="action" value="similar" class="button button--secondary">
            {t('proposals.similar.check')}
          </button>
        </section>
        <div class="proposals-actions">
          <button type="submit" name="action" value="draft" class="button button--secondary">
            {t('proposals.saveDraft')}
          </button>
          <button type="submit" name="action" value="submit" class="button">
            {t('proposals.submit')}
          </button>
        </div>
      </form>
    </Layout>
  )
}
