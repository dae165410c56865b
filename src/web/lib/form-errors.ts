import type { FormInstance } from 'antd';
import { ApiError, errorText } from './api-client';
import type { Lang } from './i18n';

/**
 * Puts each of the server's field problems on its own form field (in the current language) and
 * returns the text for the form's alert: the problem's title and detail, plus any field problem
 * the form has no field for.
 */
export function applyProblemToForm(form: FormInstance, error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return errorText(error, lang);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const problem of error.fieldErrors) {
    const text = lang === 'zh' ? problem.message.zh : problem.message.en;
    if (registered.has(problem.field)) byField.set(problem.field, [...(byField.get(problem.field) ?? []), text]);
    else unplaced.push(`${problem.field}：${text}`);
  }
  if (byField.size > 0) {
    form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
    const first = byField.keys().next().value;
    if (first) form.scrollToField(first.split('.'), { block: 'center' });
  }
  return [error.text(lang), ...unplaced].join('；');
}
