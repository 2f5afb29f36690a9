/**
 * The one guard every keyboard shortcut asks first (g+letter, ?, /, N, V, number keys for
 * moves, ←/→ for periods): keys typed into a field, or composed by an IME, belong to the
 * field, not to the shortcuts.
 */
export function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
