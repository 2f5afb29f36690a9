/**
 * How the command line talks: results on stdout, progress and errors on stderr, one clear
 * sentence per error and an exit code (1 refused or failed, 2 usage), never a stack.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function prefersChinese(): boolean {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return lang.toLowerCase().startsWith('zh');
}

/** Picks the sentence in the terminal's language. */
export function say(sentence: { zh: string; en: string }): string {
  return prefersChinese() ? sentence.zh : sentence.en;
}

/** A progress line that rewrites itself on a terminal and prints sparsely otherwise. */
export function progressReporter(
  label: string,
): (done: number, total: number, step: string) => void {
  let lastPrinted = -1;
  return (done, total, step) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    if (process.stderr.isTTY) {
      process.stderr.write(
        `\r${label}: ${percent}% ${step}`.padEnd(60) + (done >= total ? '\n' : ''),
      );
    } else if (percent >= lastPrinted + 25 || done >= total) {
      lastPrinted = percent;
      process.stderr.write(`${label}: ${percent}% ${step}\n`);
    }
  };
}

export function logInternalError(reference: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`[griddesk] internal error ${reference}: ${detail}\n`);
}
