import type { Kysely, Transaction } from 'kysely'
import type { FilesTables } from '../files/files.tables.ts'
import type { AccountsTables } from '../modules/accounts/accounts.tables.ts'
import type { CouncilsTables } from '../modules/councils/councils.tables.ts'
import type { DisclosureTables } from '../modules/disclosure/disclosure.tables.ts'
import type { HqTables } from '../modules/hq/hq.tables.ts'
import type { InitiativesTables } from '../modules/initiatives/initiatives.tables.ts'
import type { NewsletterTables } from '../modules/newsletter/newsletter.tables.ts'
import type { OrgTables } from '../modules/org/org.tables.ts'
import type { PrTables } from '../modules/pr/pr.tables.ts'
import type { ProgramsTables } from '../modules/programs/programs.tables.ts'
import type { ProposalsTables } from '../modules/proposals/proposals.tables.ts'
import type { ScheduleTables } from '../modules/schedule/schedule.tables.ts'
import type { PlatformTables } from './platform.tables.ts'

export interface DB
  extends PlatformTables,
    FilesTables,
    OrgTables,
    AccountsTables,
    ScheduleTables,
    InitiativesTables,
    HqTables,
    NewsletterTables,
    ProgramsTables,
    CouncilsTables,
    ProposalsTables,
    PrTables,
    DisclosureTables {}

/** A database handle or an open transaction: services accept either. */
export type Db = Kysely<DB> | Transaction<DB>
