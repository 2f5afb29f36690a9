/**
 * The first screen's channel (issue 13): which desk this window is on, and the choice
 * between this machine's own desk and a seat of the centre's host. A join checks the
 * host's fingerprint again before it is saved. The choice is made once, on the first
 * screen, and the desk starts in place (the window reloads on it); leaving a host restarts
 * the app, so a window never works on half of one desk and half of another. Inputs are
 * checked with zod.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';
import type { ApiErrorPayload, DeskMode } from '../api/contract';
import { probeSeatHost, seatHostUrl } from './seat-client';
import { DESK_CHANNEL, DESK_STATE_CHANNEL, type CallReply } from './channels';
import { writeDeskChoice, type DeskChoice } from './desk-choice';
import { answerTrusted, isTrustedSender } from './ipc-transport';
import { logLine } from './log';

const probeInput = z.object({ address: z.string().min(1).max(300) });
const joinInput = z.object({
  url: z.string().url().startsWith('https://').max(300),
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
});

export function deskModeOf(choice: DeskChoice): DeskMode {
  return choice.mode === 'seat' ? { mode: 'seat', host: new URL(choice.url).host } : choice;
}

const refusal = (code: string, zh: string, en: string): ApiErrorPayload => ({
  code,
  message: { zh, en },
});

function badInput(where: string): ApiErrorPayload {
  return refusal('invalid_input', `${where} 填写有误。`, `${where} is not valid.`);
}

type After = 'nothing' | 'reload' | 'restart';

async function run(
  choice: DeskChoice,
  dataDir: string,
  action: unknown,
  input: unknown,
): Promise<{ reply: CallReply; after: After; chosen?: DeskChoice }> {
  const answer = (result: unknown, after: After = 'nothing', chosen?: DeskChoice) => ({
    reply: { ok: true as const, result },
    after,
    chosen,
  });
  const refuse = (error: ApiErrorPayload) => ({
    reply: { ok: false as const, error },
    after: 'nothing' as const,
  });
  if (action === 'probe') {
    const parsed = probeInput.safeParse(input);
    if (!parsed.success) return refuse(badInput('address'));
    const url = seatHostUrl(parsed.data.address);
    if (!(url instanceof URL)) return refuse({ code: 'host_address', message: url });
    const probed = await probeSeatHost(url);
    if ('code' in probed) return refuse(probed);
    return answer({ url: url.toString(), fingerprint: probed.fingerprint });
  }
  if (action === 'join' && choice.mode === 'choose') {
    const parsed = joinInput.safeParse(input);
    if (!parsed.success) return refuse(badInput('url/fingerprint'));
    const probed = await probeSeatHost(new URL(parsed.data.url));
    if ('code' in probed) return refuse(probed);
    if (probed.fingerprint !== parsed.data.fingerprint)
      return refuse(
        refusal(
          'host_fingerprint_changed',
          '核对之后主机的证书指纹变了：请重新核对后再接入。',
          'The host’s certificate fingerprint changed after it was checked: check it again before joining.',
        ),
      );
    const seat: DeskChoice = { mode: 'seat', ...parsed.data };
    writeDeskChoice(dataDir, seat);
    logLine('info', `joining the centre host ${parsed.data.url} (${parsed.data.fingerprint})`);
    return answer(null, 'reload', seat);
  }
  if (action === 'createLocal' && choice.mode === 'choose') {
    writeDeskChoice(dataDir, { mode: 'local' });
    return answer(null, 'reload', { mode: 'local' });
  }
  if (action === 'leave' && choice.mode === 'seat') {
    writeDeskChoice(dataDir, { mode: 'choose' });
    logLine('info', `leaving the centre host ${choice.url}`);
    return answer(null, 'restart');
  }
  return refuse(refusal('desk_action', '此时不能这样做。', 'That cannot be done now.'));
}

export function startDeskChannel(
  initial: DeskChoice,
  options: {
    dataDir: string;
    windows: () => BrowserWindow[];
    /** Starts the chosen desk in place; false when it could not (the app quits). */
    start: (choice: DeskChoice) => boolean;
    restart: () => void;
  },
): () => void {
  let choice = initial;
  let busy = false;
  ipcMain.on(DESK_STATE_CHANNEL, (event) => {
    event.returnValue = isTrustedSender(event, options.windows())
      ? deskModeOf(choice)
      : { mode: 'choose' };
  });
  ipcMain.handle(DESK_CHANNEL, (event, action: unknown, input: unknown) =>
    answerTrusted(event, options.windows(), async () => {
      // One desk action at a time: a join still reading the host's certificate and a click
      // on "在本机新建" must not both go through (half of one desk and half of another).
      const exclusive = action !== 'probe';
      if (exclusive && busy)
        return {
          ok: false,
          error: refusal(
            'desk_busy',
            '上一个操作还在进行，请稍候。',
            'The last action is still running; wait a moment.',
          ),
        };
      if (exclusive) busy = true;
      try {
        const { reply, after, chosen } = await run(choice, options.dataDir, action, input);
        if (chosen) {
          choice = chosen;
          if (!options.start(chosen)) return reply;
        }
        // After the reply has reached the page, which shows "opening…" meanwhile.
        if (after === 'reload')
          setTimeout(() => options.windows().forEach((w) => w.webContents.reload()), 200);
        if (after === 'restart') setTimeout(options.restart, 200);
        return reply;
      } finally {
        if (exclusive) busy = false;
      }
    }),
  );
  return () => {
    ipcMain.removeAllListeners(DESK_STATE_CHANNEL);
    ipcMain.removeHandler(DESK_CHANNEL);
  };
}
