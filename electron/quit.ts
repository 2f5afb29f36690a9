/** Ending the app with one sentence (never a stack) when it cannot go on. */
import { app, dialog } from 'electron';
import { toErrorPayload } from '../api/errors';
import { logError } from './log';

/** Shows one sentence and ends the app. Safe before `ready`. */
export function quitWithSentence(title: string, sentence: string): void {
  dialog.showErrorBox(title, sentence);
  app.exit(1);
}

/** A failure that is the program's fault: the stack to the log, a reference to the user. */
export function quitWithInternalError(error: unknown): void {
  const payload = toErrorPayload(error, logError);
  quitWithSentence('GridDesk', `${payload.message.zh}\n${payload.message.en}`);
}
