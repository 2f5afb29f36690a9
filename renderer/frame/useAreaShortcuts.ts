/**
 * Keyboard: `g` then an area's letter jumps there; `?` opens or closes the shortcuts sheet;
 * `Esc` closes it. Keys typed into a field (or composed by an IME) are left alone.
 */
import { useEffect, useState } from 'react';
import { isTypingInto } from '../ui/is-typing-into';
import { AREAS } from './areas';

/** How long after `g` the area letter is awaited. */
const SEQUENCE_TIMEOUT_MS = 1500;

interface AreaShortcutActions {
  goTo(path: string): void;
  toggleSheet(): void;
  closeSheet(): void;
}

/** Returns whether an area letter is awaited (after `g`), so the rail can show the letters. */
export function useAreaShortcuts({ goTo, toggleSheet, closeSheet }: AreaShortcutActions): boolean {
  const [awaitingAreaKey, setAwaitingAreaKey] = useState(false);

  useEffect(() => {
    let awaiting = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const setAwaiting = (value: boolean) => {
      awaiting = value;
      setAwaitingAreaKey(value);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        setAwaiting(false);
        closeSheet();
        return;
      }
      if (isTypingInto(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        setAwaiting(false);
        toggleSheet();
        return;
      }
      const key = event.key.toLowerCase();
      if (awaiting) {
        setAwaiting(false);
        clearTimeout(timer);
        const area = AREAS.find((candidate) => candidate.shortcut === key);
        if (area) {
          event.preventDefault();
          closeSheet();
          goTo(area.path);
        }
        return;
      }
      if (key === 'g' && !event.shiftKey) {
        setAwaiting(true);
        clearTimeout(timer);
        timer = setTimeout(() => setAwaiting(false), SEQUENCE_TIMEOUT_MS);
      }
    };

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, [goTo, toggleSheet, closeSheet]);

  return awaitingAreaKey;
}
