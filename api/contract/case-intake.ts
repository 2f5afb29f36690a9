/** Quick entry (快速登记): a new case, its place, and the open cases it may duplicate. */
import { z } from 'zod';
import type { CaseRef } from '../../core/cases/case-views';
import { CASE_SOURCES, URGENCIES } from '../../core/glossary';
import { epochMs, type RelatedCase } from './cases';
import { method } from './define';

const point = z
  .object({
    lng: z
      .number()
      .min(73, '经度应在 73–136 之间 (longitude 73–136)')
      .max(136, '经度应在 73–136 之间 (longitude 73–136)'),
    lat: z
      .number()
      .min(3, '纬度应在 3–54 之间 (latitude 3–54)')
      .max(54, '纬度应在 3–54 之间 (latitude 3–54)'),
    crs: z.enum(['WGS84', 'CGCS2000', 'GCJ02', 'BD09']).default('WGS84'),
  })
  .strict();

const categoryCode = z
  .string()
  .regex(/^[CE]\d{4}$/, '类别代码形如 E0505 (a category code looks like E0505)');

/** The case just created: core/cases/case-views.ts CASE_REF_VIEW. */
export type CreatedCase = CaseRef;

export interface LocatedGrid {
  gridCode: string;
  gridName: string;
  communityCode: string;
  communityName: string | null;
}

export const caseIntakeContract = {
  'cases.create': method<CreatedCase>()(
    z
      .object({
        source: z.enum(CASE_SOURCES),
        categoryCode,
        urgency: z.enum(URGENCIES).default('normal'),
        description: z.string().trim().min(1, '请简要描述问题 (describe the problem)').max(4000),
        address: z.string().trim().max(200).nullish(),
        /** A grid or a community the operator picked; or a point, located to its grid. */
        placeCode: z.string().trim().min(9).max(18).nullish(),
        point: point.nullish(),
        reporter: z.string().trim().max(40).nullish(),
        phone: z
          .string()
          .trim()
          .regex(
            /^[0-9+\-\s]{3,20}$/,
            '电话号码只能含数字、空格、+ 和 - (digits, spaces, + and - only)',
          )
          .nullish(),
        /** When the report came in; defaults to now. Not in the future, not over 30 days ago. */
        reportedAt: epochMs.optional(),
        cityDueAt: epochMs.nullish(),
        cityDeadlineHours: z
          .number()
          .positive()
          .max(24 * 365)
          .nullish(),
        /** Accept and register at once (受理即立案), as a phone call usually is. */
        registerNow: z.boolean().default(true),
        /** The 立案条件 to register under; the category's first in the active standard when absent. */
        standardId: z.number().int().positive().nullish(),
      })
      .strict(),
  ),
  'cases.duplicates': method<RelatedCase[]>()(
    z
      .object({
        categoryCode,
        placeCode: z.string().trim().min(9).max(18).nullish(),
        point: point.nullish(),
        reportedAt: epochMs.optional(),
        excludeCaseId: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'cases.locate': method<{ found: LocatedGrid | null }>()(point),
};
