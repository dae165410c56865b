import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api-client';
import { applyProblemToForm } from '../../../lib/form-errors';
import type { Lang } from '../../../lib/i18n';
import { type LocalProblem, renameFieldProblems } from '../case-forms';

/** 'workers.0.claimed' → ['workers', 0, 'claimed']: a Form.List row is addressed by number, and antd compares path parts strictly. */
const namePath = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * lib/form-errors with the cases API's field names first mapped to the forms' own (slash paths and
 * `…Fen` money fields; see formFieldName), so each problem lands on its field. Problems on list
 * rows (workers, findings) are placed here with numeric indexes; lib/form-errors places the rest.
 */
export function applyCaseProblem(form: FormInstance, error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return applyProblemToForm(form, error, lang);
  const registered = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const renamed = renameFieldProblems(error.fieldErrors);
  const rows = renamed.filter((p) => /\.\d+(\.|$)/.test(p.field) && registered.has(p.field));
  if (rows.length > 0) {
    const byField = new Map<string, string[]>();
    for (const p of rows) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message[lang]]);
    form.setFields([...byField].map(([field, errors]) => ({ name: namePath(field), errors })));
  }
  const rest = renamed.filter((p) => !rows.includes(p));
  const text = applyProblemToForm(form, new ApiError({ ...error.problem, errors: rest }), lang);
  if (rows.length > 0 && !rest.some((p) => registered.has(p.field))) form.scrollToField(namePath(rows[0].field), { block: 'center' });
  return text;
}

/** The form's own checks (an amount that is not yuan, too few inspectors) on their fields. */
export function markLocalProblems(form: FormInstance, problems: LocalProblem[], lang: Lang) {
  form.setFields(problems.map((p) => ({ name: p.name, errors: [p.message[lang]] })));
  if (problems[0]) form.scrollToField(problems[0].name, { block: 'center' });
}
