/**
 * Password hashing with scrypt at N=2^17, r=8, p=1 (OWASP's recommendation),
 * stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later and old
 * hashes still verify. scrypt needs 128·N·r bytes, so maxmem is raised.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 2 ** 17
const R = 8
const P = 1
const KEY_LENGTH = 32

/**
 * At most two hashes at a time: scrypt runs on libuv's four worker threads,
 * the same ones SQLite uses, and a burst of sign-ins must not starve the database.
 */
const MAX_PARALLEL = 2
let running = 0
const waiting: (() => void)[] = []

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its slot straight to the next one waiting.
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve))
  else running += 1
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running -= 1
  }
}

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 128 * (options.N ?? N) * (options.r ?? R) * 2
  return withSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}
