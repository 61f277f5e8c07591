import type { Db } from '../db/schema.ts'
import { withTransaction } from '../db/transaction.ts'
import { insertUser } from '../modules/accounts/index.ts'
import { seedCouncils } from '../modules/councils/index.ts'
import { seedDisclosure } from '../modules/disclosure/index.ts'
import { seedHq } from '../modules/hq/index.ts'
import { seedInitiatives } from '../modules/initiatives/index.ts'
import { DEMO_ACCOUNTS, demoEmail, SEED_PEOPLE, seedOrganisation } from '../modules/org/index.ts'
import { seedPr } from '../modules/pr/index.ts'
import { seedPrograms } from '../modules/programs/index.ts'
import { seedProposals } from '../modules/proposals/index.ts'
import { demoFiscalYear, seedScheduleDemo } from '../modules/schedule/index.ts'

export interface DemoAccount {
  role: string
  email: string
  name: string
}

/** Is this a database nobody has used yet? Then the demo bureau (or the set-up link) is due. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [units, users] = await Promise.all([
    db.selectFrom('units').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ])
  return !units && !users
}

/** The seed document's bureau and one account per role, all with the same demo password. */
export async function seedDemo(db: Db, password: string): Promise<DemoAccount[]> {
  return withTransaction(db, async (trx) => {
    const org = await seedOrganisation(trx)
    const accounts: DemoAccount[] = []
    for (const account of DEMO_ACCOUNTS) {
      const person = SEED_PEOPLE.find((p) => p.key === account.person)!
      const email = demoEmail(account.role)
      await insertUser(trx, null, {
        email,
        displayName: person.name,
        password,
        role: account.role,
        scopeUnitId: account.scope ? org.unitIdByCode.get(account.scope)! : null,
        personId: org.personIdByKey.get(person.key)!,
      })
      accounts.push({ role: account.role, email, name: person.name })
    }
    await seedScheduleDemo(trx, org.unitIdByCode)
    await seedInitiatives(trx, org.unitIdByCode, demoFiscalYear())
    await seedHq(trx, demoFiscalYear())
    await seedPrograms(trx)
    await seedCouncils(trx)
    await seedProposals(trx, org, password)
    await seedPr(trx, org.unitIdByCode, demoFiscalYear())
    await seedDisclosure(trx)
    return accounts
  })
}
