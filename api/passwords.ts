/**
 * Local account passwords (本地账号口令): salted scrypt, never stored or logged in clear.
 * Stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can rise later without breaking
 * old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { passwordProblem as rulePasswordProblem } from '../core/auth/password-rule';
import { readCommonPasswords } from '../db/seed/common-passwords';

const COST = 16384;
const BLOCK_SIZE = 8;
const PARALLEL = 1;
const KEY_LENGTH = 32;

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

/** One sentence when `password` may not be `username`'s new password, else null. */
export function passwordProblem(
  password: string,
  username: string | null,
): { zh: string; en: string } | null {
  return rulePasswordProblem(password, username, readCommonPasswords());
}
