/**
 * A seat's session ended at the host (signed out elsewhere, expired, the host restarted):
 * the transport hears it as a 401 `sign_in_required` and says so here, and the session
 * provider asks auth.status again, which brings the seat back to its sign-in page instead
 * of leaving a screen whose every action fails.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function noteSessionEnded(): void {
  for (const listener of [...listeners]) listener();
}

export function onSessionEnded(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
