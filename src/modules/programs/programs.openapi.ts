/** The programme endpoints of the OpenAPI document (merged into `src/http/openapi.ts`). */
export function programsOpenApiPaths(errorResponses: Record<string, unknown>, idParameter: object) {
  const query = (name: string, schema: object, description: string) => ({
    name,
    in: 'query',
    required: false,
    schema,
    description,
  })
  const ok = (description: string) => ({ '200': { description }, ...errorResponses })
  return {
    '/programs': {
      get: {
        summary: '事業一覧（事業×年度）',
        parameters: [
          query('fiscalYear', { type: 'integer' }, '事業年度（西暦）。省略時は最新年度'),
          query('department', { type: 'string', format: 'uuid' }, '所管部局（組織ID）'),
          query('q', { type: 'string', maxLength: 100 }, '事業名・予算事業IDの部分一致'),
          query('page', { type: 'integer', minimum: 1 }, 'ページ（50件ずつ）'),
        ],
        responses: ok(
          '{ fiscalYear, total, page, pages, programs: [{ id, code, name, departmentName, …, year: { fiscalYear, currentBudget, executedAmount, executionRate, … }, reviewStatus, verdictName }] }',
        ),
      },
    },
    '/programs/{id}': {
      parameters: [idParameter],
      get: {
        summary: '事業の詳細（年度別の予算・執行と点検シート）',
        responses: ok('{ program, years, reviews }'),
      },
    },
    '/programs/reviews': {
      get: {
        summary: '点検シート一覧',
        parameters: [
          query(
            'status',
            { type: 'string', enum: ['draft', 'submitted', 'decided'] },
            '状態（submitted = 本部の判定待ち）',
          ),
          query('fiscalYear', { type: 'integer' }, '事業年度'),
        ],
        responses: ok(
          '{ reviews: [{ id, programId, programName, fiscalYear, status, deadline, …, verdict, verdictName, reflectedAmount }] }',
        ),
      },
    },
    '/programs/reviews/{id}': {
      parameters: [idParameter],
      get: { summary: '点検シートと履歴', responses: ok('{ review, history }') },
    },
  }
}
