import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/** zh-CN first, English on request. Strings sit where they are used: t('中文', 'English'). */
export type Lang = 'zh' | 'en';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(zh: string, en: string): string;
  /** Picks the language's half of a { zh, en } pair from the server. */
  pick(text: { zh: string; en: string } | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'xindun.lang';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLangState(next);
      },
      t: (zh, en) => (lang === 'zh' ? zh : en),
      pick: (text) => (text ? (lang === 'zh' ? text.zh : text.en) : ''),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
