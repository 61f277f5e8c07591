import { createRequire } from 'node:module'
import path from 'node:path'
import type { IpadicFeatures, Tokenizer } from 'kuromoji'

export type JapaneseTokenizer = Tokenizer<IpadicFeatures>
export type Token = IpadicFeatures

let loading: Promise<JapaneseTokenizer> | null = null

/**
 * kuromoji's IPADIC tokenizer. Loading it costs about a second and ~380 MB, so it is loaded
 * once per process, and only when first asked for.
 */
export function loadTokenizer(): Promise<JapaneseTokenizer> {
  loading ??= new Promise<JapaneseTokenizer>((resolve, reject) => {
    // The library itself is required here too, so that a process that never redacts
    // (the server on the request path, other CLI commands) does not even load its code.
    const require = createRequire(import.meta.url)
    const kuromoji = require('kuromoji') as typeof import('kuromoji')
    const dicPath = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict')
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) {
        loading = null
        reject(error)
      } else resolve(tokenizer)
    })
  })
  return loading
}

export function isTokenizerLoaded(): boolean {
  return loading !== null
}
