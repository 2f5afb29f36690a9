/**
 * The live stream over fetch, for seat mode: EventSource cannot send the session header, so
 * the stream is read from a fetch body and parsed as server-sent events. It reconnects by
 * itself (1 s, then up to 10 s apart) and tells the caller when the line went down and came
 * back, so listeners refresh what they may have missed.
 */
export interface LiveFetchHandlers {
  headers(): Record<string, string>;
  onData(data: string): void;
  onDown(): void;
  onUp(afterDown: boolean): void;
}

export function openLiveFetch(handlers: LiveFetchHandlers): () => void {
  let stopped = false;
  let controller: AbortController | null = null;
  let wasDown = false;
  let retryMs = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function connect(): Promise<void> {
    controller = new AbortController();
    try {
      const response = await fetch('/api/live', {
        headers: { Accept: 'text/event-stream', ...handlers.headers() },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      handlers.onUp(wasDown);
      wasDown = false;
      retryMs = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          if (data) handlers.onData(data);
        }
      }
      throw new Error('stream ended');
    } catch {
      if (stopped) return;
      if (!wasDown) handlers.onDown();
      wasDown = true;
      timer = setTimeout(() => void connect(), retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    }
  }

  void connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    controller?.abort();
  };
}
