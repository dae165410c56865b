import { CheckCircleOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Descriptions, Flex, Row, Skeleton, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ACCOUNT_STATUSES } from '../../../../server/modules/accounts/accounts.rules';
import { ImportModal } from '../../../components/import-modal';
import { QueryError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { formatDateTime, formatYuan, todayInShanghai } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { type WageAccountDetail, useWageAccount } from '../api/get-wage-account';
import { type StatementImportReport, importStatement } from '../api/import-statement';
import { downloadAgreement, useUploadAgreement } from '../api/keep-wage-account';
import { m } from '../messages';
import { CloseNoticeModal, StatusModal } from './account-modals';
import { TransactionsTable } from './transactions-table';

const STATUS_COLORS: Record<string, string> = { opened: 'blue', in_use: 'green', frozen: 'red', closed: 'default' };

export function AccountStatusTag({ status }: { status: string | null }) {
  const { t, lang } = useI18n();
  if (!status) return <Tag color="red">{t(m.noAccount)}</Tag>;
  return <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="account-status">{labelOf(ACCOUNT_STATUSES, status, lang)}</Tag>;
}

function Balances({ a }: { a: WageAccountDetail }) {
  const { t, lang } = useI18n();
  const r = a.reconciliation;
  const mismatch = r.state === 'mismatch';
  return (
    <Row gutter={[16, 16]}>
      <Col flex="1 1 220px">
        <Card size="small">
          <Statistic title={t(m.ledgerBalance)} value={formatYuan(r.ledgerBalanceFen)} data-testid="account-ledger-balance" />
          {r.linesBalanceFen !== r.ledgerBalanceFen && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t(m.linesDefect, { amount: formatYuan(r.linesBalanceFen) })}</Typography.Text>}
        </Card>
      </Col>
      <Col flex="1 1 220px">
        <Card size="small">
          <Statistic title={t(m.bankBalance)} value={r.bankBalanceFen === null ? '—' : formatYuan(r.bankBalanceFen)} styles={{ content: { color: mismatch ? '#cf1322' : undefined } }} data-testid="account-bank-balance" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.bankBalanceAt ? t(m.bankBalanceAt, { at: formatDateTime(r.bankBalanceAt, lang) }) : t(m.noBankBalance)}</Typography.Text>
        </Card>
      </Col>
      <Col flex="1 1 220px">
        <Card size="small" data-testid="account-reconciliation" data-state={r.state}>
          {r.state === 'matched' && <Statistic title={t(m.status)} value={t(m.matched)} prefix={<CheckCircleOutlined />} styles={{ content: { color: '#389e0d' } }} />}
          {r.state === 'mismatch' && (
            <>
              <Statistic title={t(m.status)} value={t(m.mismatch)} prefix={<WarningOutlined />} styles={{ content: { color: '#cf1322' } }} />
              {r.differenceFen !== null && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t(m.difference, { amount: formatYuan(r.differenceFen) })}</Typography.Text>}
            </>
          )}
          {r.state === 'no_bank_balance' && <Statistic title={t(m.status)} value={t(m.noBankBalance)} styles={{ content: { fontSize: 16 } }} />}
        </Card>
      </Col>
    </Row>
  );
}

