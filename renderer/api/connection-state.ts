/**
 * Whether this window reaches the desk it works on (issue 13: a seat that loses the host).
 * The transport says when its calls or its live stream fail and when they work again; the
 * banner shows it, so figures on screen are never taken for live while the line is down.
 */
export interface ConnectionState {
  lost: boolean;
  /** When the line went down (local clock), null while connected. */
  since: number | null;
}

type Listener = (state: ConnectionState) => void;

let state: ConnectionState = { lost: false, since: null };
const listeners = new Set<Listener>();

export function connectionState(): ConnectionState {
  return state;
}

export function noteConnection(reachable: boolean): void {
  if (reachable === !state.lost) return;
  state = reachable ? { lost: false, since: null } : { lost: true, since: Date.now() };
  for (const listener of [...listeners]) listener(state);
}

export function onConnectionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
