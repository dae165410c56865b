import { SafetyCertificateFilled } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Result, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '../../../components/language-switch';
import { api, errorText } from '../../../lib/api-client';
import { yuanToFen } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { type ComplaintReceipt, type PublicComplaintBody, useRequestComplaintCode, useSubmitPublicComplaint } from '../api/public-complaint';
import { pm } from '../public-messages';
import { PublicLookup } from './public-lookup';

interface Values {
  phone: string;
  code: string;
  name: string;
  employerName: string;
  claimed: string;
  period?: [Dayjs, Dayjs];
  description: string;
}

const MOBILE = /^1[3-9][0-9]{9}$/;

/**
 * 扫码投诉 (the page behind the QR code on a site's 维权告示牌, `/complain?project=<code>`): no account;
 * the phone is proven by a code, then the complaint goes to the unit responsible for the project,
 * and the worker keeps the case number. Built for a phone screen.
 */
export function PublicComplaintPage() {
  const { t, lang } = useI18n();
  const [search] = useSearchParams();
  const projectCode = search.get('project');
  const [form] = Form.useForm<Values>();
  const sendCode = useRequestComplaintCode();
  const submit = useSubmitPublicComplaint();
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);
  const [following, setFollowing] = useState(false);
  const sent = useRef<PublicComplaintBody | null>(null);

  // 分派中: the complaint is in and numbered; the unit follows within moments. Asking again with
  // the same code returns the same complaint, routed once it is (a few tries, then 查询进度).
  useEffect(() => {
    if (!receipt || receipt.routed || !sent.current) return;
    let tries = 0;
    const timer = setInterval(async () => {
      tries += 1;
      try {
        const now = await api.post<ComplaintReceipt>('/api/public/complaints', sent.current);
        if (now.routed) setReceipt((r) => r && { ...now, duplicate: r.duplicate });
      } catch {
        /* the receipt stands; the lookup shows the unit later */
      }
      if (tries >= 5) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [receipt]);

  const requestCode = async () => {
    const phone = (await form.validateFields(['phone'])).phone;
    sendCode.mutate(phone, { onSuccess: (r) => r.demoCode && form.setFieldValue('code', r.demoCode) });
  };
  const onFinish = (v: Values) => {
    if (!sendCode.data) return form.setFields([{ name: 'code', errors: [t(pm.codeFirst)] }]);
    const fen = yuanToFen(v.claimed);
    if (fen === null || fen < 1) return form.setFields([{ name: 'claimed', errors: [t(pm.amountRule)] }]);
    const body: PublicComplaintBody = {
      verificationId: sendCode.data.verificationId,
      code: v.code.trim(),
      projectCode,
      employerName: v.employerName.trim(),
      name: v.name.trim(),
      claimedFen: fen,
      periodFrom: v.period?.[0].format('YYYY-MM-DD') ?? null,
      periodTo: v.period?.[1].format('YYYY-MM-DD') ?? null,
      description: v.description.trim(),
    };
    sent.current = body;
    submit.mutate(body, { onSuccess: setReceipt });
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 12, background: '#f5f5f5' }}>
      <Card style={{ width: 480, maxWidth: '100%' }} data-testid="public-complaint">
        <Flex justify="space-between" align="center">
          <Typography.Title level={4} style={{ color: '#b8312f', margin: 0 }}>
            <SafetyCertificateFilled /> {t(common.appName)} · {t(pm.title)}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Flex justify="flex-end">
          <Button type="link" size="small" onClick={() => setFollowing((f) => !f)} data-testid="public-complaint-mode">
            {t(following ? pm.toComplain : pm.toLookup)}
          </Button>
        </Flex>
        {following ? (
          <PublicLookup />
        ) : receipt ? (
          <Result
            status="success"
            title={t(receipt.duplicate ? pm.alreadyReceived : pm.received)}
            subTitle={t(pm.keepNumber)}
            extra={
              <Descriptions
                column={1}
                size="small"
                data-testid="public-complaint-receipt"
                items={[
                  { key: 'no', label: t(pm.caseNo), children: <Typography.Text copyable strong data-testid="public-complaint-case-no">{receipt.caseNo}</Typography.Text> },
                  { key: 'title', label: t(pm.caseTitle), children: receipt.title },
                  {
                    key: 'unit',
                    label: t(pm.unit),
                    children: receipt.routed ? (receipt.handlingUnitName ?? '—') : <span data-testid="public-complaint-routing"><Spin size="small" /> {t(pm.routing)}</span>,
                  },
                  { key: 'by', label: t(pm.acceptBy), children: receipt.acceptBy ?? '—' },
                ]}
              />
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t(projectCode ? pm.introProject : pm.introNoProject, { code: projectCode })}
            </Typography.Paragraph>
            {!projectCode && <Alert type="warning" showIcon title={t(pm.noProject)} style={{ marginBottom: 12 }} />}
            {submit.isError && <Alert type="error" showIcon title={errorText(submit.error, lang)} style={{ marginBottom: 12 }} data-testid="public-complaint-error" />}
            {sendCode.isError && <Alert type="error" showIcon title={errorText(sendCode.error, lang)} style={{ marginBottom: 12 }} />}
            <Form<Values> form={form} name="public_complaint" layout="vertical" onFinish={onFinish} disabled={submit.isPending || !projectCode} requiredMark={false}>
              <Form.Item name="phone" label={t(pm.phone)} rules={[{ required: true, pattern: MOBILE, message: t(pm.phoneRule) }]}>
                <Input inputMode="numeric" maxLength={11} autoComplete="tel" data-testid="public-complaint-phone" />
              </Form.Item>
              <Form.Item label={t(pm.code)} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t(pm.codeRule) }]}>
                    <Input inputMode="numeric" maxLength={6} data-testid="public-complaint-code" />
                  </Form.Item>
                  <Button onClick={requestCode} loading={sendCode.isPending} data-testid="public-complaint-send-code">
                    {t(sendCode.data ? pm.resend : pm.sendCode)}
                  </Button>
                </Space.Compact>
              </Form.Item>
              {sendCode.data?.demoCode && <Alert type="info" showIcon title={t(pm.demoCode)} style={{ marginBottom: 12 }} />}
              <Form.Item name="name" label={t(pm.name)} rules={[{ required: true, whitespace: true, max: 50, message: t(pm.nameRule) }]}>
                <Input maxLength={50} data-testid="public-complaint-name" />
              </Form.Item>
              <Form.Item name="employerName" label={t(pm.employer)} extra={t(pm.employerHint)} rules={[{ required: true, whitespace: true, max: 200, message: t(pm.employerRule) }]}>
                <Input maxLength={200} data-testid="public-complaint-employer" />
              </Form.Item>
              <Form.Item name="claimed" label={t(pm.amount)} rules={[{ required: true, message: t(pm.amountRule) }]}>
                <InputNumber<string> stringMode min="0.01" precision={2} prefix="¥" style={{ width: '100%' }} data-testid="public-complaint-amount" />
              </Form.Item>
              <Form.Item name="period" label={t(pm.period)}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="description" label={t(pm.description)} rules={[{ required: true, whitespace: true, max: 2000, message: t(pm.descriptionRule) }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t(pm.descriptionHint)} data-testid="public-complaint-description" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="public-complaint-submit">
                {t(pm.submit)}
              </Button>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t(pm.privacy)}
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </Flex>
  );
}
