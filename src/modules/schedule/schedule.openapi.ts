import { z } from 'zod'
import { progressSchema, taskInputSchema, taskUpdateSchema } from './schedule.schemas.ts'

const body = (s: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) },
  },
})
const ok = { '200': { description: 'OK' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }

/** The schedule's part of the OpenAPI document. */
export const scheduleOpenApiPaths = {
  '/schedule/tasks': {
    get: {
      summary:
        '全体スケジュールのタスク一覧（年度・workstream・unit で絞り込み、overdue を含む）。year を省くと今日の年度',
      parameters: [
        { name: 'workstream', in: 'query', schema: { type: 'string' } },
        { name: 'unit', in: 'query', schema: { type: 'string', format: 'uuid' } },
        { name: 'year', in: 'query', schema: { type: 'integer', minimum: 2000, maximum: 2100 } },
      ],
      responses: ok,
    },
    post: {
      summary: 'タスクの追加',
      requestBody: body(taskInputSchema),
      responses: { '201': { description: 'Created' } },
    },
  },
  '/schedule/tasks/{id}': {
    parameters: [id],
    get: { summary: 'タスクの詳細', responses: ok },
    put: {
      summary: 'タスクの更新（他機能から連携したタスクは 403）',
      requestBody: body(taskUpdateSchema),
      responses: ok,
    },
  },
  '/schedule/tasks/{id}/progress': {
    parameters: [id],
    patch: { summary: '進捗の報告（担当部所）', requestBody: body(progressSchema), responses: ok },
  },
}
