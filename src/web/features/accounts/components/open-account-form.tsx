import { App, Button, Card, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useBankOptions } from '../api/get-banks';
import { useOpenWageAccount } from '../api/open-wage-account';
import { m } from '../messages';

interface Values {
  bankId: string;
  accountNo: string;
  accountName?: string;
  contractSignedOn: Dayjs;
  openedOn: Dayjs;
  agreementSignedOn?: Dayjs | null;
}

const DAY = 'YYYY-MM-DD';

/** 登记开户: the bank from the catalogue, the account number, the contract's and the opening's dates. */
export function OpenAccountForm({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const banks = useBankOptions();
  const open = useOpenWageAccount();
  const today = todayInShanghai();
  const future = (d: Dayjs) => d.format(DAY) > today;

  const submit = (v: Values) => {
    setError(null);
    open.mutate(
      {
        projectId,
        bankId: v.bankId,
        accountNo: v.accountNo.trim(),
        accountName: v.accountName?.trim() || null,
        contractSignedOn: v.contractSignedOn.format(DAY),
        openedOn: v.openedOn.format(DAY),
        agreementSignedOn: v.agreementSignedOn ? v.agreementSignedOn.format(DAY) : null,
      },
      { onSuccess: () => message.success(t(m.opened)), onError: (err) => setError(applyProblemToForm(form, err, lang)) },
    );
  };

  return (
    <Card size="small" title={t(m.openTitle)} data-testid="account-open">
      <FormError text={error} testId="account-open-error" />
      <Form form={form} name="wage_account" layout="vertical" onFinish={submit} disabled={open.isPending}>
        <Flex wrap gap={16}>
          <Form.Item name="bankId" label={t(m.bank)} style={{ width: 320 }} rules={[{ required: true, message: t(m.bankRequired) }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={banks.isLoading}
              options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name, title: b.name }))}
              data-testid="account-open-bank"
            />
          </Form.Item>
          <Form.Item name="accountNo" label={t(m.accountNo)} style={{ width: 320 }} rules={[{ required: true, pattern: /^[0-9]{8,32}$/, message: t(m.accountNoRule) }]}>
            <Input maxLength={32} inputMode="numeric" data-testid="account-open-no" />
          </Form.Item>
          <Form.Item name="accountName" label={t(m.accountName)} extra={t(m.accountNameHint)} style={{ width: 480 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Flex wrap gap={16}>
          <Form.Item name="contractSignedOn" label={t(m.contractSignedOn)} rules={[{ required: true, message: t(m.dateRequired) }]}>
            <DatePicker disabledDate={future} data-testid="account-open-contract" />
          </Form.Item>
          <Form.Item name="openedOn" label={t(m.openedOn)} rules={[{ required: true, message: t(m.dateRequired) }]}>
            <DatePicker disabledDate={future} data-testid="account-open-opened" />
          </Form.Item>
          <Form.Item name="agreementSignedOn" label={t(m.agreementSignedOn)}>
            <DatePicker disabledDate={future} />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="account-open-submit">
          {t(m.openSubmit)}
        </Button>
      </Form>
    </Card>
  );
}
