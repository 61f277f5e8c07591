import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface UsersTable {
  id: Generated<string>
  email: string
  display_name: string
  person_id: string | null
  password_hash: string | null
  oidc_subject: string | null
  locale: Generated<'ja' | 'en'>
  active: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface UserRolesTable {
  user_id: string
  role: string
  scope_unit_id: string | null
  created_at: Timestamp
}

export interface SessionsTable {
  id_hash: string
  user_id: string
  created_at: Timestamp
  expires_at: Date
  last_seen_at: Timestamp
}

export interface ApiTokensTable {
  id: Generated<string>
  user_id: string
  name: string
  token_hash: string
  created_at: Timestamp
  last_used_at: Date | null
  revoked_at: Date | null
}

export interface LoginFailuresTable {
  id: Generated<string>
  account: string
  address: string
  at: Timestamp
}

export interface SetupTokensTable {
  token_hash: string
  created_at: Timestamp
  used_at: Date | null
}

export interface AccountsTables {
  users: UsersTable
  user_roles: UserRolesTable
  sessions: SessionsTable
  api_tokens: ApiTokensTable
  login_failures: LoginFailuresTable
  setup_tokens: SetupTokensTable
}
