import { formatDate, formatDateTime } from '../../i18n/dates.ts'
import { CsrfField, type FormErrors, SelectField, TextField } from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { ProposalErrors, ProposalTextArea, StatusTag } from './common.views.tsx'
import type { ProposalDetail } from './proposals.types.ts'
import { ADOPTED_AS, DECISIONS, PROPOSAL_FIELDS } from './proposals.types.ts'

interface Props {
  page: PageContext
  detail: ProposalDetail
  units: { id: string; name: string }[]
  notice?: string | undefined
  values?: Record<string, string>
  errors?: FormErrors | null
}

export function ProposalPage({ page, detail, units, notice, values = {}, errors }: Props) {
  const { t, locale } = page
  const { proposal: p, authors, decision, can } = detail
  const post = (path: string) => `/proposals/${p.id}/${path}`
  return (
    <Layout
      page={page}
      title={p.title}
      notice={notice}
      crumbs={[
        { label: t('proposals.title'), href: '/proposals' },
        { label: p.campaignTitle, href: `/proposals/campaigns/${p.campaignId}` },
        { label: p.title },
      ]}
    >
      <h1>{p.title}</h1>
      <ProposalErrors errors={errors} t={t} />
      <p>
        <StatusTag t={t} status={p.status} /> {p.campaignTitle}
        {p.submittedAt
          ? ` · ${t('proposals.submittedOn', { date: formatDate(p.submittedAt, locale) })}`
          : ''}
      </p>
      {can.edit ? (
        <p>
          <a class="button" href={`/proposals/${p.id}/edit`}>
            {t('proposals.edit')}
          </a>
        </p>
      ) : null}
      {can.review ? (
        <p>
          <a class="button" href={`/proposals/${p.id}/review`}>
            {t('proposals.review.open')}
          </a>
        </p>
      ) : null}
      <dl class="proposals-fields">
        <dt>{t('proposals.field.areaUnitId')}</dt>
        <dd>{p.areaName ?? t('proposals.area.whole')}</dd>
        {PROPOSAL_FIELDS.map((f) => (
          <>
            <dt>{t(`proposals.field.${f}`)}</dt>
            <dd class="proposals-text">{p[f] || t('common.none')}</dd>
          </>
        ))}
        {p.advice ? (
          <>
            <dt>{t('proposals.field.advice')}</dt>
            <dd class="proposals-text">{p.advice}</dd>
          </>
        ) : null}
      </dl>
      {authors ? (
        <section aria-labelledby="authors-title">
          <h2 id="authors-title">{t('proposals.authors')}</h2>
          <ul>
            {authors.map((a) => (
              <li>
                {a.name}
                {a.unitName ? `（${a.unitName}）` : ''}
                {a.isLead ? ` · ${t('proposals.lead')}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.attachments.length ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t('proposals.field.attachments')}</h2>
          <ul>
            {p.attachments.map((a) => (
              <li>
                <a href={`/proposals/${p.id}/attachments/${a.position}`}>{a.label}</a> (
                {Math.ceil(a.size / 1024)} KB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {decision ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t('proposals.decision.title')}</h2>
          <p>
            {t(`proposals.decision.${decision.decision}`)} ·{' '}
            {formatDate(decision.decidedAt, locale)}
          </p>
          {decision.reason ? <p class="proposals-text">{decision.reason}</p> : null}
          {decision.decision === 'adopt' ? (
            <p>
              {t('proposals.decision.summary', {
                owner: decision.ownerUnitName ?? '',
                due: decision.dueOn ?? '',
                becomes: decision.becomes ? t(`proposals.becomes.${decision.becomes}`) : '',
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      {detail.progress.length || can.progress ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{t('proposals.progress.title')}</h2>
          <ProgressTable page={page} detail={detail} />
          {can.progress ? (
            <form method="post" action={post('progress')} class="form" novalidate>
              <CsrfField token={page.csrfToken} />
              <TextField
                t={t}
                name="percent"
                type="number"
                label={t('proposals.field.percent')}
                value={values.percent}
                errors={errors}
                required
              />
              <TextField
                t={t}
                name="onDate"
                type="date"
                label={t('proposals.field.onDate')}
                value={values.onDate}
                errors={errors}
                required
              />
              <ProposalTextArea
                t={t}
                name="note"
                value={values.note}
                errors={errors}
                required
                rows={3}
              />
              <button type="submit" class="button">
                {t('proposals.progress.add')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {can.advise ? (
        <form method="post" action={post('advice')} class="form" novalidate>
          <CsrfField token={page.csrfToken} />
          <ProposalTextArea
            t={t}
            name="advice"
            value={values.advice ?? p.advice}
            errors={errors}
            required
          />
          <button type="submit" class="button">
            {t('proposals.advice.save')}
          </button>
        </form>
      ) : null}
      {can.decide ? (
        <form method="post" action={post('decision')} class="form">
          <h2>{t('proposals.decision.record')}</h2>
          <CsrfField token={page.csrfToken} />
          <SelectField
            t={t}
            name="decision"
            label={t('proposals.field.decision')}
            value={values.decision}
            errors={errors}
            required
            options={DECISIONS.map((d) => ({ value: d, label: t(`proposals.decision.${d}`) }))}
          />
          <SelectField
            t={t}
            name="ownerUnitId"
            label={t('proposals.field.ownerUnitId')}
            value={values.ownerUnitId}
            errors={errors}
            includeEmpty=""
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
          <TextField
            t={t}
            name="dueOn"
            type="date"
            label={t('proposals.field.dueOn')}
            value={values.dueOn}
            errors={errors}
          />
          <SelectField
            t={t}
            name="becomes"
            label={t('proposals.field.becomes')}
            value={values.becomes}
            errors={errors}
            includeEmpty=""
            options={ADOPTED_AS.map((b) => ({ value: b, label: t(`proposals.becomes.${b}`) }))}
          />
          <ProposalTextArea
            t={t}
            name="reason"
            value={values.reason}
            errors={errors}
            rows={3}
            hint={t('proposals.hint.reason')}
          />
          <button type="submit" class="button">
            {t('proposals.decision.record')}
          </button>
        </form>
      ) : null}
      {can.merge ? (
        <form method="post" action={post('merge')} class="form">
          <CsrfField token={page.csrfToken} />
          <TextField
            t={t}
            name="into"
            label={t('proposals.field.into')}
            value={values.into}
            errors={errors}
            hint={t('proposals.hint.into')}
          />
          <button type="submit" class="button button--secondary">
            {t('proposals.merge')}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('proposals.history')}</h2>
        <ol class="proposals-history">
          {detail.history.map((e) => (
            <li>
              {formatDateTime(e.at, locale)}{' '}
              {t(`proposals.status.${e.status}` as 'proposals.status.draft')}
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  )
}

export function ProgressTable({
  page,
  detail,
}: {
  page: PageContext
  detail: Pick<ProposalDetail, 'progress'>
}) {
  const { t } = page
  if (detail.progress.length === 0) return <p>{t('proposals.progress.none')}</p>
  return (
    <table>
      <caption class="visually-hidden">{t('proposals.progress.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('proposals.field.onDate')}</th>
          <th scope="col">{t('proposals.field.percent')}</th>
          <th scope="col">{t('proposals.field.note')}</th>
        </tr>
      </thead>
      <tbody>
        {detail.progress.map((g) => (
          <tr>
            <td>{g.onDate}</td>
            <td>
              <progress max={100} value={g.percent} aria-label={`${g.percent}%`}>
                {g.percent}%
              </progress>{' '}
              {g.percent}%
            </td>
            <td class="proposals-text">{g.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
