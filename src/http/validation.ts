import type { z } from 'zod'
import type { MessageKey } from '../i18n/index.ts'
import { type FieldIssue, invalid } from './errors.ts'

type Issue = z.core.$ZodIssue

function issueToField(issue: Issue): FieldIssue {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { key: 'validation.required' }
      return { key: issue.expected === 'number' ? 'validation.number' : 'validation.invalid' }
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') {
        return min <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.tooShort', params: { min } }
      }
      return { key: 'validation.tooSmall', params: { min } }
    }
    case 'too_big':
      return issue.origin === 'string'
        ? { key: 'validation.tooLong', params: { max: Number(issue.maximum) } }
        : { key: 'validation.tooBig', params: { max: Number(issue.maximum) } }
    case 'invalid_format': {
      const formats: Record<string, MessageKey> = {
        email: 'validation.email',
        uuid: 'validation.uuid',
      }
      return { key: formats[issue.format] ?? 'validation.format' }
    }
    case 'invalid_value':
      return { key: 'validation.choice' }
    case 'unrecognized_keys':
      return { key: 'validation.unknownField' }
    case 'custom': {
      const key = issue.message as MessageKey
      return { key: key.includes('.') ? key : 'validation.invalid' }
    }
    default:
      return { key: 'validation.invalid' }
  }
}

/**
 * Parses input with a schema, or throws a 400 AppError with one message per field.
 * Custom refinements put a catalogue key in `message`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, FieldIssue[]> = {}
  const add = (name: string, issue: Issue) => {
    fields[name] = [...(fields[name] ?? []), issueToField(issue)]
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add(key, issue)
    else add(issue.path.length ? issue.path.join('.') : '_', issue)
  }
  throw invalid(fields)
}
