/**
 * The IPC transport of a joined seat (issue 13): the same channels as a desk of its own
 * (electron/ipc-transport.ts), the same sender check, but every call goes to the centre's
 * host through electron/seat-forwarder.ts; live events and the host's reachability come
 * back to the window that signed in.
 */
import { ipcMain, webContents, type BrowserWindow } from 'electron';
import { SeatClient, type SeatHostAddress } from './seat-client';
import { CALL_CHANNEL, CONNECTION_CHANNEL, LIVE_CHANNEL, type CallReply } from './channels';
import { answerTrusted } from './ipc-transport';
import { isAppUrl } from './app-url';
import { logLine } from './log';
import { createSeatForwarder } from './seat-forwarder';
import { serveTiles } from './protocol';

function sendTo(windowId: number, channel: string, value: unknown): void {
  const contents = webContents.fromId(windowId);
  if (!contents || contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
  contents.send(channel, value);
}

export function startSeatTransport(
  host: SeatHostAddress,
  options: { windows: () => BrowserWindow[] },
): () => void {
  const client = new SeatClient(host);
  const forwarder = createSeatForwarder(client, {
    live: (id, event) => sendTo(id, LIVE_CHANNEL, event),
    connection: (id, reachable) => sendTo(id, CONNECTION_CHANNEL, reachable),
  });
  const known = new Set<number>();
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown): Promise<CallReply> =>
    answerTrusted(event, options.windows(), () => {
      const id = event.sender.id;
      if (!known.has(id)) {
        known.add(id);
        event.sender.once('destroyed', () => {
          known.delete(id);
          forwarder.closeWindow(id);
        });
      }
      return forwarder.call(id, method, input);
    }),
  );
  // The map's basemap is the host's: its tiles come over the same pinned connection.
  serveTiles((z, x, y) => client.tile(z, x, y, forwarder.anySession()));
  logLine('info', `working as a seat of ${client.url.host}`);
  return () => {
    forwarder.stop();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
