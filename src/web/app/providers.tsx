import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { queryClient } from '../lib/query-client';

const theme = { token: { colorPrimary: '#b8312f', borderRadius: 4 } };

export function AppProviders({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
