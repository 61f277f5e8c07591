import { en } from './en.ts'
import { ja, type MessageKey } from './ja.ts'

export type Locale = 'ja' | 'en'
export type { MessageKey }
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const catalogues: Record<Locale, Record<MessageKey, string>> = { ja, en }

export function translator(locale: Locale): Translate {
  const messages = catalogues[locale]
  return (key, params) => {
    const template = messages[key] ?? ja[key] ?? key
    if (!params) return template
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )
  }
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en'
}

export function isMessageKey(value: string): value is MessageKey {
  return value in ja
}
