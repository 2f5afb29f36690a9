/**
 * Local account passwords (本地账号口令): salted scrypt, never stored or logged in clear.
 * Stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can rise later without breaking
 * old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const COST = 16384;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { N: n, r, p, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLEL);
  return [
    'scrypt',
    COST,
    BLOCK_SIZE,
    PARALLEL,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** A stored hash to compare against when the user does not exist, so timing says nothing. */
const DUMMY_HASH = `scrypt$${COST}$${BLOCK_SIZE}$${PARALLEL}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? DUMMY_HASH).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash!, 'base64');
  const key = await derive(password, Buffer.from(salt!, 'base64'), Number(n), Number(r), Number(p));
  return stored != null && key.length === expected.length && timingSafeEqual(key, expected);
}

/** One sentence when a new password is too weak, else null. */
export function passwordProblem(password: string): { zh: string; en: string } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return {
      zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
      en: `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  }
  if (!/\D/.test(password) || /^(.)\1+$/.test(password)) {
    return {
      zh: '密码不能全是数字或同一个字符。',
      en: 'A password cannot be only digits or one repeated character.',
    };
  }
  return null;
}
