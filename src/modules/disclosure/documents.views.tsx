import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import { SPAN_TYPES } from '../redaction/index.ts'
import { Section } from './disclosure.components.tsx'
import type { DocumentSpan } from './disclosure.types.ts'
import type { DocumentReview } from './documents.service.ts'

/** The original text with each span marked: accepted spans struck, proposals highlighted. */
function MarkedText({
  text,
  spans,
  page,
}: {
  text: string
  spans: DocumentSpan[]
  page: PageContext
}) {
  const parts: (string | ReturnType<typeof Mark>)[] = []
  let at = 0
  for (const s of spans.filter((x) => x.decision !== 'rejected')) {
    if (s.start < at) continue
    parts.push(text.slice(at, s.start))
    parts.push(<Mark span={s} text={text.slice(s.start, s.end)} page={page} />)
    at = s.end
  }
  parts.push(text.slice(at))
  return <div class="disclosure-text">{parts}</div>
}

function Mark({ span, text, page }: { span: DocumentSpan; text: string; page: PageContext }) {
  return (
    <mark
      class={`disclosure-mark--${span.decision}`}
      title={page.t(`disclosure.reason.${span.reason}`)}
    >
      {text}
    </mark>
  )
}

export function DocumentPage(props: {
  page: PageContext
  review: DocumentReview
  errors?: FormErrors | null
  values?: Record<string, string>
  notice?: string | undefined
}) {
  const { page, review, errors } = props
  const { t } = page
  const { document: doc, spans } = review
  const inReview = doc.status === 'in_review'
  const version = String(doc.version)
  return (
    <Layout
      page={page}
      title={doc.title}
      crumbs={[
        { label: t('disclosure.title'), href: '/disclosure/requests' },
        { label: t('disclosure.request'), href: `/disclosure/requests/${doc.requestId}` },
        { label: doc.title },
      ]}
      notice={props.notice}
      refreshSeconds={doc.status === 'redacting' ? 3 : undefined}
    >
      <h1>{doc.title}</h1>
      <p>
        {t('disclosure.field.status')}: {t(`disclosure.document.${doc.status}`)}
      </p>
      <ErrorSummary errors={errors} t={t} />
      {doc.status === 'redacting' ? <p role="status">{t('disclosure.document.wait')}</p> : null}
      {doc.isText && doc.originalText !== null ? (
        doc.status === 'released' ? (
          <Section id="released" title={t('disclosure.document.releasedText')}>
            <div class="disclosure-text">{doc.redactedText}</div>
          </Section>
        ) : (
          <Section id="original" title={t('disclosure.document.original')}>
            <MarkedText text={doc.originalText} spans={spans} page={page} />
          </Section>
        )
      ) : doc.fileId ? (
        <p>
          <a href={`/disclosure/documents/${doc.id}/file`}>{t('disclosure.document.download')}</a>
        </p>
      ) : null}
      {inReview && spans.length ? (
        <Section id="spans" title={t('disclosure.spans.title')}>
          <table class="table">
            <caption class="visually-hidden">{t('disclosure.spans.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('disclosure.spans.text')}</th>
                <th scope="col">{t('disclosure.spans.type')}</th>
                <th scope="col">{t('disclosure.spans.reason')}</th>
                <th scope="col">{t('disclosure.spans.decision')}</th>
                <th scope="col">{t('disclosure.spans.change')}</th>
              </tr>
            </thead>
            <tbody>
              {spans.map((s) => (
                <tr>
                  <td>{doc.originalText?.slice(s.start, s.end)}</td>
                  <td>{t(`disclosure.spanType.${s.type as (typeof SPAN_TYPES)[number]}`)}</td>
                  <td>{t(`disclosure.reason.${s.reason}`)}</td>
                  <td>{t(`disclosure.decision.${s.decision}`)}</td>
                  <td>
                    <form
                      method="post"
                      action={`/disclosure/documents/${doc.id}/spans/${s.id}`}
                      class="inline-form"
                    >
                      <CsrfField token={page.csrfToken} />
                      <input type="hidden" name="version" value={version} />
                      {s.decision !== 'accepted' ? (
                        <button
                          type="submit"
                          name="decision"
                          value="accepted"
                          class="button button--secondary"
                        >
                          {t('disclosure.spans.withhold')}
                        </button>
                      ) : null}{' '}
                      {s.decision !== 'rejected' ? (
                        <button
                          type="submit"
                          name="decision"
                          value="rejected"
                          class="button button--secondary"
                        >
                          {t('disclosure.spans.disclose')}
                        </button>
                      ) : null}
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {inReview && doc.isText ? (
        <Section id="withhold" title={t('disclosure.withhold.title')}>
          <form
            method="post"
            action={`/disclosure/documents/${doc.id}/withhold`}
            class="form"
            novalidate
          >
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="version" value={version} />
            <TextField
              t={t}
              name="spanText"
              label={t('disclosure.field.spanText')}
              value={props.values?.spanText}
              errors={errors}
              required
            />
            <SelectField
              t={t}
              name="spanType"
              label={t('disclosure.spans.type')}
              value={props.values?.spanType ?? 'person'}
              errors={errors}
              required
              options={SPAN_TYPES.map((s) => ({ value: s, label: t(`disclosure.spanType.${s}`) }))}
            />
            <button type="submit" class="button button--secondary">
              {t('disclosure.withhold.submit')}
            </button>
          </form>
        </Section>
      ) : null}
      {inReview ? (
        <form method="post" action={`/disclosure/documents/${doc.id}/release`} class="form">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" class="button">
            {t('disclosure.document.release')}
          </button>
        </form>
      ) : null}
    </Layout>
  )
}
