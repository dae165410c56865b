import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/query-error';
import { RevealFieldModal, type RevealOption } from '../../../components/reveal-field-modal';
import { paths, projectPath } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { contractKindLabels, genderLabels, labelOf, tradeLabels, wageTypeLabels } from '../../../lib/labels';
import { type WorkerProfile, useWorker } from '../api/get-worker';
import type { RosterEntry } from '../api/get-roster';
import { type WorkerRevealField, revealWorkerField } from '../api/reveal-worker-field';
import { m } from '../messages';

/**
 * A worker's profile: personal data masked (audited reveal for those who may), employments on
 * every visible project, and what the route adds below (the attendance calendar).
 */
export function WorkerProfilePage({ extra }: { extra?: (worker: WorkerProfile) => ReactNode }) {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const worker = useWorker(id);
  const [revealing, setRevealing] = useState<WorkerRevealField | null>(null);
  const w = worker.data;

  if (worker.isLoading) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (worker.isError || !w) {
    const missing = worker.error instanceof ApiError && worker.error.status === 404;
    return (
      <Card>
        {missing ? (
          <Result status="404" title="404" subTitle={t(m.notFound)} extra={<Link to={paths.workers}><Button type="primary">{t(m.backToWorkers)}</Button></Link>} />
        ) : (
          <QueryError error={worker.error} onRetry={() => worker.refetch()} />
        )}
      </Card>
    );
  }

  const mayReveal = w.actions.includes('reveal');
  const revealable: RevealOption<WorkerRevealField>[] = [
    { value: 'idNumber' as const, label: t(m.idNumber) },
    w.phone !== null && { value: 'phone' as const, label: t(m.phone) },
    w.bankCard !== null && { value: 'bankCard' as const, label: t(m.bankCard) },
  ].filter((f) => f !== false);
  const masked = (value: string | null, field: WorkerRevealField) =>
    value === null ? (
      '—'
    ) : (
      <Space size={4}>
        <span data-testid={`worker-${field}`}>{value}</span>
        {mayReveal && (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealing(field)} data-testid={`worker-reveal-${field}`}>
            {t(m.reveal)}
          </Button>
        )}
      </Space>
    );

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t(m.name), children: <span data-testid="worker-name">{w.name}</span> },
    { key: 'id', label: t(m.idNumber), children: masked(w.idNumber, 'idNumber') },
    { key: 'gender', label: t(m.gender), children: labelOf(genderLabels, w.gender, lang) },
    { key: 'birth', label: t(m.birthDate), children: w.birthDate },
    { key: 'phone', label: t(m.phone), children: masked(w.phone, 'phone') },
    { key: 'ethnicity', label: t(m.ethnicity), children: w.ethnicity ?? '—' },
    { key: 'native', label: t(m.nativePlace), children: w.nativePlace ?? '—' },
    { key: 'education', label: t(m.education), children: w.education ?? '—' },
    { key: 'trade', label: t(m.trade), children: labelOf(tradeLabels, w.trade, lang) },
    { key: 'card', label: t(m.bankCard), children: masked(w.bankCard, 'bankCard') },
    { key: 'bank', label: t(m.bank), children: w.bankName ?? '—' },
    { key: 'open', label: t(m.openEmployments), children: w.openEmployments },
    {
      key: 'certs',
      label: t(m.skillCertificates),
      span: 'filled',
      children: w.skillCertificates.length
        ? w.skillCertificates.map((c, i) => (
            <Tag key={i}>
              {c.name}
              {c.number ? ` ${c.number}` : ''}
              {c.validUntil ? `（${t(m.validUntil, { date: c.validUntil })}）` : ''}
            </Tag>
          ))
        : '—',
    },
  ];

  const columns: TableColumnsType<RosterEntry> = [
    {
      title: t(m.project),
      dataIndex: 'projectName',
      render: (v: string, e) => (
        <>
          <Link to={projectPath(e.projectId, 'roster')}>{v}</Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.projectCode}</Typography.Text>
        </>
      ),
    },
    { title: t(m.employer), dataIndex: 'employerName' },
    { title: t(m.team), dataIndex: 'teamName', render: (v: string | null, e) => (v ? <>{v}{e.isTeamLeader && <Tag color="gold" style={{ marginInlineStart: 6 }}>{t(m.teamLeader)}</Tag>}</> : '—') },
    { title: t(m.trade), dataIndex: 'trade', render: (v: string) => labelOf(tradeLabels, v, lang) },
    { title: t(m.entryDate), dataIndex: 'entryDate', width: 110 },
    { title: t(m.exitDate), dataIndex: 'exitDate', width: 120, render: (v: string | null) => v ?? <Tag color="green">{t(m.statusOpen)}</Tag> },
    { title: t(m.wage), key: 'wage', render: (_, e) => `${labelOf(wageTypeLabels, e.wageType, lang)} ${formatYuan(e.wageAmountFen)}` },
    { title: t(m.contract), key: 'contract', render: (_, e) => `${labelOf(contractKindLabels, e.contractKind, lang)} ${e.contractSignedOn}` },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={paths.workers} aria-label={t(m.backToWorkers)}>
              <ArrowLeftOutlined />
            </Link>
            {t(m.profile)}：{w.name}
          </Space>
        }
      >
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} data-testid="worker-profile" />
      </Card>
      <Card title={t(m.employments)}>
        <Table<RosterEntry>
          rowKey="employmentId"
          size="middle"
          columns={columns}
          dataSource={w.employments}
          pagination={w.employments.length > 10 ? { pageSize: 10 } : false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t(m.noEmployments)} /> }}
          data-testid="worker-employments"
        />
      </Card>
      {extra?.(w)}
      <RevealFieldModal
        open={revealing !== null}
        title={t(m.revealTitle, { name: w.name })}
        fields={revealable}
        initial={revealing ?? undefined}
        reveal={(body) => revealWorkerField(w.id, body)}
        onClose={() => setRevealing(null)}
      />
    </Space>
  );
}
