import { z } from 'zod'
import { issueUpdateSchema, itemInputSchema, publishSchema } from './newsletter.schemas.ts'

const body = (s: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) },
  },
})
const ok = { '200': { description: 'OK' } }
const created = { '201': { description: 'Created' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }

/** The newsletter's part of the OpenAPI document. */
export const newsletterOpenApiPaths = {
  '/news/issues': {
    get: {
      summary: '業務改革推進本部NEWS（q で検索）',
      parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
      responses: ok,
    },
    post: { summary: '新しい号を作成（前号以降の出来事を記事案に）', responses: created },
  },
  '/news/issues/{id}': {
    parameters: [id],
    get: { summary: '号の詳細', responses: ok },
    put: { summary: '下書きの編集', requestBody: body(issueUpdateSchema), responses: ok },
  },
  '/news/issues/{id}/items': {
    parameters: [id],
    post: { summary: '記事の追加', requestBody: body(itemInputSchema), responses: created },
  },
  '/news/issues/{id}/publish': {
    parameters: [id],
    post: { summary: '発行（全職員にメール）', requestBody: body(publishSchema), responses: ok },
  },
}
