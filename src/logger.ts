import pino from 'pino'

export function createLogger(level: string) {
  return pino({ level, base: { service: 'kaikaku' }, timestamp: pino.stdTimeFunctions.isoTime })
}
