import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import type { CaseDetail } from '../api/get-case';
import { useSuperviseCase } from '../api/work-case';
import { SUPERVISION_KEYS, type Supervision, supervisionLabels } from '../labels';
import { m } from '../messages';
import { applyCaseProblem } from './form-problem';
import { UnitSelect } from './pickers';

interface Values {
  supervision: Supervision[];
  leaderName?: string;
  taskForceUnitIds?: string[];
}

const initial = (d: CaseDetail): Values => ({ supervision: d.supervision, leaderName: d.leaderName ?? undefined, taskForceUnitIds: d.taskForceUnitIds });

/** 督办: listed supervision, a leader who answers for the case, a task force of two or more units. */
export function SupervisionTab({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSuperviseCase(detail.id);
  const ways = Form.useWatch('supervision', form) ?? detail.supervision;

  // What the server holds replaces the form when it changes, not on every re-read.
  const saved = JSON.stringify(initial(detail));
  useEffect(() => {
    form.setFieldsValue(JSON.parse(saved) as Values);
  }, [saved, form]);

  const submit = (v: Values) => {
    setError(null);
    save.mutate(
      {
        version: detail.rowVersion,
        supervision: v.supervision,
        leaderName: v.supervision.includes('leader') ? v.leaderName?.trim() || null : null,
        taskForceUnitIds: v.supervision.includes('task_force') ? (v.taskForceUnitIds ?? []) : [],
      },
      { onSuccess: () => message.success(t(m.done)), onError: (err) => setError(applyCaseProblem(form, err, lang)) },
    );
  };

  return (
    <Form form={form} name="case_supervision" layout="vertical" onFinish={submit} disabled={save.isPending} initialValues={initial(detail)} style={{ maxWidth: 640 }} data-testid="case-supervision">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(m.supervisionTitle)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.supervisionHint)}</Typography.Paragraph>
      <FormError text={error} testId="case-supervision-error" />
      <Form.Item name="supervision" label={t(m.supervisionWays)}>
        <Checkbox.Group options={SUPERVISION_KEYS.map((s) => ({ value: s, label: labelOf(supervisionLabels, s, lang) }))} data-testid="case-supervision-ways" />
      </Form.Item>
      {ways.includes('leader') && (
        <Form.Item name="leaderName" label={t(m.leaderName)} rules={[{ required: true, whitespace: true, message: t(m.leaderRule) }, { max: 50 }]}>
          <Input maxLength={50} data-testid="case-supervision-leader" />
        </Form.Item>
      )}
      {ways.includes('task_force') && (
        <Form.Item
          name="taskForceUnitIds"
          label={t(m.taskForce)}
          rules={[{ validator: async (_, ids?: string[]) => ((ids ?? []).length < 2 ? Promise.reject(new Error(t(m.taskForceRule))) : undefined) }]}
        >
          {can('orgs.read') ? <UnitSelect multiple placeholder={t(m.unitPlaceholder)} testId="case-supervision-units" /> : <Input disabled />}
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-supervision-save">
        {t(common.save)}
      </Button>
    </Form>
  );
}
