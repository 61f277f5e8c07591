import { createHash, randomBytes } from 'node:crypto'

/** A secret for a cookie, link or bearer token, and the hash that is all the database keeps. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = prefix + randomBytes(32).toString('base64url')
  return { secret, hash: hashSecret(secret) }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
