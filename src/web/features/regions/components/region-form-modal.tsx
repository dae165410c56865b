import { App, type ButtonProps, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { RegionDto } from '../../../../server/modules/regions/regions.presenter';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateRegion } from '../api/create-region';
import { useRenameRegion } from '../api/rename-region';
import { m } from '../messages';

export type RegionDialog = { mode: 'rename' | 'add'; region: RegionDto } | null;

/** The shape of a child's code under a parent: GB/T 2260 (6 digits) down to villages (12). */
export function childCodeShape(parent: RegionDto): { prefix: string; length: number } {
  if (parent.level === 1) return { prefix: parent.code.slice(0, 2), length: 6 };
  if (parent.level === 2) return { prefix: parent.code.slice(0, 4), length: 6 };
  return { prefix: parent.code, length: parent.code.length + 3 };
}

interface Values {
  name: string;
  code?: string;
}

export function RegionFormModal({ dialog, onClose, onCreated }: { dialog: RegionDialog; onClose: () => void; onCreated: (code: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateRegion();
  const rename = useRenameRegion();

  useEffect(() => {
    if (!dialog) return;
    setError(null);
    form.resetFields();
    if (dialog.mode === 'rename') form.setFieldsValue({ name: dialog.region.name });
  }, [dialog, form]);

  if (!dialog) return null;
  const { mode, region } = dialog;
  const shape = childCodeShape(region);
  const fail = (err: unknown) => setError(applyProblemToForm(form, err, lang));

  const submit = (values: Values) => {
    setError(null);
    if (mode === 'rename') {
      rename.mutate({ code: region.code, name: values.name.trim(), version: region.version }, { onSuccess: () => (message.success(t(m.renamed)), onClose()), onError: fail });
    } else {
      const code = values.code!.trim();
      create.mutate({ code, name: values.name.trim(), parentCode: region.code }, { onSuccess: () => (message.success(t(m.created)), onCreated(code), onClose()), onError: fail });
    }
  };

  return (
    <Modal
      open
      title={t(mode === 'rename' ? m.renameTitle : m.addChildTitle, { name: region.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || rename.isPending}
      okButtonProps={{ 'data-testid': 'region-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} />
      <Form form={form} name="region" layout="vertical" onFinish={submit}>
        {mode === 'add' && (
          <Form.Item
            name="code"
            label={t(m.code)}
            extra={t(m.codeHint, { prefix: shape.prefix, len: shape.length })}
            rules={[
              {
                required: true,
                validator: (_, v: string | undefined) =>
                  v && new RegExp(`^${shape.prefix}\\d{${shape.length - shape.prefix.length}}$`).test(v.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(m.codeRule, { prefix: shape.prefix, len: shape.length }))),
              },
            ]}
          >
            <Input maxLength={shape.length} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true, message: t(m.nameRequired) }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
