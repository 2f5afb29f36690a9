/**
 * The case moves' names, keyed by exactly core/cases/moves.ts's kinds (register, void,
 * dispatch … note), as the messages `move.<kind>`. There is one set of names per language
 * for the whole app: core's MOVE_ZH / MOVE_EN, the same words the API's refusal sentences
 * use ("… so it cannot verify and close"); a button or a timeline line takes the English
 * with a capital ("Verify and close"). The board, the detail panel, the map's case card
 * and the timeline all read these keys and no other.
 */
import { MOVE_EN, MOVE_KINDS, MOVE_ZH, type MoveKind } from '../../core/cases/moves';

type MoveMessages = { [K in MoveKind as `move.${K}`]: string };

function messages(name: (kind: MoveKind) => string): MoveMessages {
  return Object.fromEntries(MOVE_KINDS.map((kind) => [`move.${kind}`, name(kind)])) as MoveMessages;
}

export const moveMessagesZh = messages((kind) => MOVE_ZH[kind]);
export const moveMessagesEn = messages(
  (kind) => MOVE_EN[kind].charAt(0).toUpperCase() + MOVE_EN[kind].slice(1),
);
