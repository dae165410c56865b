import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { MACHINE_ROLES } from '../../../../server/platform/access/roles';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import { industryLabels, optionsOf } from '../../../lib/labels';
import { useCreateUser } from '../api/create-user';
import { useRoles } from '../api/get-roles';
import type { User } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { m } from '../messages';

interface Values {
  username?: string;
  displayName: string;
  role: string;
  scopeRegionCode?: string;
  scopeIndustry?: string;
  scopeEnterpriseId?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates or edits a person's account; the scope fields follow the chosen role's scope kind. */
export function UserFormModal({ open, user, onClose, onCreated }: { open: boolean; user: User | null; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const roles = useRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const role = Form.useWatch('role', form);
  const personRoles = (roles.data ?? []).filter((r) => r.scopeKind !== 'worker' && !(MACHINE_ROLES as readonly string[]).includes(r.role));
  const scopeKind = personRoles.find((r) => r.role === role)?.scopeKind;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (user) {
      const s = user.scope;
      form.setFieldsValue({ displayName: user.displayName, role: user.role, scopeRegionCode: s.regionCode ?? undefined, scopeIndustry: s.industry ?? undefined, scopeEnterpriseId: s.enterpriseId ?? undefined });
    }
  }, [open, user, form]);

  const submit = (values: Values) => {
    setError(null);
    const scope =
      scopeKind === 'enterprise'
        ? { scopeEnterpriseId: values.scopeEnterpriseId?.trim(), scopeRegionCode: null, scopeIndustry: null }
        : { scopeRegionCode: values.scopeRegionCode, scopeIndustry: values.scopeIndustry ?? null, scopeEnterpriseId: null };
    const fail = (err: unknown) => setError(applyProblemToForm(form, err, lang));
    if (user) {
      update.mutate(
        { id: user.id, version: user.version, displayName: values.displayName.trim(), role: values.role, ...scope },
        { onSuccess: () => (message.success(t(m.updated)), onClose()), onError: fail },
      );
    } else {
      const username = values.username!.trim();
      create.mutate(
        { username, displayName: values.displayName.trim(), role: values.role, ...scope },
        { onSuccess: (r) => (onClose(), onCreated(username, r.initialPassword)), onError: fail },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t(m.editUser, { name: user.displayName }) : t(m.createUser)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(common.save)}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'user-save' } as ButtonProps}
      destroyOnHidden
    >
      <FormError text={error} testId="user-error" />
      <Form form={form} name="user" layout="vertical" onFinish={submit}>
        {!user && (
          <Form.Item name="username" label={t(m.username)} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t(m.usernameRule) }]}>
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t(m.displayName)} rules={[{ required: true, whitespace: true, message: t(m.required) }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="role" label={t(m.role)} rules={[{ required: true, message: t(m.required) }]}>
          <Select loading={roles.isLoading} options={personRoles.map((r) => ({ value: r.role, label: lang === 'zh' ? r.zh : r.en }))} />
        </Form.Item>
        {scopeKind === 'region' && (
          <>
            <Form.Item name="scopeRegionCode" label={t(m.scopeRegion)} rules={[{ required: true, message: t(m.required) }]}>
              <RegionTreeSelect />
            </Form.Item>
            <Form.Item name="scopeIndustry" label={t(m.scopeIndustry)}>
              <Select allowClear options={optionsOf(industryLabels, lang)} />
            </Form.Item>
          </>
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
