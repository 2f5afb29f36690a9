/**
 * A flash: the notice a screen shows after an action ("已生成 …", "已登记 …"). It is kept as
 * words, a function of the translator (and the formatters, for a time or a count in it), not
 * as a string translated once: so when the language is switched the notice is said again in
 * the new language, like everything around it.
 */
import { useCallback, useState } from 'react';
import type { Formatters } from '../i18n/formatting';
import { useLocale } from '../i18n/locale-context';
import type { Translate } from '../i18n/translate';

/** The notice's words, e.g. `(t) => t('ranking.exported', { file, size })`. */
export type FlashWords = (t: Translate, format: Formatters) => string;

/**
 * `const [notice, setNotice, words] = useFlash()`: `notice` is the text in the current
 * language (or null), `setNotice(words | null)` shows or clears it (a stable function), and
 * `words` changes only when a new notice is set (not on a language switch), for a timer that
 * clears it.
 */
export function useFlash(): [
  text: string | null,
  setFlash: (words: FlashWords | null) => void,
  words: FlashWords | null,
] {
  const { t, format } = useLocale();
  const [words, setWords] = useState<FlashWords | null>(null);
  // A function given to setState is called as an updater: wrap it so it is stored instead.
  const setFlash = useCallback((next: FlashWords | null) => setWords(() => next), []);
  return [words ? words(t, format) : null, setFlash, words];
}
