import type { AreaKey } from '../frame/areas';

/** Stroke paths on a 24×24 grid, one small drawing per area. */
const AREA_PATHS: Record<AreaKey, string> = {
  overview: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  cases: 'M8 4h8v3H8zM6 5.5H5v15h14v-15h-1M8.5 11h7M8.5 14.5h7M8.5 18h4',
  map: 'M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14M15 6v14',
  weekly: 'M4 6h16v14H4zM4 10h16M8 3.5v4M16 3.5v4M8 14h3M13 14h3M8 17h3',
  ranking: 'M5 20V11M12 20V5M19 20v-6M3 20h18',
  party: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  exchange: 'M4 8h14l-3.5-3.5M20 16H6l3.5 3.5',
  settings: 'M4 7h9M17 7h3M4 17h3M11 17h9M15 5v4M9 15v4M4 12h5M13 12h7M11 10v4',
};

export function AreaIcon({ area }: { area: AreaKey }) {
  return (
    <svg
      className="area-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={AREA_PATHS[area]} />
    </svg>
  );
}
