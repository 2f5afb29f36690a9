/** The eight areas of the app (docs/design/UI.md "The main areas"), their routes and `g` shortcuts. */
export const AREAS = [
  { key: 'overview', path: '/', shortcut: 'o' },
  { key: 'cases', path: '/cases', shortcut: 'c' },
  { key: 'map', path: '/map', shortcut: 'm' },
  { key: 'weekly', path: '/weekly', shortcut: 'w' },
  { key: 'ranking', path: '/ranking', shortcut: 'r' },
  { key: 'party', path: '/party', shortcut: 'p' },
  { key: 'exchange', path: '/exchange', shortcut: 'e' },
  { key: 'settings', path: '/settings', shortcut: 's' },
] as const;

type Area = (typeof AREAS)[number];
export type AreaKey = Area['key'];

/** What a wall display (大屏) shows: the overview, the board, the map and the weekly meeting. */
export const DISPLAY_AREAS: readonly AreaKey[] = ['overview', 'cases', 'map', 'weekly'];
