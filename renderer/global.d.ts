/// <reference types="vite/client" />
import type { GriddeskApi } from '../api/contract';

declare global {
  interface Window {
    /** The desktop transport, exposed by Electron's preload through contextBridge. */
    griddesk?: GriddeskApi;
  }
}

export {};
