import { Alert, Button, Descriptions, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useLookupMyComplaints, useRequestComplaintCode } from '../api/public-complaint';
import { pm } from '../public-messages';

const MOBILE = /^1[3-9][0-9]{9}$/;

/** 查询进度: the complainant proves the phone again and sees each complaint's stage and unit. */
export function PublicLookup() {
  const { t, pick, lang } = useI18n();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const sendCode = useRequestComplaintCode();
  const lookup = useLookupMyComplaints();
  const requestCode = async () => {
    const { phone } = await form.validateFields(['phone']);
    sendCode.mutate(phone, { onSuccess: (r) => r.demoCode && form.setFieldValue('code', r.demoCode) });
  };
  const onFinish = (v: { code: string }) => {
    if (!sendCode.data) return form.setFields([{ name: 'code', errors: [t(pm.codeFirst)] }]);
    lookup.mutate({ verificationId: sendCode.data.verificationId, code: v.code.trim() });
  };
  return (
    <div data-testid="public-lookup">
      {(sendCode.isError || lookup.isError) && <Alert type="error" showIcon title={errorText(sendCode.error ?? lookup.error, lang)} style={{ marginBottom: 12 }} />}
      {lookup.data ? (
        lookup.data.length === 0 ? (
          <Empty description={t(pm.noComplaints)} />
        ) : (
          <List
            dataSource={lookup.data}
            renderItem={(c) => (
              <List.Item key={c.caseNo} data-testid="public-lookup-item">
                <Descriptions
                  column={1}
                  size="small"
                  title={
                    <Space wrap>
                      <Typography.Text strong>{c.caseNo}</Typography.Text>
                      <Tag color={c.status === 'closed' ? 'default' : 'processing'}>{pick(c.statusLabel)}</Tag>
                    </Space>
                  }
                  items={[
                    { key: 'title', label: t(pm.caseTitle), children: c.title },
                    { key: 'unit', label: t(pm.unit), children: c.handlingUnitName ?? '—' },
                    { key: 'received', label: t(pm.receivedOn), children: c.receivedOn },
                    { key: 'due', label: c.closedOn ? t(pm.closedOn) : t(pm.stageDue), children: c.closedOn ?? c.stageDueOn ?? '—' },
                  ]}
                />
              </List.Item>
            )}
          />
        )
      ) : (
        <Form form={form} name="public_lookup" layout="vertical" onFinish={onFinish} requiredMark={false} disabled={lookup.isPending}>
          <Form.Item name="phone" label={t(pm.phone)} rules={[{ required: true, pattern: MOBILE, message: t(pm.phoneRule) }]}>
            <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Form.Item label={t(pm.code)} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t(pm.codeRule) }]}>
                <Input inputMode="numeric" maxLength={6} />
              </Form.Item>
              <Button onClick={requestCode} loading={sendCode.isPending}>
                {t(sendCode.data ? pm.resend : pm.sendCode)}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
            {t(pm.lookup)}
          </Button>
        </Form>
      )}
    </div>
  );
}
