/**
 * Small drawings that go beside a coloured figure, so colour never speaks alone:
 * a warning triangle for overdue, a clock for near due, and quieter marks for the rest.
 */
export type Signal = 'new' | 'open' | 'overdue' | 'nearDue' | 'closed';

const SIGNAL_PATHS: Record<Signal, string> = {
  new: 'M12 5v14M5 12h14',
  open: 'M4 7h16v12H4zM4 7l2-3h12l2 3M9 12h6',
  overdue: 'M12 3.5L2.5 20h19zM12 9.5v5M12 17.3v.2',
  nearDue: 'M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17zM12 7.5V12l3 2',
  closed: 'M4.5 12.5l5 5 10-11',
};

export function SignalIcon({ signal, size = 16 }: { signal: Signal; size?: number }) {
  return (
    <svg
      className={`signal-icon signal-icon--${signal}`}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={SIGNAL_PATHS[signal]} />
    </svg>
  );
}
