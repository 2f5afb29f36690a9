import type { CaseState } from '../../core/glossary';
import { readCasePage, readNewlyOverdue, readStateCounts } from '../../db/queries/case-board';
import {
  readCategoryOptions,
  readPlaceOptions,
  readUnitOptions,
} from '../../db/queries/case-lookups';
import { readStandardOptions } from '../../db/queries/category-standards';
import { findCaseIdByNumber } from '../../db/queries/case-snapshot';
import { buildCaseDetail, noSuchCase } from '../cases/case-detail';
import { moveCase } from '../cases/move-case';
import { OPEN_BOARD_STATES } from '../contract';
import type { FeatureHandlers } from './types';
import { caseDetailForDisplay } from '../seats/display-detail';

export const casesHandlers = {
  'cases.lookups': (context) => ({
    categories: readCategoryOptions(context.db),
    units: readUnitOptions(context.db),
    places: readPlaceOptions(context.db),
    standards: readStandardOptions(context.db),
  }),

  'cases.board': (context, input) => {
    const now = context.now();
    const filters = input.filters;
    const { counts, searchTruncated } = readStateCounts(context.db, filters, now);
    const columns = OPEN_BOARD_STATES.map((state: CaseState) => ({
      state,
      total: counts[state] ?? 0,
      rows:
        (counts[state] ?? 0) === 0
          ? []
          : readCasePage(context.db, {
              states: [state],
              filters,
              sort: 'due',
              offset: 0,
              limit: input.perColumn,
              now,
              withTotal: false,
            }).rows,
    }));
    return { asOf: now, columns, searchTruncated };
  },

  'cases.list': (context, input) => {
    const now = context.now();
    const page = readCasePage(context.db, {
      states: input.states,
      filters: input.filters,
      sort: input.sort,
      offset: input.offset,
      limit: input.limit,
      now,
    });
    return { asOf: now, offset: input.offset, ...page };
  },

  'cases.get': (context, input) => {
    const id = 'id' in input ? input.id : findCaseIdByNumber(context.db, input.caseNo);
    if (id == null) throw noSuchCase('caseNo' in input ? input.caseNo : 0);
    const detail = buildCaseDetail(context, id);
    return context.display ? caseDetailForDisplay(detail) : detail;
  },

  'cases.move': (context, input) => {
    const eventId = moveCase(context, input.caseId, input.move, input.expectedState);
    return { eventId, detail: buildCaseDetail(context, input.caseId) };
  },

  'cases.newlyOverdue': (context, input) => {
    const now = context.now();
    // Never look back further than a day: an alarm is for what just happened.
    const since = Math.max(input.since, now - 86_400_000);
    return { asOf: now, cases: readNewlyOverdue(context.db, since, now, 50) };
  },
} satisfies FeatureHandlers<
  'cases.lookups' | 'cases.board' | 'cases.list' | 'cases.get' | 'cases.move' | 'cases.newlyOverdue'
>;
