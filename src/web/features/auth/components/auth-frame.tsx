import { SafetyCertificateFilled } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '../../../components/language-switch';
import { common, useI18n } from '../../../lib/i18n';

/** The centred card the login, second-factor and password pages share. */
export function AuthFrame({ title, children, width = 400 }: { title?: string; children: ReactNode; width?: number }) {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #fbeaea 0%, #f5f5f5 60%)' }}>
      <Card style={{ width, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
          <Typography.Title level={3} style={{ color: '#b8312f', margin: 0 }}>
            <SafetyCertificateFilled /> {t(common.appName)}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t(common.platformName)}</Typography.Paragraph>
        {title && <Typography.Title level={4}>{title}</Typography.Title>}
        {children}
      </Card>
    </Flex>
  );
}
