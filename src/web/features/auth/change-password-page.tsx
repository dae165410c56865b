import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { meQueryKey, useMe } from '../../app/session';
import { api } from '../../lib/api-client';
import { applyServerErrors } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

export function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const { data: me, isLoading } = useMe();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (isLoading) return null;
  if (!me) return <Navigate to="/login" replace />;

  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await api.post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate('/', { replace: true });
    } catch (err) {
      setError(applyServerErrors(form, err, lang));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Card style={{ width: 440 }} title={t('修改密码', 'Change password')}>
        {me.passwordChangeRequired && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('初始密码或密码已过期，请先设置新密码', 'Your password is initial or expired; set a new one')} />
        )}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">
          {t('至少8位（管理员12位），包含大小写字母、数字、符号中的三类，不得包含用户名，不得与最近5次相同。', 'At least 8 characters (12 for administrators), three of: lower, upper, digits, symbols; not your username; not one of your last 5.')}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('当前密码', 'Current password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('新密码', 'New password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('确认新密码', 'Repeat new password')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入不一致', 'The passwords differ')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
