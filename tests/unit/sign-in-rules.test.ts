import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../core/auth/password-rule';
import {
  lockEndClock,
  signInLockedSentence,
  throttleState,
  type SignInAttempt,
} from '../../core/auth/sign-in-throttle';
import { MINUTE_MS, fromWallClock } from '../../core/time';
import { readCommonPasswords } from '../../db/seed/common-passwords';

const T0 = fromWallClock(2026, 11, 21, 14, 0); // 14:00 Shanghai
const at = (minutes: number) => T0 + minutes * MINUTE_MS;
const failures = (...minutes: number[]): SignInAttempt[] =>
  minutes.map((m) => ({ at: at(m), kind: 'failure' }));

describe('the sign-in throttle', () => {
  it('lets four wrong passwords through and locks on the fifth, for 15 minutes from it', () => {
    expect(throttleState(failures(0, 1, 2, 3), at(3))).toEqual({ lockedUntil: null, failures: 4 });
    const five = failures(0, 1, 2, 3, 4);
    expect(throttleState(five, at(4)).lockedUntil).toBe(at(19));
    expect(throttleState(five, at(18.99)).lockedUntil).toBe(at(19));
    // The lock expires on its own, and the five it was made of are not counted again.
    expect(throttleState(five, at(19))).toEqual({ lockedUntil: null, failures: 0 });
    expect(throttleState([...five, ...failures(20)], at(20))).toEqual({
      lockedUntil: null,
      failures: 1,
    });
  });

  it('counts only the wrong passwords of the last 15 minutes', () => {
    // 0, 1, 2, 3 then 18: the first four are out of 18's window.
    expect(throttleState(failures(0, 1, 2, 3, 18), at(18))).toEqual({
      lockedUntil: null,
      failures: 1,
    });
    // 0 … 3 and 14.9: five within 15 minutes.
    expect(throttleState(failures(0, 1, 2, 3, 14.9), at(15)).lockedUntil).toBe(at(29.9));
    // Spread out, one every 4 minutes: never five in any 15 minutes.
    const slow = failures(0, 4, 8, 12, 16, 20, 24, 28);
    expect(throttleState(slow, at(28)).lockedUntil).toBeNull();
  });

  it('starts the count again after a success or an administrator clearing the lock', () => {
    const success: SignInAttempt = { at: at(4), kind: 'success' };
    expect(throttleState([...failures(0, 1, 2, 3), success, ...failures(5)], at(5))).toEqual({
      lockedUntil: null,
      failures: 1,
    });
    const cleared: SignInAttempt = { at: at(6), kind: 'cleared' };
    const locked = failures(0, 1, 2, 3, 4);
    expect(throttleState([...locked, cleared], at(6))).toEqual({ lockedUntil: null, failures: 0 });
    // After the clearing it takes five new wrong passwords to lock again.
    expect(throttleState([...locked, cleared, ...failures(7, 8, 9, 10)], at(10)).lockedUntil).toBe(
      null,
    );
    expect(
      throttleState([...locked, cleared, ...failures(7, 8, 9, 10, 11)], at(11)).lockedUntil,
    ).toBe(at(26));
  });

  it('adds nothing for wrong passwords that were in flight when the lock came', () => {
    // Six guesses checked at once: the sixth finished after the fifth had locked.
    const burst = failures(0, 0, 0, 0, 0, 0.01, 0.02);
    expect(throttleState(burst, at(1)).lockedUntil).toBe(at(15));
    expect(throttleState(burst, at(15))).toEqual({ lockedUntil: null, failures: 0 });
  });

  it('ignores attempts from a clock ahead of now', () => {
    expect(throttleState(failures(0, 1, 2, 3, 4), at(2)).lockedUntil).toBeNull();
  });

  it('says until when in Shanghai time, rounded up to the minute', () => {
    expect(lockEndClock(at(15))).toBe('14:15');
    expect(lockEndClock(at(15) + 20_000)).toBe('14:16');
    expect(lockEndClock(fromWallClock(2026, 11, 21, 23, 59, 30))).toBe('00:00');
    const sentence = signInLockedSentence('zhangmin', at(34.5));
    expect(sentence.zh).toContain('请于 14:35 后再试');
    expect(sentence.zh).toContain('zhangmin');
    expect(sentence.en).toContain('try again after 14:35 (Beijing time)');
  });
});

describe('the rule for new passwords', () => {
  const common = readCommonPasswords();

  it('ships a list of a few thousand common passwords, Chinese favourites included', () => {
    expect(common.size).toBeGreaterThan(3000);
    for (const p of [
      'password',
      'admin123',
      '123456789',
      'a123456',
      'woaini1314',
      'qwertyuiop',
      '1qaz2wsx',
    ]) {
      expect(common.has(p), p).toBe(true);
    }
  });

  it('refuses short, all-digit, common and username passwords, each with its reason', () => {
    expect(passwordProblem('short-9', 'admin', common)?.zh).toContain('至少需要 10 个字符');
    expect(passwordProblem('我的密码九个字符吧', 'admin', common)?.en).toContain('at least 10');
    expect(passwordProblem('1234567890', 'admin', common)?.zh).toContain('不能全是数字');
    expect(passwordProblem('aaaaaaaaaaaa', 'admin', common)?.zh).toContain('同一个字符');
    expect(passwordProblem('qwertyuiop', 'admin', common)?.zh).toContain('最常见的密码');
    expect(passwordProblem('QwertyUiop', 'admin', common)?.en).toContain('commonest');
    expect(passwordProblem('Password123', 'admin', common)?.zh).toContain('最常见的密码');
    expect(passwordProblem('woaini1314', 'admin', common)).not.toBeNull();
    expect(passwordProblem('zhangmin2026', 'zhangmin', common)?.zh).toContain(
      '不能包含用户名 zhangmin',
    );
    expect(passwordProblem('my-ZhangMin-key', 'zhangmin', common)?.en).toContain('username');
    expect(passwordProblem('li.ming.2026', 'li.ming', common)).not.toBeNull();
  });

  it('lets a good password through', () => {
    expect(passwordProblem('desk-pass-2026', 'zhangmin', common)).toBeNull();
    expect(passwordProblem('春眠不觉晓处处闻啼鸟', 'admin', common)).toBeNull();
    // A two-letter username is refused as the whole password only, not inside every word.
    expect(passwordProblem('clinic-shift-7', 'li', common)).toBeNull();
    expect(passwordProblem('LiLiLiLiLiLi', 'li', common)).toBeNull();
  });
});
