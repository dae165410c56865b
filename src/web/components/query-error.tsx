import { Alert, Button, Typography } from 'antd';
import { ApiError, errorText } from '../lib/api-client';
import { common, useI18n } from '../lib/i18n';

/** A failed query: what the server said, its request id (for the administrator), and a retry. */
export function QueryError({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, lang } = useI18n();
  const requestId = error instanceof ApiError ? error.requestId : '';
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="query-error"
      title={title ?? t(common.loadFailed)}
      description={
        <>
          {errorText(error, lang)}
          {requestId && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t(common.requestId)}: <Typography.Text copyable>{requestId}</Typography.Text>
            </Typography.Text>
          )}
        </>
      }
      action={onRetry && <Button size="small" onClick={onRetry}>{t(common.retry)}</Button>}
    />
  );
}

/** The same for a failed form submission, shown above the form. */
export function FormError({ text, testId }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return <Alert type="error" showIcon title={text} style={{ marginBottom: 16 }} data-testid={testId ?? 'form-error'} />;
}
