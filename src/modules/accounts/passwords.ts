import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'

// N=2^15, r=8, p=1: OWASP's scrypt minimum. Tests may lower N through the environment
// so that hundreds of sign-ins stay quick; the stored hash records the parameters used.
const defaultCost = Number(process.env.KAIKAKU_SCRYPT_COST ?? 2 ** 15)
const keyLength = 32

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N: defaultCost, r: 8, p: 1 })
  return `scrypt$${defaultCost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = stored?.split('$')
  if (parts?.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check so that unknown accounts are not revealed by timing.
    await derive(password, randomBytes(16), { N: defaultCost, r: 8, p: 1 })
    return false
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
