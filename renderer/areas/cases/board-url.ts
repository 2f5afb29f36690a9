/**
 * The board's state lives in the address (docs/design/UI.md: filters kept in the URL), so a view can be
 * bookmarked, shared with the next shift, and opened from the overview's counts.
 */
import type { BoardFiltersInput } from '../../../api/contract';
import { CASE_SOURCES, CASE_STATES, URGENCIES, type CaseState } from '../../../core/glossary';
import { DAY_MS, startOfDay } from '../../../core/time';

export type BoardView = 'board' | 'table';
export type BoardSort = 'due' | 'reported_desc' | 'closed_desc';

export interface BoardAddress {
  view: BoardView;
  filters: BoardFiltersInput;
  /** The table's states; the board always shows the six open ones. */
  states: CaseState[] | null;
  sort: BoardSort;
  caseId: number | null;
  intake: boolean;
}

const TEXT_KEYS = ['communityCode', 'gridCode', 'categoryCode', 'unitCode', 'q'] as const;
const FLAG_KEYS = ['overdueOnly', 'nearDueOnly', 'escalatedOnly', 'supervisedOnly'] as const;
const TIME_KEYS = ['reportedFrom', 'reportedTo', 'closedFrom', 'closedTo'] as const;

export function readBoardAddress(params: URLSearchParams): BoardAddress {
  const filters: BoardFiltersInput = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const source = params.get('source');
  if (source && (CASE_SOURCES as readonly string[]).includes(source))
    filters.source = source as never;
  const urgency = params.get('urgency');
  if (urgency && (URGENCIES as readonly string[]).includes(urgency))
    filters.urgency = urgency as never;
  for (const key of FLAG_KEYS) if (params.get(key) === '1') filters[key] = true;
  for (const key of TIME_KEYS) {
    const value = Number(params.get(key));
    if (params.get(key) && Number.isFinite(value)) filters[key] = value;
  }
  const states = (params.get('states') ?? '')
    .split(',')
    .filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s));
  const sort = params.get('sort');
  const caseId = Number(params.get('case'));
  return {
    view: params.get('view') === 'table' ? 'table' : 'board',
    filters,
    states: states.length ? states : null,
    sort: sort === 'reported_desc' || sort === 'closed_desc' ? sort : 'due',
    caseId: Number.isInteger(caseId) && caseId > 0 ? caseId : null,
    intake: params.get('new') === '1',
  };
}

export function writeBoardAddress(address: BoardAddress): URLSearchParams {
  const params = new URLSearchParams();
  if (address.view === 'table') params.set('view', 'table');
  const { filters } = address;
  for (const key of TEXT_KEYS) if (filters[key]) params.set(key, String(filters[key]));
  if (filters.source) params.set('source', filters.source);
  if (filters.urgency) params.set('urgency', filters.urgency);
  for (const key of FLAG_KEYS) if (filters[key]) params.set(key, '1');
  for (const key of TIME_KEYS) if (filters[key] != null) params.set(key, String(filters[key]));
  if (address.states) params.set('states', address.states.join(','));
  if (address.sort !== 'due') params.set('sort', address.sort);
  if (address.caseId) params.set('case', String(address.caseId));
  if (address.intake) params.set('new', '1');
  return params;
}

/**
 * The overview's tiles link to `/cases?count=<key>`: each becomes the view that shows the
 * same cases (the counts are computed the same way on the server).
 */
export function addressForCount(count: string, now: number): Partial<BoardAddress> | null {
  const today = startOfDay(now);
  switch (count) {
    case 'open':
      return { view: 'board', filters: {} };
    case 'overdue':
      return { view: 'board', filters: { overdueOnly: true } };
    case 'nearDue':
      return { view: 'board', filters: { nearDueOnly: true } };
    case 'newToday':
      return {
        view: 'table',
        states: CASE_STATES.filter((s) => s !== 'voided'),
        sort: 'reported_desc',
        filters: { reportedFrom: today, reportedTo: today + DAY_MS },
      };
    case 'closedToday':
      return {
        view: 'table',
        states: ['closed'],
        sort: 'closed_desc',
        filters: { closedFrom: today, closedTo: today + DAY_MS },
      };
    default:
      return null;
  }
}
