/** The language context: `useT()` for messages, `useLocale()` for the language and formatters. */
import { createContext, useContext } from 'react';
import type { Formatters } from './formatting';
import type { Locale } from './locale';
import type { Translate } from './translate';

export interface LocaleContextValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  format: Formatters;
}

export const LocaleContext = createContext<LocaleContextValue | null>(null);

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() needs a <LocaleProvider> above it');
  return value;
}

export function useT(): Translate {
  return useLocale().t;
}
