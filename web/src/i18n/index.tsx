/**
 * The one i18n layer: Chinese first, English as the switchable second locale. Each screen declares its messages
 * beside it with `defineMessages({ zh: {...}, en: {...} })`; the types make a key missing from either locale a
 * compile error, so no string reaches a person untranslated. Ant Design's own texts follow the same switch.
 */
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export type Locale = 'zh' | 'en';

const STORAGE_KEY = 'eduplan.locale';

/** A screen's messages: the same keys in both locales. `{name}` in a message is filled from `vars`. */
export interface Messages<K extends string> {
  zh: Record<K, string>;
  en: Record<K, string>;
}

/** Declares a screen's messages; the English object must have exactly the Chinese object's keys. */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

/** Text in both locales, as the server sends messages and labels. */
export interface Bilingual {
  zh: string;
  en: string;
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh', setLocale: () => undefined });

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Provides the locale to the app and to Ant Design's components (date pickers, pagination, empty states). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    dayjs.locale(next === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh' ? zhCN : enUS}
        theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4, fontFamily: FONT_STACK } }}
      >
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

/** System fonts only: an intranet has no web fonts to fetch. */
export const FONT_STACK =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** The current locale and its setter. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

function format(template: string, vars?: Record<string, string | number>): string {
  if (vars === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** The translate function for a screen's messages: `t('title')`, `t('count', { n: 3 })`. */
export function useT<K extends string>(
  messages: Messages<K>,
): (key: K, vars?: Record<string, string | number>) => string {
  const { locale } = useLocale();
  return useCallback((key, vars) => format(messages[locale][key], vars), [messages, locale]);
}

/** Picks the current locale's side of a server's bilingual text. */
export function useBilingual(): (text: Bilingual | null | undefined) => string {
  const { locale } = useLocale();
  return useCallback((text) => (text === null || text === undefined ? '' : text[locale]), [locale]);
}
