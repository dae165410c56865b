import { type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { MACHINE_ROLES } from '../../../../server/platform/access/roles';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { type CreateApiKeyInput, useCreateApiKey, useKeyBanks } from '../api/create-api-key';
import { useRoles } from '../api/get-roles';
import { m } from '../messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Issues a key for a bank (scoped to a region) or a site device (scoped to an enterprise). */
export function ApiKeyFormModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (name: string, secret: string, signingSecret: string | null) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<CreateApiKeyInput>();
  const [error, setError] = useState<string | null>(null);
  const roles = useRoles();
  const create = useCreateApiKey();
  const role = Form.useWatch('role', form);
  const banks = useKeyBanks(role === 'bank_integration');
  const scopeKind = roles.data?.find((r) => r.role === role)?.scopeKind;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
  }, [open, form]);

  const submit = (values: CreateApiKeyInput) => {
    setError(null);
    const scope = scopeKind === 'enterprise' ? { scopeEnterpriseId: values.scopeEnterpriseId?.trim() } : { scopeRegionCode: values.scopeRegionCode };
    const bank = values.role === 'bank_integration' ? { scopeBankId: values.scopeBankId } : {};
    create.mutate(
      { name: values.name.trim(), role: values.role, ...scope, ...bank },
      { onSuccess: (r) => (onClose(), onIssued(r.key.name, r.secret, r.signingSecret)), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };

  return (
    <Modal
      open={open}
      title={t(m.createKey)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'api-key-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} testId="api-key-error" />
      <Form form={form} name="apiKey" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t(m.keyName)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="role" label={t(m.keyKind)} rules={[{ required: true, message: t(m.required) }]}>
          <Select
            loading={roles.isLoading}
            options={(roles.data ?? []).filter((r) => (MACHINE_ROLES as readonly string[]).includes(r.role)).map((r) => ({ value: r.role, label: lang === 'zh' ? r.zh : r.en }))}
          />
        </Form.Item>
        {scopeKind === 'region' && (
          <Form.Item name="scopeRegionCode" label={t(m.keyScopeRegion)} rules={[{ required: true, message: t(m.required) }]}>
            <RegionTreeSelect />
          </Form.Item>
        )}
        {role === 'bank_integration' && (
          <Form.Item name="scopeBankId" label={t(m.keyBank)} extra={t(m.keyBankHint)} rules={[{ required: true, message: t(m.required) }]}>
            <Select loading={banks.isLoading} showSearch optionFilterProp="label" options={(banks.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.bankCode}）` }))} data-testid="api-key-bank" />
          </Form.Item>
        )}
        {scopeKind === 'enterprise' && (
          <Form.Item name="scopeEnterpriseId" label={t(m.scopeEnterprise)} extra={t(m.scopeEnterpriseHint)} rules={[{ required: true, pattern: UUID, message: t(m.uuidRule) }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
