import { withTransaction } from '../../src/db/transaction.ts'
import { hashPassword, insertUser } from '../../src/modules/accounts/index.ts'
import { createPerson } from '../../src/modules/org/index.ts'
import { GRADES, JOB_FAMILIES } from '../../src/modules/org/org.types.ts'
import type { Context } from './generate.ts'
import { personName, pick, prng } from './japanese.ts'

export const GENERATED_USER = 'gen-user-'
const BATCH = 250

/**
 * Staff: a person in a section or office (org's createPerson) with a staff account (accounts'
 * insertUser). All share ONE scrypt hash made once (insertUser's `passwordHash` option): 50,000
 * separate hashes at the production cost would take most of an hour.
 */
export async function generatePeople(ctx: Context) {
  const { db, scale } = ctx
  const target = scale.users
  const existing = Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('email', 'like', `${GENERATED_USER}%`)
        .executeTakeFirstOrThrow()
    ).n,
  )
  const admin = await ctx.actor('admin')
  const units = await db
    .selectFrom('units')
    .select('id')
    .where('kind', 'in', ['section', 'office'])
    .orderBy('code')
    .execute()
  const passwordHash = await hashPassword(process.env.KAIKAKU_DEMO_PASSWORD ?? 'kaikaku-demo')
  for (let start = existing; start < target; start += BATCH) {
    await withTransaction(db, async (trx) => {
      for (let i = start; i < Math.min(target, start + BATCH); i++) {
        const rnd = prng(1_000_000 + i)
        const email = `${GENERATED_USER}${i}@bench.kaikaku.example`
        const name = personName(rnd)
        const person = await createPerson(trx, admin, {
          unitId: units[i % units.length]!.id,
          name,
          nameKana: null,
          email,
          title: null,
          grade: i % 20 === 0 ? 'chief' : pick(rnd, GRADES.slice(4)),
          jobFamily: pick(rnd, JOB_FAMILIES),
        })
        await insertUser(
          trx,
          admin.userId,
          {
            email,
            displayName: name,
            password: '',
            role: 'staff',
            scopeUnitId: null,
            personId: person.id,
          },
          { passwordHash },
        )
      }
    })
    ctx.progress('people', Math.min(target, start + BATCH), target)
  }
  return { kind: 'people', target, existing, made: Math.max(0, target - existing) }
}
