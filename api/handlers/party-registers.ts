import { moveProjectRow, orderProject } from '../party/project-desk';
import { registerItem, registerLookup, registerPage } from '../party/register-desk';
import { enterRegisterRow } from '../party/register-entry';
import { importRegisterFile, registerFile } from '../party/register-files';
import type { FeatureHandlers } from './types';

export const partyRegistersHandlers = {
  'party.registerPage': (context, input) => registerPage(context, input),
  'party.registerItem': (context, input) => registerItem(context, input.register, input.id),
  'party.enter': (context, input) => enterRegisterRow(context, input),
  'party.orderProject': (context, input) => orderProject(context, input),
  'party.moveProject': (context, input) => moveProjectRow(context, input),
  'party.lookup': (context, input) => registerLookup(context, input.what, input.q),
  'party.registerFile': (context, input) => registerFile(context, input),
  'party.importRegister': (context, input) => importRegisterFile(context, input),
} satisfies FeatureHandlers<
  | 'party.registerPage'
  | 'party.registerItem'
  | 'party.enter'
  | 'party.orderProject'
  | 'party.moveProject'
  | 'party.lookup'
  | 'party.registerFile'
  | 'party.importRegister'
>;
