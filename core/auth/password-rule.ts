/**
 * The rule for a new password (口令规则): long enough, not one of the commonest passwords,
 * not the username. Pure: the list of common passwords is handed in (api/passwords.ts reads
 * assets/reference/common-passwords.txt).
 */

const MIN_PASSWORD_LENGTH = 10;
/** A username shorter than this is only refused as the whole password, not inside it. */
const MIN_CONTAINED_USERNAME = 3;

interface Sentence {
  zh: string;
  en: string;
}

/** The key a password is looked up by in the common list: NFC, lower case. */
export function commonPasswordKey(password: string): string {
  return password.normalize('NFC').toLowerCase();
}

/** One sentence saying why `password` may not be `username`'s new password, else null. */
export function passwordProblem(
  password: string,
  username: string | null,
  common: ReadonlySet<string>,
): Sentence | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return {
      zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符（现在是 ${length} 个）。`,
      en: `A password needs at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`,
    };
  }
  if (!/\D/.test(password) || /^(.)\1+$/u.test(password)) {
    return {
      zh: '密码不能全是数字或同一个字符。',
      en: 'A password cannot be only digits or one repeated character.',
    };
  }
  const key = commonPasswordKey(password);
  if (common.has(key)) {
    return {
      zh: '这是最常见的密码之一，很容易被猜中：请换一个。',
      en: 'This is one of the commonest passwords and is easily guessed: choose another.',
    };
  }
  const name = username ? commonPasswordKey(username.trim()) : '';
  if (name && (key === name || (name.length >= MIN_CONTAINED_USERNAME && key.includes(name)))) {
    return {
      zh: `密码不能包含用户名 ${username}。`,
      en: `A password cannot contain the username ${username}.`,
    };
  }
  return null;
}
