import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { createFormatters } from './formatting';
import { type Locale, readStoredLocale, storeLocale } from './locale';
import { LocaleContext, type LocaleContextValue } from './locale-context';
import { createTranslate } from './translate';
import { zhCN, type Dictionary } from './zh-CN';

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };

/** Holds the UI language, keeps it in localStorage and mirrors it on `<html lang>`. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<LocaleContextValue>(() => {
    const t = createTranslate(DICTIONARIES[locale]);
    return {
      locale,
      t,
      format: createFormatters(locale, t),
      setLocale(next) {
        storeLocale(next);
        setLocaleState(next);
      },
    };
  }, [locale]);

  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}
