import {
  createDisplayKey,
  displayKeys,
  revokeDisplayKeyCall,
  saveSeatSettingsCall,
  seatStatus,
} from '../seats/seat-desk';
import type { FeatureHandlers } from './types';

export const seatsHandlers = {
  'seats.status': (context) => seatStatus(context),
  'seats.settings.save': (context, input) => saveSeatSettingsCall(context, input),
  'displayKeys.list': (context) => displayKeys(context),
  'displayKeys.create': (context, input) => createDisplayKey(context, input.name),
  'displayKeys.revoke': (context, input) => revokeDisplayKeyCall(context, input.id),
} satisfies FeatureHandlers<
  | 'seats.status'
  | 'seats.settings.save'
  | 'displayKeys.list'
  | 'displayKeys.create'
  | 'displayKeys.revoke'
>;
