import { duplicateMatch } from '../../core/cases/duplicates';
import type { CaseState } from '../../core/glossary';
import { readDuplicateCandidates } from '../../db/queries/case-intake';
import { readPlace } from '../../db/queries/case-lookups';
import { createCase, resolvePlace } from '../cases/create-case';
import type { FeatureHandlers } from './types';
import { readCategoryOptions } from '../../db/queries/case-lookups';

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
    const names = new Map(readCategoryOptions(context.db).map((c) => [c.code, c.minorName]));
    return readDuplicateCandidates(context.db, probe, input.excludeCaseId ?? null).flatMap(
      (candidate) => {
        const match = duplicateMatch(probe, candidate);
        if (!match) return [];
        return [
          {
            id: candidate.id,
            caseNo: candidate.caseNo,
            state: candidate.state as CaseState,
            categoryName: names.get(candidate.categoryCode) ?? candidate.categoryCode,
            address: candidate.address,
            reportedAt: candidate.reportedAt,
            possibleDuplicate: true,
            distanceM: match.by === 'distance' ? Math.round(match.distanceM) : null,
          },
        ];
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
