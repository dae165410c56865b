import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { meQueryKey } from '../../app/session';
import { api, setCsrfToken } from '../../lib/api-client';
import { problemText } from '../../lib/forms';
import { useI18n } from '../../lib/i18n';

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ stage: string; csrfToken: string }>('/api/auth/login', values);
      setCsrfToken(result.csrfToken);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      navigate(result.stage === 'mfa_pending' ? '/mfa' : '/', { replace: true });
    } catch (err) {
      setError(problemText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #fbeaea, #f5f5f5)' }}>
      <Card style={{ width: 380 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ color: '#b8312f', margin: 0 }}>
            {t('薪盾', 'XinDun')}
          </Typography.Title>
          <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
        </div>
        <Typography.Paragraph type="secondary">{t('农民工工资支付监控预警平台', 'Migrant-worker wage monitoring platform')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('登录', 'Log in')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
