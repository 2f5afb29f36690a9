/**
 * The one API as the renderer sees it. In Electron the preload exposes `window.griddesk`
 * (IPC); in a plain browser we talk HTTP to the loopback host. Either way every rejection
 * arrives as an ApiError.
 */
import type { ApiInput, ApiResult, GriddeskApi, MethodName } from '../../api/contract';
import { toApiError } from './api-error';
import { noteConnection } from './connection-state';
import { noteSessionEnded } from './session-ended';
import { createHttpTransport } from './http-transport';
import { takeSessionToken } from './session-token';
import { pageKindOf, takeDisplayKey } from './seat-page';

function withApiErrors(desktop: GriddeskApi): GriddeskApi {
  // A desktop seat joined to the centre's host: main says when the host is lost and back.
  desktop.onConnection?.(noteConnection);
  return {
    transport: desktop.transport,
    async call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
      try {
        return await desktop.call(method, input);
      } catch (reason) {
        const error = toApiError(reason);
        if (desktop.seat && error.code === 'sign_in_required' && method !== 'auth.signIn')
          noteSessionEnded();
        throw error;
      }
    },
    subscribe: (listener) => desktop.subscribe(listener),
    seat: desktop.seat ?? null,
  };
}

let api: GriddeskApi | null = null;

export function getApi(): GriddeskApi {
  api ??= window.griddesk
    ? withApiErrors(window.griddesk)
    : createHttpTransport(pageKindOf(takeSessionToken(), takeDisplayKey()));
  return api;
}
