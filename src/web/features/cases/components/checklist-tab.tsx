import { Alert, App, Button, Form, Input, Radio, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { common, useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import type { CaseDetail, ChecklistAnswer } from '../api/get-case';
import { useAnswerChecklist } from '../api/work-case';
import { checklistLabels } from '../labels';
import { m } from '../messages';
import { applyCaseProblem } from './form-problem';

interface Values {
  items: { violation?: boolean | null; note?: string | null }[];
}

const initial = (checklist: ChecklistAnswer[]): Values => ({ items: checklist.map((c) => ({ violation: c.violation, note: c.note ?? undefined })) });

/** 一案双查: the 11 items of 附件4 欠薪案件线索核查表 in the form's order, each 是/否 with a note. */
export function ChecklistTab({ detail }: { detail: CaseDetail }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useAnswerChecklist(detail.id);
  const items = Form.useWatch('items', form);
  const editable = detail.mayWork;

  // A changed checklist from the server (this form's answer or anyone's) replaces what the form
  // holds; a re-read with the same answers leaves unsaved edits alone.
  const saved = JSON.stringify(detail.checklist);
  useEffect(() => {
    form.setFieldsValue(initial(JSON.parse(saved) as ChecklistAnswer[]));
  }, [saved, form]);

  const submit = (v: Values) => {
    setError(null);
    const answered = detail.checklist
      .map((c, i) => ({ item: c.item, violation: v.items[i]?.violation, note: v.items[i]?.note?.trim() || null }))
      .filter((a): a is { item: string; violation: boolean; note: string | null } => typeof a.violation === 'boolean');
    if (answered.length === 0) return setError(t(m.checklistEmpty));
    save.mutate({ version: detail.rowVersion, items: answered }, { onSuccess: () => message.success(t(m.done)), onError: (err) => setError(applyCaseProblem(form, err, lang)) });
  };

  const found = (items ?? []).filter((i) => i?.violation === true).length;
  const unanswered = (items ?? []).filter((i) => typeof i?.violation !== 'boolean').length;

  const columns: TableColumnsType<ChecklistAnswer> = [
    { title: '#', key: 'n', width: 48, render: (_, __, i) => i + 1 },
    {
      title: t(m.item),
      dataIndex: 'item',
      render: (_, c) => (
        <>
          {pick(c.label) || labelOf(checklistLabels, c.item, lang)}
          {c.checkedBy && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(m.checkedBy, { name: c.checkedBy })}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t(m.answer),
      key: 'violation',
      width: 130,
      render: (_, c, i) => (
        <Form.Item name={['items', i, 'violation']} style={{ margin: 0 }}>
          <Radio.Group
            options={[
              { value: true, label: t(common.yes) },
              { value: false, label: t(common.no) },
            ]}
            data-testid={`checklist-${c.item}`}
          />
        </Form.Item>
      ),
    },
    {
      title: t(m.noteOptional),
      key: 'note',
      width: 320,
      render: (_, __, i) => (
        <Form.Item name={['items', i, 'note']} style={{ margin: 0 }} rules={[{ max: 2000, message: t(m.noteRule) }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ),
    },
  ];

  return (
    <Form form={form} name="case_checklist" onFinish={submit} disabled={!editable || save.isPending} initialValues={initial(detail.checklist)} data-testid="case-checklist">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(m.checklistTitle)}
          </Typography.Title>
          <Typography.Text type="secondary">{t(m.checklistHint)}</Typography.Text>
        </div>
        {!editable && <Alert type="info" showIcon title={t(m.readOnly)} />}
        <FormError text={error} testId="case-checklist-error" />
        <Table<ChecklistAnswer> rowKey="item" size="small" dataSource={detail.checklist} columns={columns} pagination={false} />
        <Space>
          {editable && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-checklist-save">
              {t(m.saveChecklist)}
            </Button>
          )}
          <Typography.Text type={found > 0 ? 'danger' : 'secondary'} data-testid="case-checklist-summary">
            {t(m.violations, { n: found, u: unanswered })}
          </Typography.Text>
        </Space>
      </Space>
    </Form>
  );
}
