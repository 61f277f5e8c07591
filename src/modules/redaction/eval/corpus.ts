import type { EvalDocument } from './annotated.ts'
import { generatedDocuments } from './generate.ts'
import { handwrittenDocuments } from './handwritten.ts'

/** The evaluation set: hand-written excerpts and 240 generated minutes (seeded, stable). */
export function evaluationCorpus(): EvalDocument[] {
  return [...handwrittenDocuments(), ...generatedDocuments(240)]
}