/** One wage account: its record, balances against the bank's, status history, lines, and the keeper's actions. */
export function AccountCard({ accountId }: { accountId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const account = useWageAccount(accountId);
  const upload = useUploadAgreement();
  const [modal, setModal] = useState<null | 'status' | 'notice' | 'import'>(null);
  const [agreementOn, setAgreementOn] = useState<string>(todayInShanghai());
  const a = account.data;

  if (account.isLoading) return <Card size="small"><Skeleton active /></Card>;
  if (account.isError || !a) return <QueryError error={account.error} onRetry={() => account.refetch()} />;
  const may = (action: string) => a.actions.includes(action);

  const putAgreement = (file: File) => {
    upload.mutate({ id: a.id, file, signedOn: agreementOn }, { onSuccess: () => message.success(t(m.agreementUploaded)), onError: (err) => message.error(errorText(err, lang)) });
    return false;
  };

  const importDetail = ({ lines }: StatementImportReport) => (
    <span>
      {t(m.importLines, { accepted: lines.accepted, duplicates: lines.duplicates })}
      {lines.flagged > 0 && t(m.importFlagged, { n: lines.flagged })}
    </span>
  );

  const history = a.history.map((h, i) => ({ ...h, key: i }));
  return (
    <Card
      size="small"
      data-testid="account-card"
      title={
        <Space wrap>
          {a.bankName}
          <Typography.Text copyable data-testid="account-no">{a.accountNo}</Typography.Text>
          <AccountStatusTag status={a.status} />
        </Space>
      }
      extra={
        <Space wrap>
          {may('statement') && <Button icon={<UploadOutlined />} onClick={() => setModal('import')} data-testid="account-import">{t(m.importStatement)}</Button>}
          {may('status') && <Button onClick={() => setModal('status')} data-testid="account-change-status">{t(m.changeStatus)}</Button>}
          {may('close_notice') && a.status !== 'closed' && <Button onClick={() => setModal('notice')}>{t(m.publishNotice)}</Button>}
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t(m.accountName)} span={3}>{a.accountName}</Descriptions.Item>
          <Descriptions.Item label={t(m.contractSignedOn)}>{a.contractSignedOn}</Descriptions.Item>
          <Descriptions.Item label={t(m.openedOn)}>{a.openedOn}</Descriptions.Item>
          <Descriptions.Item label={t(m.openingDelay)}>
            {a.openingDelayDays > 0 ? (
              <Typography.Text type="danger" data-testid="account-opening-delay">
                <WarningOutlined /> {t(m.openingLate, { n: a.openingDelayDays, days: a.openWithinDays })}
              </Typography.Text>
            ) : (
              <span data-testid="account-opening-delay">{t(m.openingOnTime, { days: a.openWithinDays })}</span>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t(m.agreement)} span={2}>
            <Flex gap={8} align="center" wrap>
              {a.hasAgreement ? (
                <>
                  <span>{a.agreementSignedOn}</span>
                  <Button type="link" size="small" onClick={() => downloadAgreement(a.id).catch((err: unknown) => message.error(errorText(err, lang)))}>{t(m.agreementView)}</Button>
                </>
              ) : (
                <Typography.Text type="warning">{t(m.agreementMissing)}</Typography.Text>
              )}
              {a.agreementState === 'late' && <Tag color="orange">{t(m.agreementLate)}</Tag>}
              {a.agreementState === 'overdue' && <Tag color="red">{t(m.agreementOverdue)}</Tag>}
              {may('agreement') && (
                <>
                  <DatePicker size="small" allowClear={false} value={dayjs(agreementOn)} onChange={(d) => d && setAgreementOn(d.format('YYYY-MM-DD'))} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
                  <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={putAgreement}>
                    <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>{t(m.agreementUpload)}</Button>
                  </Upload>
                </>
              )}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.closeNotice)}>
            {a.closedOn ? `${t(m.closedOn)} ${a.closedOn}` : a.closeNoticeFrom ? t(m.closeNoticeFrom, { date: a.closeNoticeFrom }) : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Balances a={a} />
        <Table
          size="small"
          rowKey="key"
          dataSource={history}
          pagination={false}
          title={() => <Typography.Text strong>{t(m.history)}</Typography.Text>}
          data-testid="account-history"
          columns={[
            { title: t(m.historyDate), dataIndex: 'date', width: 110 },
            { title: t(m.historyChange), key: 'change', width: 200, render: (_, h) => <>{h.from ? `${labelOf(ACCOUNT_STATUSES, h.from, lang)} → ` : ''}{labelOf(ACCOUNT_STATUSES, h.to, lang)}</> },
            { title: t(m.historyReason), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
            { title: t(m.historyBy), dataIndex: 'by', width: 200 },
            { title: '', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, lang) },
          ]}
        />
        <TransactionsTable accountId={a.id} />
      </Space>
      <StatusModal account={a} open={modal === 'status'} onClose={() => setModal(null)} />
      <CloseNoticeModal account={a} open={modal === 'notice'} onClose={() => setModal(null)} />
      <ImportModal<StatementImportReport>
        open={modal === 'import'}
        title={t(m.importTitle)}
        send={(file, mode) => importStatement(a.id, file, mode)}
        committedDetail={importDetail}
        onImported={() => client.invalidateQueries({ queryKey: ['wage-accounts'] })}
        onClose={() => setModal(null)}
      />
    </Card>
  );
}
