import type { z } from 'zod'
import {
  API_LIMIT_MAX,
  decisionInputSchema,
  PAGE_SIZE,
  proposalCreateApiSchema,
  proposalPatchSchema,
  reviewInputSchema,
} from './proposals.schemas.ts'

type Responses = Record<string, { description: string }>
const ok = { '200': { description: 'OK' } }
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** `limit` and `offset` of the list endpoints (windowSchema). */
const windowParameters = [
  {
    name: 'limit',
    in: 'query',
    description: `1ページの件数（1〜${API_LIMIT_MAX}、既定 ${PAGE_SIZE}）。範囲外は 400`,
    schema: { type: 'integer', minimum: 1, maximum: API_LIMIT_MAX, default: PAGE_SIZE },
  },
  {
    name: 'offset',
    in: 'query',
    description: '先頭から飛ばす件数（0 以上）。total 以上なら空の一覧',
    schema: { type: 'integer', minimum: 0, default: 0 },
  },
]
const windowProperties = {
  total: { type: 'integer', description: '条件に合う全件数' },
  limit: { type: 'integer' },
  offset: { type: 'integer' },
}
const jsonOk = (description: string, schema: object) => ({
  '200': { description, content: { 'application/json': { schema } } },
})

/** A list item: no text fields and nothing about who proposed (ProposalSummary). */
const proposalSummary = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    campaignId: { type: 'string', format: 'uuid' },
    campaignTitle: { type: 'string' },
    title: { type: 'string' },
    areaName: { type: ['string', 'null'] },
    status: { type: 'string' },
    submittedAt: { type: ['string', 'null'], format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'campaignId', 'campaignTitle', 'title', 'status', 'updatedAt', 'version'],
}

/** This module's part of the OpenAPI document (src/http/openapi.ts spreads it in). */
export const proposalsOpenApi = {
  schemas: (schema: (s: z.ZodType) => unknown) => ({
    ProposalCreate: schema(proposalCreateApiSchema),
    ProposalPatch: schema(proposalPatchSchema),
    ReviewInput: schema(reviewInputSchema),
    DecisionInput: schema(decisionInputSchema),
    ProposalSummary: proposalSummary,
  }),
  paths: (errors: Responses, idParameter: object, json: (s: object) => object) => ({
    '/campaigns': {
      get: { summary: '提案の募集の一覧', responses: { ...ok, ...errors } },
    },
    '/campaigns/{id}/proposals': {
      parameters: [idParameter],
      post: {
        summary: '提案の作成（submit: true で提出）',
        requestBody: json(ref('ProposalCreate')),
        responses: {
          '201': { description: 'Created: { id, version, status }; ETag は版' },
          ...errors,
        },
      },
    },
    '/campaigns/{id}/ranking': {
      parameters: [idParameter],
      get: {
        summary: '評価結果の順位と評価者間の一致度（クリッペンドルフのα）',
        responses: { ...ok, ...errors },
      },
    },
    '/proposals': {
      get: {
        summary: '見られる提案の一覧（提案者の情報は含まない）',
        parameters: [
          { name: 'campaign', in: 'query', schema: { type: 'string', format: 'uuid' } },
          { name: 'status', in: 'query', schema: { type: 'string' } },
          {
            name: 'q',
            in: 'query',
            schema: { type: 'string' },
            description: '件名と4項目の部分一致',
          },
          ...windowParameters,
        ],
        responses: {
          ...jsonOk('更新の新しい順（同時刻は id 順）の一覧と全件数', {
            type: 'object',
            properties: {
              proposals: { type: 'array', items: ref('ProposalSummary') },
              ...windowProperties,
            },
          }),
          ...errors,
        },
      },
    },
    '/proposals/{id}': {
      parameters: [idParameter],
      get: {
        summary: '提案の詳細（authors は提案者本人と事務局にだけ返す）; ETag は版',
        responses: { ...ok, ...errors },
      },
      patch: {
        summary: '下書きの更新（If-Match: "<version>" 必須、または本文の version）',
        parameters: [
          { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        requestBody: json(ref('ProposalPatch')),
        responses: {
          ...ok,
          ...errors,
          '412': { description: 'If-Match の版が古い（更新は行われない）' },
          '428': { description: 'If-Match も version もない' },
        },
      },
    },
    '/proposals/{id}/review': {
      parameters: [idParameter],
      put: {
        summary: '自分の評価の保存（割り当てられた評価者のみ; version で競合検出）',
        requestBody: json(ref('ReviewInput')),
        responses: { ...ok, ...errors },
      },
    },
    '/proposals/{id}/decision': {
      parameters: [idParameter],
      post: {
        summary: '本部の決定（採用・保留・見送り）; 2回目は 409',
        requestBody: json(ref('DecisionInput')),
        responses: { '201': { description: 'Created' }, ...errors },
      },
    },
    '/reviews/queue': {
      get: {
        summary: '評価者の担当一覧（ブラインド）: 未評価を先に、提出の古い順、id 順',
        parameters: windowParameters,
        responses: {
          ...jsonOk('担当の一覧、全件数と未評価の件数', {
            type: 'object',
            properties: {
              queue: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { proposal: ref('ProposalSummary'), reviewed: { type: 'boolean' } },
                },
              },
              unreviewed: { type: 'integer', description: '未評価の件数' },
              ...windowProperties,
            },
          }),
          ...errors,
        },
      },
    },
  }),
}
