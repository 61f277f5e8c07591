import { z } from 'zod'
import { councilsOpenApiPaths, councilsOpenApiSchemas } from '../modules/councils/index.ts'
import { hqOpenApiPaths } from '../modules/hq/index.ts'
import { initiativesOpenApiPaths } from '../modules/initiatives/index.ts'
import { newsletterOpenApiPaths } from '../modules/newsletter/index.ts'
import {
  groupMemberSchema,
  personInputSchema,
  personUpdateSchema,
  unitInputSchema,
  unitUpdateSchema,
} from '../modules/org/index.ts'
import { prOpenApiPaths } from '../modules/pr/index.ts'
import { programsOpenApiPaths } from '../modules/programs/index.ts'
import { proposalsOpenApi } from '../modules/proposals/index.ts'
import { scheduleOpenApiPaths } from '../modules/schedule/index.ts'

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
const json = (s: object) => ({ content: { 'application/json': { schema: s } } })
const errorResponses = {
  '400': { description: '入力エラー（fields に項目ごとのメッセージ）' },
  '401': { description: '認証が必要' },
  '403': { description: '権限なし' },
  '404': { description: '見つからない' },
  '409': { description: '更新の競合（version が古い）' },
}
const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
}

/** The JSON API's description, built from the same zod schemas the routes validate with. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kaikaku API',
      version: '1',
      description: 'Kaikaku 業務改革推進システム JSON API',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                fields: {
                  type: 'object',
                  additionalProperties: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        UnitInput: schema(unitInputSchema),
        UnitUpdate: schema(unitUpdateSchema),
        PersonInput: schema(personInputSchema),
        PersonUpdate: schema(personUpdateSchema),
        GroupMember: schema(groupMemberSchema),
        ...councilsOpenApiSchemas,
        ...proposalsOpenApi.schemas(schema),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/me': {
        get: {
          summary: '自分のアカウントと役割',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      '/org/units': {
        get: {
          summary: '組織の一覧',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
        post: {
          summary: '組織の作成',
          requestBody: json({ $ref: '#/components/schemas/UnitInput' }),
          responses: { '201': { description: 'Created' }, ...errorResponses },
        },
      },
      '/org/units/{id}': {
        parameters: [idParameter],
        get: {
          summary: '組織の詳細（下位組織・職員）',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
        put: {
          summary: '組織の更新',
          requestBody: json({ $ref: '#/components/schemas/UnitUpdate' }),
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      '/org/people': {
        post: {
          summary: '職員の登録',
          requestBody: json({ $ref: '#/components/schemas/PersonInput' }),
          responses: { '201': { description: 'Created' }, ...errorResponses },
        },
      },
      '/org/people/{id}': {
        parameters: [idParameter],
        get: {
          summary: '職員の詳細',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
        put: {
          summary: '職員の更新',
          requestBody: json({ $ref: '#/components/schemas/PersonUpdate' }),
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      '/org/groups': {
        get: {
          summary: '推進体制（本部・部会・検討チーム・情報発信PT）',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      '/org/groups/{id}/members': {
        parameters: [idParameter],
        put: {
          summary: 'メンバーの追加・役職の変更',
          requestBody: json({ $ref: '#/components/schemas/GroupMember' }),
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      '/org/groups/{id}/members/{personId}': {
        parameters: [idParameter, { ...idParameter, name: 'personId' }],
        delete: {
          summary: 'メンバーを外す',
          responses: { '204': { description: 'Removed' }, ...errorResponses },
        },
      },
      ...programsOpenApiPaths(errorResponses, idParameter),
      ...proposalsOpenApi.paths(errorResponses, idParameter, json),
      '/jobs/{id}': {
        parameters: [idParameter],
        get: {
          summary: 'ジョブの進捗',
          responses: { '200': { description: 'OK' }, ...errorResponses },
        },
      },
      ...scheduleOpenApiPaths,
      ...initiativesOpenApiPaths,
      ...hqOpenApiPaths,
      ...newsletterOpenApiPaths,
      ...councilsOpenApiPaths,
      ...prOpenApiPaths(errorResponses, idParameter),
    },
  }
}
