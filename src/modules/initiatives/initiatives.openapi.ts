import { z } from 'zod'
import {
  hqReportSchema,
  initiativeUpdateSchema,
  midtermCheckSchema,
  wlbFigureSchema,
  wlbTargetSchema,
} from './initiatives.schemas.ts'

const body = (s: z.ZodType) => ({
  content: {
    'application/json': { schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) },
  },
})
const ok = { '200': { description: 'OK' } }
const created = { '201': { description: 'Created' } }
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const fy = { name: 'fy', in: 'query', schema: { type: 'integer' } }

/** The initiatives' part of the OpenAPI document. */
export const initiativesOpenApiPaths = {
  '/initiatives': {
    get: { summary: '事業所の業務改善の取組（年度）', parameters: [fy], responses: ok },
  },
  '/initiatives/{id}': {
    parameters: [id],
    get: { summary: '取組の詳細（中間点検・本部のフィードバック）', responses: ok },
    put: {
      summary: '目標・年度末のまとめ・次年度の計画',
      requestBody: body(initiativeUpdateSchema),
      responses: ok,
    },
  },
  '/initiatives/{id}/midterm': {
    parameters: [id],
    put: { summary: '中間点検の提出・修正', requestBody: body(midtermCheckSchema), responses: ok },
  },
  '/initiatives/units/{id}/wlb': {
    parameters: [id],
    get: { summary: 'ライフ・ワーク・バランスの月別実績と目標', parameters: [fy], responses: ok },
    post: {
      summary: '月別実績の入力（同じ月は 400）',
      requestBody: body(wlbFigureSchema),
      responses: created,
    },
  },
  '/initiatives/units/{id}/wlb-target': {
    parameters: [id],
    put: { summary: '年度の目標', requestBody: body(wlbTargetSchema), responses: ok },
  },
  '/initiatives/reports': {
    post: {
      summary: '推進本部への報告（中間点検提出済みの取組）',
      requestBody: body(hqReportSchema),
      responses: created,
    },
  },
}
