/**
 * 微心愿: residents' small wishes on a board like the cases (docs/design/GRID-WORK.md): published
 * → claimed by a party member → fulfilled → confirmed by the community, or withdrawn; each
 * step an append-only event, the claim and fulfil clocks of core/party/wish-clock.ts.
 */
import { z } from 'zod';
import type { WishClockStatus, WishMove, WishState } from '../../core/party/wish-clock';
import type { WishEventRow, WishRow } from '../../db/queries/wishes';
import type { PartyFigureRow } from '../../db/queries/party-figures';
import { method } from './define';

/** A wish on the board: as stored (db/queries/wishes.ts), its resident's name masked by role, its clock. */
export type WishCard = Omit<WishRow, 'residentPhone' | 'communityCode'> & {
  clock: WishClockStatus;
};

export type WishEventView = WishEventRow;

export interface WishDetail extends WishCard {
  residentPhone: string | null;
  personalDataMasked: boolean;
  events: WishEventView[];
  /** The moves this viewer may make now. */
  moves: WishMove[];
  asOf: number;
}

export interface WishBoard {
  asOf: number;
  columns: { state: WishState; count: number; wishes: WishCard[] }[];
}

export interface WishClaimant {
  id: number;
  code: string;
  name: string;
  unitName: string;
}

const text = (max: number) => z.string().trim().min(1).max(max);

export const wishMoveInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('claim'), memberId: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('fulfil'), note: text(500) }).strict(),
  z.object({ kind: z.literal('confirm'), note: z.string().trim().max(500).nullish() }).strict(),
  z.object({ kind: z.literal('withdraw'), reason: text(500) }).strict(),
]);
export type WishMoveRequest = z.infer<typeof wishMoveInput>;

const STATES = ['published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'] as const;

export const wishesContract = {
  'wishes.board': method<WishBoard>()(
    z
      .object({
        communityCode: z.string().trim().min(1).max(20).nullish(),
        q: z.string().trim().max(50).nullish(),
      })
      .strict(),
  ),
  'wishes.get': method<WishDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  'wishes.publish': method<WishDetail>()(
    z
      .object({
        title: text(100),
        forWhom: z.string().trim().max(50).nullish(),
        residentName: z.string().trim().max(40).nullish(),
        residentPhone: z
          .string()
          .trim()
          .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不对 (not a phone number)')
          .nullish(),
        gridCode: z
          .string()
          .trim()
          .regex(/^\d{15}$/, '请选择网格 (choose a grid)'),
        valueYuan: z.number().nonnegative().max(100_000).nullish(),
      })
      .strict(),
  ),
  'wishes.move': method<WishDetail>()(
    z
      .object({
        wishId: z.number().int().positive(),
        expectedState: z.enum(STATES),
        move: wishMoveInput,
      })
      .strict(),
  ),
  'wishes.claimants': method<WishClaimant[]>()(
    z.object({ q: z.string().trim().min(1).max(20) }).strict(),
  ),
};

export interface PartyFigures {
  period: string;
  label: string;
  level: 'community' | 'unit';
  /** The instant open and overdue are measured at. */
  asOf: number;
  rows: PartyFigureRow[];
  totals: Omit<PartyFigureRow, 'code' | 'name'>;
}

export const partyFiguresContract = {
  'party.figures': method<PartyFigures>()(
    z
      .object({
        period: z
          .string()
          .regex(/^\d{4}-((0[1-9]|1[0-2])|W\d{2})$/, 'expected YYYY-MM or YYYY-Www'),
        level: z.enum(['community', 'unit']),
      })
      .strict(),
  ),
};
