/**
 * The overdue alarm (超期提醒): every 15 s, and whenever a case changes, ask which cases'
 * deadlines passed since the last look, or which an import brought in already overdue
 * (cases.newlyOverdue). Cases already overdue when the board opens do not ring; each newly
 * overdue case rings once. Muting is remembered.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiResult } from '../../../api/contract';
import { getApi } from '../../api/client';
import { beep, unlockAudio } from './beep';

const MUTE_KEY = 'griddesk.alarm.muted';
const POLL_MS = 15_000;

export interface OverdueAlarm {
  /** The contract's newly overdue cases (list rows whose deadline is known). */
  cases: ApiResult<'cases.newlyOverdue'>['cases'];
  muted: boolean;
  soundBlocked: boolean;
  toggleMute(): void;
  dismiss(): void;
}

function readMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function useOverdueAlarm(): OverdueAlarm {
  const [cases, setCases] = useState<OverdueAlarm['cases']>([]);
  const [muted, setMuted] = useState(readMuted);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const since = useRef<number | null>(null);
  const seen = useRef(new Set<number>());
  const mutedRef = useRef(muted);
  useEffect(() => {
    mutedRef.current = muted;
  }, [muted]);

  const check = useCallback(async () => {
    // The first look only sets where "since" starts: what is overdue already is not news.
    const from = since.current ?? Date.now();
    try {
      const answer = await getApi().call('cases.newlyOverdue', { since: from });
      since.current = answer.asOf;
      const fresh = answer.cases.filter((c) => !seen.current.has(c.id));
      if (fresh.length === 0) return;
      for (const c of fresh) seen.current.add(c.id);
      setCases((shown) => [...fresh, ...shown].slice(0, 20));
      if (!mutedRef.current) setSoundBlocked(!(await beep()));
    } catch {
      // A missed look is made up by the next one: "since" has not moved.
    }
  }, []);

  useEffect(() => {
    void check();
    const timer = setInterval(() => void check(), POLL_MS);
    const unsubscribe = getApi().subscribe((event) => {
      if (event.type === 'cases.changed' || event.type === 'data.changed') void check();
    });
    const gesture = () => {
      unlockAudio();
      setSoundBlocked(false);
    };
    window.addEventListener('pointerdown', gesture);
    window.addEventListener('keydown', gesture);
    return () => {
      clearInterval(timer);
      unsubscribe();
      window.removeEventListener('pointerdown', gesture);
      window.removeEventListener('keydown', gesture);
    };
  }, [check]);

  return {
    cases,
    muted,
    soundBlocked: soundBlocked && !muted,
    toggleMute: () => {
      const next = !muted;
      setMuted(next);
      try {
        window.localStorage.setItem(MUTE_KEY, next ? '1' : '0');
      } catch {
        // Then it lasts for this page only.
      }
    },
    dismiss: () => setCases([]),
  };
}
