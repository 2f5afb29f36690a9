import { duplicateMatch } from '../../core/cases/duplicates';
import { readDuplicateCandidates } from '../../db/queries/case-intake';
import { readPlace } from '../../db/queries/case-lookups';
import { relatedCase } from '../cases/case-detail';
import { createCase, resolvePlace } from '../cases/create-case';
import type { FeatureHandlers } from './types';

export const caseIntakeHandlers = {
  'cases.create': (context, input) => createCase(context, input),

  'cases.duplicates': (context, input) => {
    const place = resolvePlace(context.db, input.placeCode, input.point);
    const probe = {
      categoryCode: input.categoryCode,
      reportedAt: input.reportedAt ?? context.now(),
      lng: place.point?.lng ?? null,
      lat: place.point?.lat ?? null,
      gridCode: place.gridCode,
    };
    return readDuplicateCandidates(context.db, probe, input.excludeCaseId ?? null).flatMap(
      (candidate) => {
        const match = duplicateMatch(probe, candidate);
        return match ? [relatedCase(candidate, match)] : [];
      },
    );
  },

  'cases.locate': (context, input) => {
    const place = resolvePlace(context.db, null, input);
    if (!place.gridCode || !place.communityCode) return { found: null };
    return {
      found: {
        gridCode: place.gridCode,
        gridName: readPlace(context.db, place.gridCode)?.name ?? place.gridCode,
        communityCode: place.communityCode,
        communityName: readPlace(context.db, place.communityCode)?.name ?? null,
      },
    };
  },
} satisfies FeatureHandlers<'cases.create' | 'cases.duplicates' | 'cases.locate'>;
