import type { FormInstance } from 'antd';
import { ApiError } from './api-client';
import type { Lang } from './i18n';

/** Puts each field's server message on its form field; returns the message for anything else. */
export function applyServerErrors(form: FormInstance, error: unknown, lang: Lang): string | null {
  if (!(error instanceof ApiError)) return lang === 'zh' ? '网络异常，请稍后重试' : 'Network problem; try again';
  const fields = error.problem.errors ?? [];
  if (fields.length > 0) {
    form.setFields(fields.map((e) => ({ name: e.field.split('.'), errors: [lang === 'zh' ? e.message.zh : e.message.en] })));
  }
  return problemText(error, lang);
}

export function problemText(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return lang === 'zh' ? '网络异常，请稍后重试' : 'Network problem; try again';
  const p = error.problem;
  const title = lang === 'zh' ? p.title : p.title_en;
  const detail = lang === 'zh' ? p.detail : p.detail_en;
  return [title, detail].filter(Boolean).join('：') + (p.requestId ? `（${lang === 'zh' ? '请求编号' : 'request'} ${p.requestId.slice(-8)}）` : '');
}
