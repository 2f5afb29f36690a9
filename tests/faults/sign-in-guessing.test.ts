/**
 * Fault: someone guesses passwords as fast as the machine answers (issue 10: "20 passwords a
 * second with no delay or lockout"). Over the real loopback host: after five wrong passwords
 * the account is refused there with HTTP 429 and a sentence saying until when, even when the
 * right password comes next; a burst of guesses sent all at once checks no more than five.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fromWallClock } from '../../core/time';
import {
  ADMIN_PASSWORD,
  OPERATOR_PASSWORD,
  openSignInDesk,
  serveDesk,
  type SignInDesk,
} from '../integration/sign-in-fixture';

const NOW = fromWallClock(2026, 11, 21, 9, 5, 0); // 09:05 Shanghai
let desk: SignInDesk;
afterEach(() => desk?.close());

describe('guessing a password over browser mode', () => {
  it('refuses the 6th guess onward of 20 quick ones, the right password among them', async () => {
    desk = await openSignInDesk(NOW);
    const served = await serveDesk(desk);
    try {
      const rightAt = new Set([6, 11, 20]);
      const answers = [];
      for (let n = 1; n <= 20; n += 1) {
        const password = rightAt.has(n) ? OPERATOR_PASSWORD : `guess-${n}-2026`;
        answers.push(await served.call('auth.signIn', { username: 'zhangmin', password }));
        desk.clock.now += 50; // 20 a second
      }
      expect(answers.slice(0, 4).map((a) => a.status)).toEqual([400, 400, 400, 400]);
      for (const [i, answer] of answers.entries()) {
        if (i < 4) continue;
        expect(answer.status, `guess ${i + 1}`).toBe(429);
        expect(answer.body.error!.code).toBe('sign_in_locked');
        expect(answer.body.result).toBeUndefined();
        // Locked at 09:05:00.2 until 09:20:00.2: "try again after 09:21".
        expect(answer.body.error!.message.zh).toContain('请于 09:21 后再试');
      }
      // Only five were checked; the other fifteen were refused unchecked, and all are logged.
      expect(desk.audit('auth.signIn.failed')).toHaveLength(5);
      expect(desk.audit('auth.signIn.lockedOut')).toHaveLength(1);
      expect(desk.audit('auth.signIn.refused')).toHaveLength(15);
      expect(desk.audit('auth.signIn')).toHaveLength(0); // nobody got in
      expect(
        desk.db
          .prepare(
            "SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'zhangmin')",
          )
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      await served.host.close();
    }
  });

  it('checks no more than five of twenty guesses sent all at once', async () => {
    desk = await openSignInDesk(NOW);
    const served = await serveDesk(desk);
    try {
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          served.call('auth.signIn', { username: 'admin', password: `burst-${n}-guess` }),
        ),
      );
      const statuses = burst.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 400)).toHaveLength(4);
      expect(statuses.filter((s) => s === 429)).toHaveLength(16);
      expect(desk.audit('auth.signIn.failed')).toHaveLength(5);
      const right = await served.call('auth.signIn', {
        username: 'admin',
        password: ADMIN_PASSWORD,
      });
      expect(right.status).toBe(429);
      expect(right.body.error!.message.en).toMatch(/try again after 09:20 \(Beijing time\)/);
    } finally {
      await served.host.close();
    }
  });
});
