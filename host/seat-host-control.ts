/**
 * The desktop app's seat switch (issue 13, "允许本中心其他坐席接入"): saving the seat
 * settings starts, restarts or stops this desk's HTTPS host for the centre's other seats.
 * Starts and stops are queued, so two saves in quick succession never leave two hosts or
 * a half-closed one; a start that fails keeps its sentence for the settings screen.
 */
import type { ApiContext } from '../api/context';
import type { ErrorLogger } from '../api/errors';
import type { SeatServing } from '../api/contract/seats';
import type { SeatHostControl } from '../api/seats/seat-desk';
import type { SeatRegistry } from '../api/seats/seat-registry';
import type { SeatSettings } from '../db/queries/seat-settings';
import { hostStartProblem, type HostStartProblem } from './host-start-problem';
import { seatCertificate } from './seat-certificate';
import { startHost, type RunningHost } from './server';

export interface SwitchableSeatHost extends SeatHostControl {
  /** Stops serving (the app quitting). */
  close(): Promise<void>;
}

export function createSeatHostControl(options: {
  /** The app's context; the host serves it with this control and the registry added. */
  context: ApiContext;
  registry: SeatRegistry;
  rendererDir: string;
  log: ErrorLogger;
}): SwitchableSeatHost {
  let host: RunningHost | null = null;
  let serving: SeatServing | null = null;
  let running: { address: string; port: number } | null = null;
  let problem: HostStartProblem | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function stop(): Promise<void> {
    const closing = host;
    host = null;
    serving = null;
    running = null;
    if (closing) await closing.close();
  }

  async function start(settings: SeatSettings): Promise<void> {
    try {
      const certificate = await seatCertificate({
        dbFile: options.context.db.name,
        address: settings.address,
      });
      host = await startHost({
        // Calls from the seats come over HTTPS, whatever transport the desk's own window uses.
        context: {
          ...options.context,
          transport: 'http',
          seatHost: control,
          seats: options.registry,
        },
        port: settings.port,
        rendererDir: options.rendererDir,
        log: options.log,
        seats: { address: settings.address, certificate, registry: options.registry },
      });
      serving = { url: host.url, fingerprint: certificate.fingerprint, since: Date.now() };
      running = { address: settings.address, port: settings.port };
      problem = null;
    } catch (error) {
      const sentence = hostStartProblem(error, settings.address, settings.port);
      if (!sentence) options.log('seat-host', error);
      problem = sentence ?? {
        zh: '坐席服务未能启动，原因已记入日志。',
        en: 'Serving the seats did not start; the reason is in the log.',
      };
    }
  }

  async function applyNow(settings: SeatSettings): Promise<void> {
    const same = running && running.address === settings.address && running.port === settings.port;
    if (settings.enabled && same) return;
    await stop();
    if (!settings.enabled) {
      problem = null;
      return;
    }
    await start(settings);
  }

  /** Runs after what is queued; a step that fails is logged and never blocks the next. */
  function enqueue(step: () => Promise<void>): Promise<void> {
    const next = queue.then(step);
    queue = next.catch((error: unknown) => options.log('seat-host', error));
    return next;
  }

  const control: SwitchableSeatHost = {
    switchable: true,
    serving: () => serving,
    problem: () => problem,
    apply: (settings) => enqueue(() => applyNow(settings)),
    close: () => enqueue(stop),
  };
  return control;
}
