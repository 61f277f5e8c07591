import { z } from 'zod'
import {
  actionInputSchema,
  actionUpdateSchema,
  mediumInputSchema,
  mediumUpdateSchema,
} from './pr.schemas.ts'

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })
const body = (s: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: schema(s) } },
})

/** The PR endpoints of the OpenAPI document (merged into `src/http/openapi.ts`). */
export function prOpenApiPaths(errorResponses: Record<string, unknown>, idParameter: object) {
  const query = (name: string, s: object, description: string) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
    description,
  })
  const ok = (description: string) => ({ '200': { description }, ...errorResponses })
  const uuid = { type: 'string', format: 'uuid' }
  return {
    '/pr/media': {
      get: {
        summary: '広報媒体の一覧',
        parameters: [
          query('department', uuid, '所管の部（組織ID）'),
          query(
            'channel',
            {
              type: 'string',
              enum: [
                'web',
                'sns',
                'print',
                'mail_magazine',
                'event',
                'video',
                'advertisement',
                'press_release',
              ],
            },
            '種別',
          ),
          query('audience', uuid, '対象者'),
        ],
        responses: ok(
          '{ media: [{ id, name, unitId, unitName, channel, audiences, programs, costPerYear, reachMetric, reachValue, reachFrom, reachTo, printRun, stock, version }] }',
        ),
      },
      post: {
        summary: '広報媒体を登録する',
        requestBody: body(mediumInputSchema),
        responses: { '201': { description: '{ medium }' }, ...errorResponses },
      },
    },
    '/pr/media/{id}': {
      parameters: [idParameter],
      get: { summary: '広報媒体', responses: ok('{ medium }') },
      put: {
        summary: '広報媒体を更新する（version で競合を検出）',
        requestBody: body(mediumUpdateSchema),
        responses: ok('{ medium }'),
      },
      delete: {
        summary: '広報媒体を削除する',
        responses: { '204': { description: 'Deleted' }, ...errorResponses },
      },
    },
    '/pr/audiences': {
      get: { summary: '対象者（広報ターゲット）の分類', responses: ok('{ audiences }') },
    },
    '/pr/matrix': {
      get: {
        summary: 'カバー状況表（事業×対象者）: 重複と漏れ',
        parameters: [
          query('department', uuid, '事業の所管部'),
          query('channel', { type: 'string' }, 'この種別の媒体だけで見る'),
          query('area', { type: 'string' }, '政策課題（コード）'),
        ],
        responses: ok(
          '{ fiscalYear, audiences, rows: [{ programId, code, name, cells: [{ audienceId, targeted, media, overlap, gap }] }], overlaps, gaps, findings }',
        ),
      },
    },
    '/pr/actions': {
      get: { summary: '改善策の一覧', responses: ok('{ actions }') },
      post: {
        summary: '改善策を登録する（全体スケジュールに表示）',
        requestBody: body(actionInputSchema),
        responses: { '201': { description: '{ action }' }, ...errorResponses },
      },
    },
    '/pr/actions/{id}': {
      parameters: [idParameter],
      put: {
        summary: '改善策を更新する',
        requestBody: body(actionUpdateSchema),
        responses: ok('{ action }'),
      },
    },
    '/pr/surveys': { get: { summary: '局内調査の一覧', responses: ok('{ surveys }') } },
    '/pr/surveys/{id}': {
      parameters: [idParameter],
      get: { summary: '局内調査と部・事業所ごとの回答状況', responses: ok('{ survey, units }') },
    },
  }
}
