import { moveWish, publishWish, wishBoard, wishClaimants, wishDetail } from '../party/wish-desk';
import { partyFigures } from '../party/figures';
import type { FeatureHandlers } from './types';

export const wishesHandlers = {
  'wishes.board': (context, input) => wishBoard(context, input),
  'wishes.get': (context, input) => wishDetail(context, input.id),
  'wishes.publish': (context, input) => publishWish(context, input),
  'wishes.move': (context, input) => moveWish(context, input),
  'wishes.claimants': (context, input) => wishClaimants(context, input.q),
  'party.figures': (context, input) => partyFigures(context, input),
} satisfies FeatureHandlers<
  | 'wishes.board'
  | 'wishes.get'
  | 'wishes.publish'
  | 'wishes.move'
  | 'wishes.claimants'
  | 'party.figures'
>;
