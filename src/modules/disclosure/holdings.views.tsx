import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { day, Section, SubNav } from './disclosure.components.tsx'
import { REVIEW_ACTIONS, STORAGES } from './disclosure.tables.ts'
import type { Holding } from './disclosure.types.ts'
import type { DepartmentTotals, Register } from './holdings.service.ts'

type Values = Record<string, string>

function ReviewForm({
  page,
  holding,
  campaignYear,
}: {
  page: PageContext
  holding: Holding
  campaignYear: number
}) {
  const { t } = page
  const id = (name: string) => `${name}-${holding.id}`
  return (
    <form
      method="post"
      action={`/disclosure/holdings/${holding.id}/review`}
      class="disclosure-review"
    >
      <CsrfField token={page.csrfToken} />
      <fieldset>
        <legend>
          {t('disclosure.review.legend', { year: campaignYear, title: holding.title })}
        </legend>
        {REVIEW_ACTIONS.map((a) => (
          <label class="disclosure-choice">
            <input
              type="radio"
              name="action"
              value={a}
              checked={holding.review?.action === a}
              required
            />{' '}
            {t(`disclosure.review.${a}`)}
          </label>
        ))}
        <label for={id('note')}>{t('disclosure.field.reviewNote')}</label>
        <input id={id('note')} name="note" type="text" value={holding.review?.note ?? ''} />
        <button type="submit" class="button button--secondary">
          {t('disclosure.review.submit')}
        </button>
      </fieldset>
    </form>
  )
}

