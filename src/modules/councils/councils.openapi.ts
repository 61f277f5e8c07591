import { z } from 'zod'
import { manualSpanSchema, minutesTextSchema, versionSchema } from './councils.schemas.ts'

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
const json = (s: object) => ({ content: { 'application/json': { schema: s } } })
const errors = {
  '400': { description: '入力エラー（fields に項目ごとのメッセージ）' },
  '401': { description: '認証が必要' },
  '403': { description: '権限なし' },
  '404': { description: '見つからない' },
  '409': { description: '状態または version が合わない' },
}
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const q = { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 } }

export const councilsOpenApiSchemas = {
  MinutesText: schema(minutesTextSchema),
  ManualSpan: schema(manualSpanSchema),
  Version: schema(versionSchema),
}

/** The councils and portal endpoints of the JSON API. */
export const councilsOpenApiPaths = {
  '/councils': {
    get: { summary: '審議会等の一覧', responses: { '200': { description: 'OK' }, ...errors } },
  },
  '/councils/meetings/{id}/minutes': {
    parameters: [id],
    post: {
      summary: '議事録の作成（マスキング候補の作成をジョブで開始）',
      requestBody: json({ $ref: '#/components/schemas/MinutesText' }),
      responses: { '201': { description: 'Created' }, ...errors },
    },
  },
  '/councils/minutes/{id}': {
    parameters: [id],
    get: {
      summary: '議事録の原文とマスキング箇所（審議会担当・情報公開担当のみ）',
      responses: { '200': { description: 'OK' }, ...errors },
    },
  },
  '/councils/minutes/{id}/spans': {
    parameters: [id],
    post: {
      summary: 'マスキング箇所の追加（原文の文字位置）',
      requestBody: json({ $ref: '#/components/schemas/ManualSpan' }),
      responses: { '201': { description: 'Created' }, ...errors },
    },
  },
  ...Object.fromEntries(
    (
      [
        ['submit', '承認の依頼'],
        ['approve', '承認（提出者以外の情報公開担当）'],
        ['publish', '公開（マスキング後の文のみ）'],
      ] as const
    ).map(([step, summary]) => [
      `/councils/minutes/{id}/${step}`,
      {
        parameters: [id],
        post: {
          summary,
          requestBody: json({ $ref: '#/components/schemas/Version' }),
          responses: { '200': { description: 'OK' }, ...errors },
        },
      },
    ]),
  ),
  '/portal/meetings': {
    get: {
      summary: '開催予定の会議（認証不要）',
      security: [],
      responses: { '200': { description: 'OK' } },
    },
  },
  '/portal/search': {
    get: {
      summary: '公開議事録の全文検索（認証不要）',
      description:
        '語を空白で区切るとすべてを含む議事録。候補が多いとき total は推定値で、totalIsEstimate が true になる。',
      security: [],
      parameters: [q],
      responses: { '200': { description: 'OK' } },
    },
  },
}
