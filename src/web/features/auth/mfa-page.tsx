import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { meQueryKey, useMe } from '../../app/session';
import { api, setCsrfToken } from '../../lib/api-client';
import { problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

/** Second factor: enrol an authenticator app the first time, then enter its 6-digit code. */
export function MfaPage() {
  const { t, lang } = useI18n();
  const { data: me, isLoading } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (isLoading) return null;
  if (!me) return <Navigate to="/login" replace />;
  if (me.stage === 'active') return <Navigate to="/" replace />;

  const enrol = async () => {
    try {
      setEnrolment(await api.post('/api/auth/mfa/setup'));
    } catch (err) {
      setError(problemText(err, lang));
    }
  };
  const verify = async ({ code }: { code: string }) => {
    setError(null);
    try {
      const result = await api.post<{ csrfToken: string }>('/api/auth/mfa/verify', { code });
      setCsrfToken(result.csrfToken);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate('/', { replace: true });
    } catch (err) {
      setError(problemText(err, lang));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Card style={{ width: 440 }} title={t('双因素认证', 'Two-factor authentication')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        {!me.user.mfaEnrolled && !enrolment && (
          <>
            <Typography.Paragraph>{t('您的角色要求使用动态口令。请先在手机验证器应用中绑定。', 'Your role requires an authenticator app. Enrol one first.')}</Typography.Paragraph>
            <Button onClick={enrol}>{t('开始绑定', 'Start enrolment')}</Button>
          </>
        )}
        {enrolment && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message={t('在验证器中添加此密钥', 'Add this key to your authenticator')}
            description={<Typography.Text copyable code>{enrolment.secret}</Typography.Text>}
          />
        )}
        {(me.user.mfaEnrolled || enrolment) && (
          <Form layout="vertical" onFinish={verify}>
            <Form.Item name="code" label={t('6位动态口令', '6-digit code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('请输入6位数字', 'Enter 6 digits') }]}>
              <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              {t('验证', 'Verify')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