export function HoldingsPage(props: {
  page: PageContext
  register: Register
  errors?: FormErrors | null
  values?: Values
  notice?: string | undefined
}) {
  const { page, register, errors } = props
  const { t } = page
  const values = props.values ?? {}
  const { campaign } = register
  return (
    <Layout page={page} title={t('disclosure.holdings.title')} notice={props.notice}>
      <h1>{t('disclosure.holdings.title')}</h1>
      {register.canManage ? <SubNav page={page} current="/disclosure/holdings" /> : null}
      <p>{t('disclosure.holdings.lead')}</p>
      {register.canSeeTotals ? (
        <p>
          <a href="/disclosure/holdings/totals">{t('disclosure.totals.title')}</a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} t={t} />
      {campaign ? (
        <p class="notice">
          {t('disclosure.campaign.running', {
            year: campaign.fiscalYear,
            due: day(campaign.dueOn, page),
          })}
        </p>
      ) : null}
      <table class="table">
        <caption>{t('disclosure.holdings.caption', { count: register.holdings.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosure.field.unit')}</th>
            <th scope="col">{t('disclosure.field.holdingTitle')}</th>
            <th scope="col">{t('disclosure.field.subjects')}</th>
            <th scope="col">{t('disclosure.field.purpose')}</th>
            <th scope="col">{t('disclosure.field.storage')}</th>
            <th scope="col">{t('disclosure.field.retentionUntil')}</th>
            <th scope="col">{t('disclosure.field.owner')}</th>
            <th scope="col">{t('disclosure.field.lastReviewedOn')}</th>
            <th scope="col">{t('disclosure.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {register.holdings.map((h) => (
            <tr>
              <td>{h.unitName}</td>
              <td>
                {h.title}（{t(`disclosure.dataKind.${h.dataKind}`)}）
              </td>
              <td>{h.subjects}</td>
              <td>{h.purpose || '—'}</td>
              <td>
                {t(`disclosure.storage.${h.storage}`)}
                {h.storageDetail ? `（${h.storageDetail}）` : ''}
              </td>
              <td>{day(h.retentionUntil, page)}</td>
              <td>{h.owner}</td>
              <td>{day(h.lastReviewedOn, page)}</td>
              <td>
                {h.flags.length ? (
                  <ul class="disclosure-flags">
                    {h.flags.map((f) => (
                      <li>{t(`disclosure.flag.${f}`)}</li>
                    ))}
                  </ul>
                ) : (
                  t('disclosure.flag.none')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {campaign && register.holdings.length ? (
        <Section id="review" title={t('disclosure.review.title', { year: campaign.fiscalYear })}>
          <p>{t('disclosure.review.lead')}</p>
          {register.holdings.map((h) => (
            <ReviewForm page={page} holding={h} campaignYear={campaign.fiscalYear} />
          ))}
        </Section>
      ) : null}
      {register.units.length ? (
        <Section id="new-holding" title={t('disclosure.holdings.new')}>
          <form method="post" action="/disclosure/holdings" class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <SelectField
              t={t}
              name="unitId"
              label={t('disclosure.field.unit')}
              value={values.unitId}
              errors={errors}
              required
              includeEmpty={t('disclosure.choose')}
              options={register.units.map((u) => ({ value: u.id, label: u.name }))}
            />
            <TextField
              t={t}
              name="holdingTitle"
              label={t('disclosure.field.holdingTitle')}
              value={values.holdingTitle}
              errors={errors}
              required
            />
            <SelectField
              t={t}
              name="dataKind"
              label={t('disclosure.field.dataKind')}
              value={values.dataKind}
              errors={errors}
              required
              options={(['personal', 'corporate'] as const).map((k) => ({
                value: k,
                label: t(`disclosure.dataKind.${k}`),
              }))}
            />
            <TextField
              t={t}
              name="subjects"
              label={t('disclosure.field.subjects')}
              value={values.subjects}
              errors={errors}
              required
              hint={t('disclosure.hint.subjects')}
            />
            <TextArea
              t={t}
              name="purpose"
              label={t('disclosure.field.purpose')}
              value={values.purpose}
              errors={errors}
              rows={2}
              hint={t('disclosure.hint.purpose')}
            />
            <SelectField
              t={t}
              name="storage"
              label={t('disclosure.field.storage')}
              value={values.storage ?? 'shared_server'}
              errors={errors}
              required
              options={STORAGES.map((s) => ({ value: s, label: t(`disclosure.storage.${s}`) }))}
            />
            <TextField
              t={t}
              name="storageDetail"
              label={t('disclosure.field.storageDetail')}
              value={values.storageDetail}
              errors={errors}
            />
            <TextField
              t={t}
              name="retentionUntil"
              type="date"
              label={t('disclosure.field.retentionUntil')}
              value={values.retentionUntil}
              errors={errors}
            />
            <TextField
              t={t}
              name="owner"
              label={t('disclosure.field.owner')}
              value={values.owner}
              errors={errors}
              required
            />
            <button type="submit" class="button">
              {t('disclosure.holdings.create')}
            </button>
          </form>
        </Section>
      ) : null}
      {register.canManage ? (
        <Section id="campaign" title={t('disclosure.campaign.title')}>
          <form method="post" action="/disclosure/campaigns" class="form" novalidate>
            <CsrfField token={page.csrfToken} />
            <TextField
              t={t}
              name="fiscalYear"
              type="number"
              label={t('disclosure.field.fiscalYear')}
              value={values.fiscalYear}
              errors={errors}
              required
            />
            <TextField
              t={t}
              name="dueOn"
              type="date"
              label={t('disclosure.field.campaignDueOn')}
              value={values.dueOn}
              errors={errors}
              required
            />
            <button type="submit" class="button button--secondary">
              {t('disclosure.campaign.start')}
            </button>
          </form>
        </Section>
      ) : null}
    </Layout>
  )
}

export function TotalsPage(props: {
  page: PageContext
  totals: {
    campaign: { fiscalYear: number; dueOn: string } | null
    rows: DepartmentTotals[]
    total: DepartmentTotals
  }
}) {
  const { page, totals } = props
  const { t } = page
  const cells = (r: DepartmentTotals) => [
    r.holdings,
    r.flagged,
    r.outsideShared,
    r.confirmed,
    r.moved,
    r.deleted,
    r.pending,
  ]
  return (
    <Layout
      page={page}
      title={t('disclosure.totals.title')}
      crumbs={[
        { label: t('disclosure.holdings.title'), href: '/disclosure/holdings' },
        { label: t('disclosure.totals.title') },
      ]}
    >
      <h1>{t('disclosure.totals.title')}</h1>
      <p>
        {totals.campaign
          ? t('disclosure.campaign.running', {
              year: totals.campaign.fiscalYear,
              due: day(totals.campaign.dueOn, page),
            })
          : t('disclosure.campaign.none')}
      </p>
      <table class="table">
        <caption>{t('disclosure.totals.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('disclosure.totals.department')}</th>
            <th scope="col">{t('disclosure.totals.holdings')}</th>
            <th scope="col">{t('disclosure.totals.flagged')}</th>
            <th scope="col">{t('disclosure.totals.outsideShared')}</th>
            <th scope="col">{t('disclosure.review.confirm')}</th>
            <th scope="col">{t('disclosure.review.move')}</th>
            <th scope="col">{t('disclosure.review.delete')}</th>
            <th scope="col">{t('disclosure.totals.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.rows.map((r) => (
            <tr>
              <th scope="row">{r.unitName}</th>
              {cells(r).map((n) => (
                <td>{n}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{totals.total.unitName}</th>
            {cells(totals.total).map((n) => (
              <td>{n}</td>
            ))}
          </tr>
        </tfoot>
      </table>
    </Layout>
  )
}
