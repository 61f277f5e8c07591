import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { Actor } from '../auth/actor.ts'
import type { Config } from '../config.ts'
import type { DbKind } from '../db/client.ts'
import type { DB } from '../db/schema.ts'
import type { Locale, Translate } from '../i18n/index.ts'
import type { Mailer } from '../notifications/mailer.ts'

/** What the app is built from; tests build it with their own database. */
export interface AppDeps {
  db: Kysely<DB>
  dbKind: DbKind
  config: Config
  logger: Logger
  mailer: Mailer | null
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    actor: Actor | null
    /** How the actor was identified: a browser session or an API bearer token. */
    via: 'session' | 'bearer' | null
    locale: Locale
    t: Translate
    csrfToken: string
  }
}
