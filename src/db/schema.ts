import type { Kysely, Transaction } from 'kysely'
import type { FilesTables } from '../files/files.tables.ts'
import type { AccountsTables } from '../modules/accounts/accounts.tables.ts'
import type { OrgTables } from '../modules/org/org.tables.ts'
import type { ProposalsTables } from '../modules/proposals/proposals.tables.ts'
import type { PlatformTables } from './platform.tables.ts'

export interface DB
  extends PlatformTables,
    FilesTables,
    OrgTables,
    AccountsTables,
    ProposalsTables {}

/** A database handle or an open transaction: services accept either. */
export type Db = Kysely<DB> | Transaction<DB>
