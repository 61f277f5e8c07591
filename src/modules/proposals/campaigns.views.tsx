import { CsrfField, type FormErrors, SelectField, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { ProposalErrors, ProposalTextArea } from './common.views.tsx'
import {
  ListOfProposals,
  type ListPageFilter,
  ProposalFilter,
  type ProposalList,
  ProposalTable,
} from './list.views.tsx'
import type { BlindProposal, Campaign } from './proposals.types.ts'
import { AUDIENCES, CAMPAIGN_KINDS } from './proposals.types.ts'

interface HomeProps {
  page: PageContext
  campaigns: (Campaign & { open: boolean })[]
  mine: ProposalList
  links: { href: string; label: string }[]
  canCreate: boolean
  notice?: string | undefined
}

export function ProposalsHomePage({ page, campaigns, mine, links, canCreate, notice }: HomeProps) {
  const { t } = page
  return (
    <Layout page={page} title={t('proposals.title')} notice={notice}>
      <h1>{t('proposals.title')}</h1>
      {links.length ? (
        <ul class="proposals-links">
          {links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('proposals.campaigns')}</h2>
      {canCreate ? (
        <p>
          <a class="button button--secondary" href="/proposals/campaigns/new">
            {t('proposals.campaign.new')}
          </a>
        </p>
      ) : null}
      <ul class="proposals-campaigns">
        {campaigns.map((c) => (
          <li>
            <a href={`/proposals/campaigns/${c.id}`}>{c.title}</a>{' '}
            <span class="hint">
              {c.opensOn} – {c.closesOn} ·{' '}
              {c.open ? t('proposals.campaign.open') : t('proposals.campaign.closed')}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('proposals.mine')}</h2>
      <ListOfProposals
        page={page}
        list={mine}
        path="/proposals"
        filter={{}}
        empty={t('proposals.mine.empty')}
      />
    </Layout>
  )
}

export function CampaignPage(props: {
  page: PageContext
  campaign: Campaign
  open: boolean
  canPropose: boolean
  canManage: boolean
  canRank: boolean
  /** The campaign's proposals, for those who manage it; null for everyone else. */
  proposals: ProposalList | null
  filter: ListPageFilter
  notice?: string | undefined
}) {
  const { page, campaign: c } = props
  const { t } = page
  return (
    <Layout
      page={page}
      title={c.title}
      notice={props.notice}
      crumbs={[{ label: t('proposals.title'), href: '/proposals' }, { label: c.title }]}
    >
      <h1>{c.title}</h1>
      <p class="proposals-text">{c.description}</p>
      <dl class="proposals-fields">
        <dt>{t('proposals.field.period')}</dt>
        <dd>
          {c.opensOn} – {c.closesOn}（
          {props.open ? t('proposals.campaign.open') : t('proposals.campaign.closed')}）
        </dd>
        <dt>{t('proposals.field.audience')}</dt>
        <dd>{t(`proposals.audience.${c.audience}`)}</dd>
        <dt>{t('proposals.field.rubric')}</dt>
        <dd>
          <ul>
            {c.rubric.criteria.map((k) => (
              <li>
                {k.label}（{t('proposals.review.weight', { weight: k.weight })}）
              </li>
            ))}
          </ul>
          {t('proposals.review.scale', { max: c.rubric.scaleMax })}
        </dd>
      </dl>
      {props.canPropose && props.open ? (
        <p>
          <a class="button" href={`/proposals/campaigns/${c.id}/new`}>
            {t('proposals.new')}
          </a>
        </p>
      ) : null}
      {props.canRank ? (
        <ul class="proposals-links">
          <li>
            <a href={`/proposals/campaigns/${c.id}/ranking`}>{t('proposals.ranking.title')}</a>
          </li>
          <li>
            <a href={`/proposals/campaigns/${c.id}/report`}>{t('proposals.report.title')}</a>
          </li>
        </ul>
      ) : null}
      {props.canManage ? (
        <form method="post" action={`/proposals/campaigns/${c.id}/assign`} class="inline-form">
          <CsrfField token={page.csrfToken} />
          <button type="submit" class="button button--secondary">
            {t('proposals.assign', { count: c.reviewersPerProposal })}
          </button>
        </form>
      ) : null}
      {props.proposals ? (
        <>
          <h2 id="proposals-list">{t('proposals.campaign.proposals')}</h2>
          <ProposalFilter t={t} action={`/proposals/campaigns/${c.id}`} filter={props.filter} />
          <ListOfProposals
            page={page}
            list={props.proposals}
            path={`/proposals/campaigns/${c.id}`}
            filter={props.filter}
            empty={t('proposals.none')}
          />
        </>
      ) : null}
    </Layout>
  )
}

export function CampaignFormPage(props: {
  page: PageContext
  groups: { id: string; name: string }[]
  values: Record<string, string | undefined>
  errors?: FormErrors | null
}) {
  const { page, values, errors } = props
  const { t } = page
  const title = t('proposals.campaign.new')
  return (
    <Layout
      page={page}
      title={title}
      crumbs={[{ label: t('proposals.title'), href: '/proposals' }, { label: title }]}
    >
      <h1>{title}</h1>
      <ProposalErrors errors={errors} t={t} />
      <form method="post" action="/proposals/campaigns" class="form" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          t={t}
          name="title"
          label={t('proposals.field.title')}
          value={values.title}
          errors={errors}
          required
        />
        <SelectField
          t={t}
          name="kind"
          label={t('proposals.field.kind')}
          value={values.kind}
          errors={errors}
          required
          options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`proposals.kind.${k}`) }))}
        />
        <SelectField
          t={t}
          name="audience"
          label={t('proposals.field.audience')}
          value={values.audience}
          errors={errors}
          required
          options={AUDIENCES.map((a) => ({ value: a, label: t(`proposals.audience.${a}`) }))}
        />
        <ProposalTextArea
          t={t}
          name="description"
          value={values.description}
          errors={errors}
          rows={3}
        />
        <TextField
          t={t}
          name="opensOn"
          type="date"
          label={t('proposals.field.opensOn')}
          value={values.opensOn}
          errors={errors}
          required
        />
        <TextField
          t={t}
          name="closesOn"
          type="date"
          label={t('proposals.field.closesOn')}
          value={values.closesOn}
          errors={errors}
          required
        />
        <div class="field">
          <input
            id="field-requiresAdvice"
            type="checkbox"
            name="requiresAdvice"
            checked={values.requiresAdvice === 'on'}
          />{' '}
          <label for="field-requiresAdvice">{t('proposals.field.requiresAdvice')}</label>
        </div>
        <ProposalTextArea
          t={t}
          name="criteria"
          value={values.criteria ?? '実現可能性:3\n効果:3\n独自性:2\n緊急性:1'}
          errors={errors}
          rows={5}
          required
          hint={t('proposals.hint.criteria')}
        />
        <TextField
          t={t}
          name="scaleMax"
          type="number"
          label={t('proposals.field.scaleMax')}
          value={values.scaleMax ?? '5'}
          errors={errors}
          required
        />
        <SelectField
          t={t}
          name="reviewGroupId"
          label={t('proposals.field.reviewGroupId')}
          value={values.reviewGroupId}
          errors={errors}
          includeEmpty={t('proposals.allReviewers')}
          options={props.groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <TextField
          t={t}
          name="reviewersPerProposal"
          type="number"
          label={t('proposals.field.reviewersPerProposal')}
          value={values.reviewersPerProposal ?? '2'}
          errors={errors}
          required
        />
        <button type="submit" class="button">
          {t('common.create')}
        </button>
      </form>
    </Layout>
  )
}

export function AwaitingPage({
  page,
  proposals,
}: {
  page: PageContext
  proposals: BlindProposal[]
}) {
  const { t } = page
  return (
    <Layout
      page={page}
      title={t('proposals.awaiting')}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: t('proposals.awaiting') },
      ]}
    >
      <h1>{t('proposals.awaiting')}</h1>
      <ProposalTable page={page} proposals={proposals} empty={t('proposals.none')} />
    </Layout>
  )
}
