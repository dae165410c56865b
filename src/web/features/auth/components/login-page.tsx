import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { pendingStep, useMe } from '../../../lib/session';
import { type LoginInput, useLogin } from '../api/login';
import { m } from '../messages';
import { AuthFrame } from './auth-frame';

export function LoginPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const from = (location.state as { from?: string } | null)?.from;

  if (me.isLoading) return <Spin fullscreen />;
  // Already signed in: carry on where the session stands.
  if (me.data && !login.isPending) return <Navigate to={pendingStep(me.data) ?? from ?? '/'} replace />;

  const submit = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (session) => navigate(pendingStep(session) ?? (from && from !== '/login' ? from : '/'), { replace: true }),
    });

  return (
    <AuthFrame>
      {login.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t(m.loginFailed)} description={errorText(login.error, lang)} data-testid="login-error" />}
      <Form<LoginInput> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
        <Form.Item name="username" label={t(m.username)} rules={[{ required: true, whitespace: true, message: t(m.enterUsername) }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t(m.password)} rules={[{ required: true, message: t(m.enterPassword) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t(m.login)}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t(m.securityNote)}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
