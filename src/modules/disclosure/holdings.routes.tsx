import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../http/context.ts'
import { formFields, idParam, noticeOf, pageContext, requireActor } from '../../http/page.ts'
import type { FormErrors } from '../../views/forms.tsx'
import {
  createHolding,
  holdingTotals,
  listHoldings,
  reviewHolding,
  startCampaign,
} from './holdings.service.ts'
import { HoldingsPage, TotalsPage } from './holdings.views.tsx'
import { db, submit } from './routes.support.ts'

async function holdingsPage(
  c: Context<AppEnv>,
  errors?: FormErrors,
  values?: Record<string, string>,
) {
  const register = await listHoldings(c.get('deps').db, requireActor(c))
  return c.html(
    <HoldingsPage
      page={await pageContext(c)}
      register={register}
      errors={errors ?? null}
      values={values ?? {}}
      notice={noticeOf(c)}
    />,
  )
}

export const holdingRoutes = new Hono<AppEnv>()
  .get('/holdings', (c) => holdingsPage(c))
  .post('/holdings', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await createHolding(db(c), requireActor(c), fields)
        return '/disclosure/holdings?notice=disclosure.notice.holdingAdded'
      },
      (e, v) => holdingsPage(c, e, v),
    )
  })
  .post('/holdings/:id/review', async (c) => {
    const id = idParam(c)
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await reviewHolding(db(c), requireActor(c), id, fields)
        return '/disclosure/holdings?notice=disclosure.notice.reviewed'
      },
      (e) => holdingsPage(c, e),
    )
  })
  .post('/campaigns', async (c) => {
    const fields = await formFields(c)
    return submit(
      c,
      fields,
      async () => {
        await startCampaign(db(c), requireActor(c), fields)
        return '/disclosure/holdings?notice=disclosure.notice.campaignStarted'
      },
      (e, v) => holdingsPage(c, e, v),
    )
  })
  .get('/holdings/totals', async (c) => {
    const totals = await holdingTotals(db(c), requireActor(c))
    return c.html(<TotalsPage page={await pageContext(c)} totals={totals} />)
  })
