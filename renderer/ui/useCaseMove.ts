/**
 * The one way a screen moves a case (the board's detail panel and the map's case card):
 * which moves this user may make now (cases.get lists them, allowed or refused with the
 * reason), the one being filled in, number keys to pick one, and cases.move sent through
 * useApiCall with the state the user saw when they opened the move's form (expectedState),
 * so a case another seat moved meanwhile is refused rather than moved twice: the detail
 * under an open form refreshes live, so its state is not the one the user decided on. `onMoved` gets the answer (the case as it is now)
 * so the screen can show it or refresh.
 */
import { useFlash } from './useFlash';
import { useCallback, useMemo, useState } from 'react';
import type { ApiResult, CaseDetail, MoveRequest } from '../../api/contract';
import type { MoveKind } from '../../core/cases/moves';
import { isTypingInto } from './is-typing-into';
import { useApiCall } from './useApiCall';

export function useCaseMove(
  detail: CaseDetail | null,
  {
    acting = true,
    onMoved,
  }: {
    /** false: no session may act, so nothing is offered. */
    acting?: boolean;
    onMoved?(answer: ApiResult<'cases.move'>): void;
  } = {},
) {
  const call = useApiCall('cases.move');
  const [kind, setKind] = useState<MoveKind | null>(null);
  /** The case's state when the open form was picked (null with no form open). */
  const [seenState, setSeenState] = useState<CaseDetail['state'] | null>(null);
  const [done, setDone] = useFlash();
  const allowed = useMemo(
    () => (acting ? (detail?.moves.filter((m) => m.allowed) ?? []) : []),
    [acting, detail],
  );
  const refused = useMemo(
    () => (acting ? (detail?.moves.filter((m) => !m.allowed) ?? []) : []),
    [acting, detail],
  );
  const { reset, run } = call;

  const choose = useCallback(
    (next: MoveKind | null) => {
      reset();
      setDone(null);
      setKind(next);
      setSeenState(next ? (detail?.state ?? null) : null);
    },
    [reset, setDone, detail],
  );

  const submit = useCallback(
    async (move: MoveRequest) => {
      if (!detail) return;
      const expectedState = seenState ?? detail.state;
      const answer = await run({ caseId: detail.id, expectedState, move });
      if (!answer) {
        // Refused because the case moved: the sentence said so; from now on the user decides
        // on the case as it is (the form and its text stay, a resubmit is judged afresh).
        setSeenState(detail.state);
        return;
      }
      setKind(null);
      setSeenState(null);
      setDone((say) => say('cases.move.done', { move: say(`move.${move.kind}`) }));
      onMoved?.(answer);
    },
    [detail, seenState, run, setDone, onMoved],
  );

  /** Keys 1…9 pick the n-th allowed move (docs/design/UI.md); true when the key was taken. */
  const pickByKey = useCallback(
    (event: KeyboardEvent): boolean => {
      if (kind || isTypingInto(event.target)) return false;
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      const n = Number(event.key);
      if (!Number.isInteger(n) || n < 1 || n > allowed.length) return false;
      event.preventDefault();
      choose(allowed[n - 1]!.kind);
      return true;
    },
    [kind, allowed, choose],
  );

  return {
    allowed,
    refused,
    /** The move being filled in, or null. */
    kind,
    /** True when the case moved (another seat, say) since the open form was picked. */
    stale: Boolean(kind && seenState && detail && detail.state !== seenState),
    choose,
    cancel: useCallback(() => {
      setKind(null);
      setSeenState(null);
    }, []),
    submit,
    pickByKey,
    working: call.working,
    error: call.error,
    /** "已派遣" after a move went through, until another is picked. */
    done,
  };
}
