import { App, Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { pendingStep, useMe } from '../../../lib/session';
import { useChangePassword } from '../api/change-password';
import { m } from '../messages';
import { AuthFrame } from './auth-frame';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced after an initial or expired password, or opened from the user menu. */
export function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.stage === 'mfa_pending') return <Navigate to="/mfa" replace />;
  const forced = me.data.passwordChangeRequired;

  const submit = (values: Values) => {
    setError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: (session) => {
          message.success(t(m.passwordChanged));
          navigate(pendingStep(session) ?? '/', { replace: true });
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  return (
    <AuthFrame title={t(m.changePassword)} width={460}>
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(m.mustChange)} />}
      <FormError text={error} testId="password-error" />
      <Typography.Paragraph type="secondary">{t(m.policy)}</Typography.Paragraph>
      <Form form={form} name="password" layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t(m.currentPassword)} rules={[{ required: true, message: t(m.required) }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="newPassword" label={t(m.newPassword)} rules={[{ required: true, message: t(m.required) }]}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t(m.confirmPassword)}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t(m.required) },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t(m.mismatch)))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
          {t(m.changePassword)}
        </Button>
        {!forced && (
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => navigate(-1)}>
            {t(m.back)}
          </Button>
        )}
      </Form>
    </AuthFrame>
  );
}
