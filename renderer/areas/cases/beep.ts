/**
 * The overdue alarm's sound: two short tones made with the Web Audio API (no sound file).
 * Browsers start audio only after the user has interacted with the page; until then the
 * context stays suspended, and the caller shows the visible alarm alone and says why.
 */
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Constructor =
    window.AudioContext ??
    (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Constructor) return null;
  try {
    context = new Constructor();
  } catch {
    return null;
  }
  return context;
}

/** Call from a user gesture (any click or key) so a later alarm may sound. */
export function unlockAudio(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => {});
}

/** Plays the alarm; false when the browser does not allow sound yet. */
export async function beep(): Promise<boolean> {
  const ctx = audio();
  if (!ctx) return false;
  if (ctx.state === 'suspended') {
    try {
      await Promise.race([ctx.resume(), new Promise((resolve) => setTimeout(resolve, 300))]);
    } catch {
      return false;
    }
  }
  if (ctx.state !== 'running') return false;
  const start = ctx.currentTime + 0.02;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
  return true;
}
