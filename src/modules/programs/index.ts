export { programsAgendaSource } from './programs.agenda.ts'
export { analysisRows, getAnalysis } from './programs.analysis.ts'
export { programApiRoutes, reviewListQuerySchema } from './programs.api.ts'
export { decideReview, recordReviewDecision } from './programs.decisions.ts'
export { demoWorkbook } from './programs.demo-workbook.ts'
export { type Sheet, toCsv, toXlsx } from './programs.export.ts'
export {
  type ImportResult,
  importProgramFile,
  type RowError,
  runProgramImport,
} from './programs.import.ts'
export { PROGRAM_IMPORT_JOB, programImportJobHandler, startProgramImport } from './programs.jobs.ts'
export { programsOpenApiPaths } from './programs.openapi.ts'
export {
  getReview,
  getReviewSheet,
  listReviews,
  listReviewsAwaitingDecision,
  saveReviewDraft,
  submitReview,
} from './programs.reviews.ts'
export { programRoutes } from './programs.routes.tsx'
export {
  registryFilterSchema,
  reviewDecisionSchema,
  reviewDraftSchema,
} from './programs.schemas.ts'
export { seedPrograms } from './programs.seed.ts'
export { getProgram, listPrograms, listVerdicts } from './programs.service.ts'
export type { Program, ProgramYear, ProgramYearRow, Review, Verdict } from './programs.types.ts'
