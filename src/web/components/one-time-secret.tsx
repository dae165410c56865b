import { Alert, Button, Modal, Space, Typography } from 'antd';
import { common, useI18n } from '../lib/i18n';

/** Shows a secret (initial password, API key) exactly once, with a copy button. */
export function OneTimeSecretModal({ title, secret, extra, onClose }: { title: string; secret: string | null; extra?: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      closable={false}
      mask={{ closable: false }}
      footer={<Button type="primary" onClick={onClose} data-testid="secret-done">{t(common.done)}</Button>}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t(common.shownOnce)} />
        {extra && <Typography.Text>{extra}</Typography.Text>}
        <Typography.Paragraph
          code
          copyable={{ text: secret ?? '', tooltips: [t(common.copy), t(common.copied)] }}
          style={{ fontSize: 16, wordBreak: 'break-all', margin: 0 }}
          data-testid="one-time-secret"
        >
          {secret}
        </Typography.Paragraph>
      </Space>
    </Modal>
  );
}
