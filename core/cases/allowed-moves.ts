/**
 * The moves a user can make on a case right now, for the case screen's buttons and the map's
 * case card: every move the case's state permits and the user's role may make, each either
 * allowed or refused with its sentence (e.g. 采办分离 keeps the handler from closing).
 */
import type { CaseSnapshot } from './case-snapshot';
import { MOVE_FROM, MOVE_ORDER, MOVE_ROLES, type MoveKind } from './moves';
import { checkMoveAllowed, type MoveActor } from './workflow';

export interface MoveOption {
  kind: MoveKind;
  allowed: boolean;
  /** Why it is not allowed, when it is not. */
  reason?: { zh: string; en: string };
}

const NOT_APPLICABLE: ReadonlySet<string> = new Set(['no_extension_request', 'callback_recorded']);

export function allowedMoves(snapshot: CaseSnapshot, actor: MoveActor): MoveOption[] {
  return MOVE_ORDER.filter((kind) => MOVE_FROM[kind].includes(snapshot.state))
    .filter(
      (kind) =>
        actor.role === 'system' ||
        actor.role === 'anonymous' ||
        (MOVE_ROLES[kind] as readonly string[]).includes(actor.role),
    )
    .flatMap((kind): MoveOption[] => {
      const refusal = checkMoveAllowed(snapshot, kind, actor);
      if (!refusal) return [{ kind, allowed: true }];
      // Nothing to decline, or already recorded: not a move worth a greyed-out button.
      if (NOT_APPLICABLE.has(refusal.code)) return [];
      return [{ kind, allowed: false, reason: refusal.sentence }];
    });
}
