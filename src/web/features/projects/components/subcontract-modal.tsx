import { App, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai, yuanToFen } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { useAddSubcontract } from '../api/add-subcontract';
import type { ProjectDetail } from '../api/get-project';
import { m } from '../messages';
import { EnterprisePicker } from './party-pickers';

interface Values {
  enterpriseId: string;
  parentEnterpriseId: string;
  scopeOfWork: string;
  amountFen: string;
  signedOn?: Dayjs;
}

/** Registers a subcontract: the letting party is the general contractor or a subcontractor already on the chain. */
export function SubcontractModal({ open, project, onClose }: { open: boolean; project: ProjectDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddSubcontract();

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const parents = [
    { value: project.generalContractorId, label: `${project.generalContractorName}（${t(m.chainRoot)}）` },
    ...project.subcontracts.map((s) => ({ value: s.enterpriseId, label: s.enterpriseName })),
  ];

  const submit = (v: Values) => {
    setError(null);
    const fen = yuanToFen(v.amountFen);
    if (fen === null) {
      form.setFields([{ name: 'amountFen', errors: [t(m.amountRule)] }]);
      return;
    }
    add.mutate(
      { projectId: project.id, enterpriseId: v.enterpriseId, parentEnterpriseId: v.parentEnterpriseId, scopeOfWork: v.scopeOfWork.trim(), amountFen: fen, signedOn: v.signedOn?.format('YYYY-MM-DD') ?? null },
      {
        onSuccess: () => {
          message.success(t(common.saved));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(m.addSubcontract)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      okButtonProps={{ loading: add.isPending, 'data-testid': 'subcontract-save' } as ButtonProps}
      destroyOnHidden
      width={600}
    >
      <FormError text={error} testId="subcontract-error" />
      <Form form={form} name="subcontract" layout="vertical" onFinish={submit} disabled={add.isPending} initialValues={{ parentEnterpriseId: project.generalContractorId }}>
        <Form.Item name="enterpriseId" label={t(m.subcontractor)} rules={[{ required: true, message: t(m.choose) }]}>
          <EnterprisePicker />
        </Form.Item>
        <Form.Item name="parentEnterpriseId" label={t(m.parent)} extra={t(m.parentHint)} rules={[{ required: true, message: t(m.choose) }]}>
          <Select options={parents} />
        </Form.Item>
        <Form.Item name="scopeOfWork" label={t(m.scopeOfWork)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amountFen" label={t(m.amount)} rules={[{ required: true, message: t(m.amountRule) }]}>
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
        <Form.Item name="signedOn" label={t(m.signedOn)}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
