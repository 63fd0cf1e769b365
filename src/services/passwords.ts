import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { accountErrors } from './account.errors.ts';
import type { ServiceError } from './errors.ts';

/** The shortest password accepted (NIST SP 800-63B asks for 8 at least; we ask a little more). */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest: long enough for any passphrase, short enough that nobody posts a megabyte to the hasher. */
export const MAX_PASSWORD_LENGTH = 256;

// Passwords of 10+ characters at the top of public leak lists (and the obvious ones for this product): shorter
// ones are refused by length already. Compared without regard to case.
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '123456789a',
  'a123456789',
  '1234567890a',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'qwertyuiop',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl;',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  'aa123456789',
  'abc1234567',
  'abcd123456',
  'admin12345',
  'admin123456',
  'administrator',
  'eduplan123',
  'eduplan2025',
  '1111111111',
  '0000000000',
  '8888888888',
  '5201314520',
]);

/** The first rule a password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): ServiceError | null {
  const length = Array.from(password).length; // code points, as NIST counts: 汉字 count one each
  if (length < MIN_PASSWORD_LENGTH) return accountErrors.passwordTooShort(MIN_PASSWORD_LENGTH);
  if (length > MAX_PASSWORD_LENGTH) return accountErrors.passwordTooLong(MAX_PASSWORD_LENGTH);
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return accountErrors.passwordIsUsername();
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || /^(.)\1*$/u.test(password)) {
    return accountErrors.passwordTooCommon();
  }
  return null;
}

/**
 * An argon2id hash in PHC form, with OWASP's parameters (19 MiB, 2 passes, 1 lane) written out so a library
 * upgrade cannot weaken them silently. The algorithm is the library's default, argon2id: its `Algorithm` is an
 * ambient const enum that isolatedModules cannot reference, so the users table's CHECK (and a test) hold it instead.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Whether a password matches a stored hash; a malformed hash is a mismatch, never an exception. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification takes, for a username with no account, so response time does not tell an
 * attacker which usernames exist.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password, never a real one');
  await verifyPassword(await decoyHash, password);
  return false;
}

// No 0/O, 1/l/I: generated passwords are read off a terminal and typed by hand.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of 16 characters (about 93 bits), for first-start and demo accounts. */
export function generatePassword(): string {
  let password = '';
  for (let i = 0; i < 16; i++) password += ALPHABET.charAt(randomInt(ALPHABET.length));
  return password;
}
