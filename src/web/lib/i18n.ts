import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo, useSyncExternalStore } from 'react';

/**
 * zh-CN first, English on request. Strings live in small dictionaries of `{ zh, en }` pairs: the
 * shared ones below, a module's own in `features/<module>/messages.ts`. The choice is kept in
 * localStorage and drives antd's and dayjs's locale too.
 */
export type Lang = 'zh' | 'en';
export interface Msg {
  zh: string;
  en: string;
}
/** A bilingual text from the server; `en` may be missing (citations). */
export type Bilingual = { zh: string; en: string | null } | null | undefined;

/** Declares a dictionary; the type makes every entry carry both languages. */
export const defineMessages = <K extends string>(messages: Record<K, Msg>): Record<K, Msg> => messages;

const STORAGE_KEY = 'xindun.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function apply(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

let current: Lang = stored();
apply(current);

export const getLang = (): Lang => current;

export function setLang(lang: Lang) {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  apply(lang);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Fills `{name}` placeholders. */
export function format(text: string, vars?: Record<string, string | number | null | undefined>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (vars[key] === undefined || vars[key] === null ? whole : String(vars[key])));
}

export function translate(lang: Lang, msg: Msg, vars?: Record<string, string | number | null | undefined>): string {
  return format(msg[lang], vars);
}

export function useI18n() {
  const lang = useSyncExternalStore(subscribe, getLang);
  return useMemo(
    () => ({
      lang,
      setLang,
      t: (msg: Msg, vars?: Record<string, string | number | null | undefined>) => translate(lang, msg, vars),
      /** The current language's half of a server pair, falling back to Chinese. */
      pick: (text: Bilingual) => (text ? (lang === 'en' && text.en ? text.en : text.zh) : ''),
    }),
    [lang],
  );
}

/** Words every page uses. */
export const common = defineMessages({
  appName: { zh: '薪盾', en: 'XinDun' },
  platformName: { zh: '农民工工资支付监控预警平台', en: 'Migrant-worker wage payment monitoring platform' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  close: { zh: '关闭', en: 'Close' },
  edit: { zh: '编辑', en: 'Edit' },
  delete: { zh: '删除', en: 'Delete' },
  actions: { zh: '操作', en: 'Actions' },
  status: { zh: '状态', en: 'Status' },
  name: { zh: '名称', en: 'Name' },
  region: { zh: '所在区划', en: 'Region' },
  address: { zh: '地址', en: 'Address' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  retry: { zh: '重试', en: 'Retry' },
  total: { zh: '共 {n} 条', en: '{n} in all' },
  requestId: { zh: '请求编号', en: 'Request id' },
  networkError: { zh: '网络异常，无法连接服务器，请稍后重试', en: 'Network problem: the server cannot be reached; try again' },
  unexpected: { zh: '服务器返回了无法识别的响应', en: 'The server sent an unexpected response' },
  loadFailed: { zh: '加载失败', en: 'Could not load' },
  saved: { zh: '已保存', en: 'Saved' },
  deleted: { zh: '已删除', en: 'Deleted' },
  copy: { zh: '复制', en: 'Copy' },
  copied: { zh: '已复制', en: 'Copied' },
  confirmDelete: { zh: '确定删除“{name}”？', en: 'Delete "{name}"?' },
  selectRegion: { zh: '选择区划', en: 'Choose a region' },
  moreChildren: { zh: '另有 {n} 个下级，请使用搜索', en: '{n} more below; use the search' },
  language: { zh: '语言', en: 'Language' },
  forbidden: { zh: '您没有访问此页面的权限', en: 'You may not open this page' },
  notFound: { zh: '页面不存在', en: 'No such page' },
  backHome: { zh: '返回首页', en: 'Back to home' },
  shownOnce: { zh: '仅显示这一次，关闭后无法再次查看。请立即复制并通过安全渠道交付。', en: 'Shown this once only; it cannot be seen again after closing. Copy it now and hand it over securely.' },
  done: { zh: '我已妥善保存', en: 'I have saved it' },
});
