/**
 * The desktop app's first screen (issue 13): this machine's own desk, or a seat joined to
 * the centre's host. Electron's preload exposes it as `window.griddeskDesk`; a browser has
 * none (a browser seat is joined by opening the host's address).
 */
export type DeskMode =
  /** Nothing chosen yet: the first screen asks. */
  | { mode: 'choose' }
  /** This machine's own store (the demo street on first start). */
  | { mode: 'local' }
  /** A seat of the centre's host: no case store here; the host's address. */
  | { mode: 'seat'; host: string };

export interface ProbedHost {
  /** The host's base URL, https://ADDRESS:PORT/. */
  url: string;
  /** SHA-256 of the certificate it showed, to compare with the host's settings screen. */
  fingerprint: string;
}

export interface DeskChooser {
  readonly state: DeskMode;
  /** Connects to the typed address and reads its certificate's fingerprint. */
  probe(address: string): Promise<ProbedHost>;
  /** Joins the host whose fingerprint the operator compared; the app restarts as a seat. */
  join(host: ProbedHost): Promise<void>;
  /** Makes this machine's own desk; the app restarts on it. */
  createLocal(): Promise<void>;
  /** A joined seat leaves its host and asks again (nothing is stored here to lose). */
  leave(): Promise<void>;
}
