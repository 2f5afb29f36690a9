/**
 * What a wall display (大屏) may call (issue 13): the overview, the board, the map and the
 * weekly meeting, read-only, with personal data masked as for anyone who does not call
 * reporters back. Everything else, every write included, is refused in a sentence.
 */
import type { MethodName } from '../contract';
import { ANONYMOUS_ACTOR, type ApiContext } from '../context';
import { UserError } from '../errors';

const DISPLAY_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'app.info',
  'auth.status',
  'store.status',
  'overview.counts',
  // Aggregates only (no names): the overview's 本周党建.
  'party.figures',
  'cases.board',
  'cases.list',
  'cases.get',
  'cases.lookups',
  'cases.newlyOverdue',
  'calendar.list',
  'map.places',
  'map.measures',
  'map.casePoints',
  'map.heat',
  'map.grid',
  'map.basemap',
  'weekly.agenda',
  'weekly.units',
]);

export function displayMayCall(method: string): boolean {
  return DISPLAY_METHODS.has(method as MethodName);
}

/** The context of a call made with a display key: nobody signed in, masked, read-only. */
export function displayContext(
  base: ApiContext,
  display: { id: number; name: string },
): ApiContext {
  return {
    ...base,
    actor: { ...ANONYMOUS_ACTOR, name: `大屏 ${display.name}` },
    session: null,
    display,
  };
}

export function displayRefusal(method: string): UserError {
  return new UserError('display_read_only', {
    zh: `大屏只能查看总览、案卷看板、地图和周调度，不能调用「${method}」。`,
    en: `A wall display may only view the overview, the board, the map and the weekly meeting, not call ${method}.`,
  });
}
