import type { Kysely, Transaction } from 'kysely'
import type { AccountsTables } from '../modules/accounts/accounts.tables.ts'
import type { OrgTables } from '../modules/org/org.tables.ts'
import type { ProgramsTables } from '../modules/programs/programs.tables.ts'
import type { PlatformTables } from './platform.tables.ts'

export interface DB extends PlatformTables, OrgTables, AccountsTables, ProgramsTables {}

/** A database handle or an open transaction: services accept either. */
export type Db = Kysely<DB> | Transaction<DB>
