import { ROLES } from '../../auth/actor.ts'
import { formatDateTime } from '../../i18n/dates.ts'
import {
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextField,
} from '../../views/forms.tsx'
import { Layout, type PageContext } from '../../views/layout.tsx'
import type { ApiTokenSummary, UserSummary } from './users.service.ts'

export function LoginPage(props: {
  page: PageContext
  email?: string
  errors?: FormErrors | null
  message?: string
  oidcLabel?: string
  next?: string
}) {
  const { page, errors } = props
  const { t } = page
  return (
    <Layout page={page} title={t('login.title')} notice={props.message}>
      <h1>{t('login.title')}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action="/login" class="form narrow" novalidate>
        <CsrfField token={page.csrfToken} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextField
          t={t}
          name="email"
          type="email"
          value={props.email}
          errors={errors}
          required
          autocomplete="username"
        />
        <TextField
          t={t}
          name="password"
          type="password"
          errors={errors}
          required
          autocomplete="current-password"
        />
        <button type="submit" class="button">
          {t('login.submit')}
        </button>
      </form>
      {props.oidcLabel ? (
        <>
          <p>{t('login.or')}</p>
          <p>
            <a class="button button--secondary" href="/auth/oidc/start">
              {t('login.oidc', { label: props.oidcLabel })}
            </a>
          </p>
        </>
      ) : null}
    </Layout>
  )
}

export function AccountPage(props: {
  page: PageContext
  tokens: ApiTokenSummary[]
  newToken?: string
  errors?: FormErrors | null
  tokenErrors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, errors, tokenErrors } = props
  const { t, actor } = page
  return (
    <Layout page={page} title={t('account.title')} notice={props.notice}>
      <h1>{t('account.title')}</h1>
      <p>
        {actor?.displayName}（{actor?.email}）
      </p>
      <h2>{t('home.yourRoles')}</h2>
      <ul>
        {actor?.grants.map((g) => (
          <li>{t(`role.${g.role}`)}</li>
        ))}
      </ul>
      <h2 id="password">{t('account.passwordTitle')}</h2>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action="/account/password" class="form narrow" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField
          t={t}
          name="currentPassword"
          type="password"
          errors={errors}
          required
          autocomplete="current-password"
        />
        <TextField
          t={t}
          name="newPassword"
          type="password"
          errors={errors}
          required
          hint={t('account.passwordHint')}
          autocomplete="new-password"
        />
        <TextField
          t={t}
          name="confirmPassword"
          type="password"
          errors={errors}
          required
          autocomplete="new-password"
        />
        <button type="submit" class="button">
          {t('common.save')}
        </button>
      </form>
      <h2 id="tokens">{t('account.tokensTitle')}</h2>
      <p>{t('account.tokensLead')}</p>
      {props.newToken ? (
        <div class="notice" role="status">
          <p>{t('account.tokenCreated')}</p>
          <p>
            <code class="token">{props.newToken}</code>
          </p>
        </div>
      ) : null}
      {props.tokens.length === 0 ? (
        <p>{t('account.noTokens')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('field.tokenName')}</th>
              <th scope="col">{t('account.tokenCreatedAt')}</th>
              <th scope="col">{t('account.tokenLastUsed')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((token) => (
              <tr>
                <td>{token.name}</td>
                <td>{formatDateTime(token.createdAt, page.locale)}</td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, page.locale) : '—'}</td>
                <td>
                  <form
                    method="post"
                    action={`/account/tokens/${token.id}/revoke`}
                    class="inline-form"
                  >
                    <CsrfField token={page.csrfToken} />
                    <button type="submit" class="button button--secondary">
                      {t('account.tokenRevoke')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ErrorSummary errors={tokenErrors} t={t} />
      <form method="post" action="/account/tokens" class="form narrow" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} name="tokenName" errors={tokenErrors} required />
        <button type="submit" class="button">
          {t('common.create')}
        </button>
      </form>
    </Layout>
  )
}

export function SetupPage(props: {
  page: PageContext
  token: string
  values?: Record<string, string>
  errors?: FormErrors | null
}) {
  const { page, errors, values } = props
  const { t } = page
  return (
    <Layout page={page} title={t('setup.title')}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.lead')}</p>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={`/setup/${props.token}`} class="form narrow" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} name="displayName" value={values?.displayName} errors={errors} required />
        <TextField
          t={t}
          name="email"
          type="email"
          value={values?.email}
          errors={errors}
          required
          autocomplete="username"
        />
        <TextField
          t={t}
          name="password"
          type="password"
          errors={errors}
          required
          hint={t('account.passwordHint')}
          autocomplete="new-password"
        />
        <button type="submit" class="button">
          {t('common.create')}
        </button>
      </form>
    </Layout>
  )
}

export interface UnitOption {
  value: string
  label: string
}

export function AdminUsersPage(props: {
  page: PageContext
  users: UserSummary[]
  scopes: UnitOption[]
  values?: Record<string, string>
  errors?: FormErrors | null
  notice?: string | undefined
}) {
  const { page, errors, values } = props
  const { t } = page
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))
  return (
    <Layout
      page={page}
      title={t('admin.users')}
      notice={props.notice}
      crumbs={[{ label: t('admin.title'), href: '/admin' }, { label: t('admin.users') }]}
    >
      <h1>{t('admin.users')}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('field.displayName')}</th>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('admin.roles')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>
                <ul class="plain">
                  {u.roles.map((r) => (
                    <li>
                      {t(`role.${r.role}`)}
                      {r.scopeName ? `（${r.scopeName}）` : ''}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('admin.newUser')}</h2>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action="/admin/users" class="form narrow" novalidate>
        <CsrfField token={page.csrfToken} />
        <TextField t={t} name="displayName" value={values?.displayName} errors={errors} required />
        <TextField t={t} name="email" type="email" value={values?.email} errors={errors} required />
        <TextField
          t={t}
          name="password"
          type="password"
          errors={errors}
          required
          hint={t('account.passwordHint')}
          autocomplete="new-password"
        />
        <SelectField
          t={t}
          name="role"
          value={values?.role ?? 'staff'}
          options={roleOptions}
          errors={errors}
          required
        />
        <SelectField
          t={t}
          name="scopeUnitId"
          value={values?.scopeUnitId}
          options={props.scopes}
          errors={errors}
          includeEmpty={t('org.noParent')}
        />
        <button type="submit" class="button">
          {t('common.create')}
        </button>
      </form>
    </Layout>
  )
}
