import { Alert, Button, Descriptions, Form, Input, Spin, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router-dom';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { pendingStep, useMe } from '../../../lib/session';
import { useLogout } from '../api/logout';
import { useSetupMfa } from '../api/setup-mfa';
import { useVerifyMfa } from '../api/verify-mfa';
import { m } from '../messages';
import { AuthFrame } from './auth-frame';

/** Second factor: enrol an authenticator the first time (secret and otpauth URI as text), then the 6-digit code. */
export function MfaPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const setup = useSetupMfa();
  const verify = useVerifyMfa();
  const logout = useLogout();

  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.stage === 'active' && !verify.isPending) return <Navigate to={pendingStep(me.data) ?? '/'} replace />;

  const enrolled = me.data.user.mfaEnrolled;
  const error = setup.error ?? verify.error;
  const submit = ({ code }: { code: string }) =>
    verify.mutate(code, { onSuccess: (session) => navigate(pendingStep(session) ?? '/', { replace: true }) });

  return (
    <AuthFrame title={t(m.mfaTitle)} width={480}>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(error, lang)} data-testid="mfa-error" />}
      {!enrolled && !setup.data && (
        <>
          <Typography.Paragraph>{t(m.mfaEnrolIntro)}</Typography.Paragraph>
          <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending} data-testid="mfa-setup">
            {t(m.mfaStart)}
          </Button>
        </>
      )}
      {setup.data && (
        <Descriptions
          column={1}
          bordered
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            { key: 'secret', label: t(m.mfaSecret), children: <Typography.Text code copyable data-testid="mfa-secret">{setup.data.secret}</Typography.Text> },
            { key: 'uri', label: t(m.mfaUri), children: <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>{setup.data.uri}</Typography.Text> },
          ]}
        />
      )}
      {(enrolled || setup.data) && (
        <Form<{ code: string }> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="code" label={t(m.mfaEnterCode)} rules={[{ required: true, pattern: /^\d{6}$/, message: t(m.mfaCodeRule) }]}>
            <Input.OTP length={6} autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="mfa-submit">
            {t(m.verify)}
          </Button>
        </Form>
      )}
      <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
        {t(m.backToLogin)}
      </Button>
    </AuthFrame>
  );
}
