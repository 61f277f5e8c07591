import { z } from 'zod'
import { agendaPullSchema, decisionSchema, meetingInputSchema } from './hq.schemas.ts'

const body = (s: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) },
  },
})
const ok = { '200': { description: 'OK' } }
const created = { '201': { description: 'Created' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }

/** HQ's part of the OpenAPI document. */
export const hqOpenApiPaths = {
  '/hq/meetings': {
    get: { summary: '推進本部の会議一覧', responses: ok },
    post: { summary: '会議の登録', requestBody: body(meetingInputSchema), responses: created },
  },
  '/hq/meetings/{id}': {
    parameters: [id],
    get: { summary: '会議の詳細（議題・資料・出欠・決定待ちの案件）', responses: ok },
  },
  '/hq/meetings/{id}/agenda': {
    parameters: [id],
    post: {
      summary: '決定待ちの案件を議題にする',
      requestBody: body(agendaPullSchema),
      responses: created,
    },
  },
  '/hq/agenda/{id}/decision': {
    parameters: [id],
    post: {
      summary: '議題の決定（元の案件に反映、二度目は 409）',
      requestBody: body(decisionSchema),
      responses: ok,
    },
  },
}
