/// <reference types="vite/client" />
import type { DeskChooser, GriddeskApi } from '../api/contract';

declare global {
  interface Window {
    /** The desktop transport, exposed by Electron's preload through contextBridge. */
    griddesk?: GriddeskApi;
    /** The desktop app's first screen: this machine's desk or a seat of the centre's host. */
    griddeskDesk?: DeskChooser;
  }
}

export {};
