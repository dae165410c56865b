import { Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { DescriptionsProps, TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { casePath, projectPath } from '../../../config/paths';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { industryLabels, labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { useUnitNames } from '../api/get-choices';
import type { CaseDetail, CaseIncident } from '../api/get-case';
import { readFacts } from '../case-facts';
import { outstandingFen } from '../case-forms';
import { responseLevelLabels, satisfactionLabels } from '../labels';
import { m } from '../messages';

/** 概况: who handles it, the dates of each step, the money, what the law says now, and the group incidents. */
export function CaseOverviewTab({ detail: d }: { detail: CaseDetail }) {
  const { t, pick, lang } = useI18n();
  const can = useCan();
  const assist = useUnitNames(d.assistUnitIds, can('orgs.read'));
  const facts = readFacts(d.facts);
  const sep = lang === 'zh' ? '、' : ', ';

  const basics: DescriptionsProps['items'] = [
    { key: 'no', label: t(m.caseNo), children: <Typography.Text copyable>{d.caseNo}</Typography.Text> },
    { key: 'received', label: t(m.receivedOn), children: d.receivedOn },
    { key: 'title', label: t(m.caseTitle), span: 'filled', children: d.title },
    { key: 'project', label: t(m.project), children: d.projectId ? <Link to={projectPath(d.projectId)}>{d.projectName}</Link> : '—' },
    { key: 'employer', label: t(m.employer), children: d.employerName },
    { key: 'region', label: t(m.regionName), children: d.regionName },
    { key: 'industry', label: t(m.industry), children: d.industry ? labelOf(industryLabels, d.industry, lang) : '—' },
    { key: 'handling', label: t(m.handlingUnit), children: <span data-testid="case-handling-unit">{d.handlingUnitName ?? '—'}</span> },
    { key: 'accountable', label: t(m.accountableUnit), children: d.accountableUnitName ?? '—' },
    { key: 'assist', label: t(m.assistUnits), span: 'filled', children: d.assistUnitIds.length ? d.assistUnitIds.map((id) => assist.get(id) ?? id).join(sep) : t(m.none) },
    { key: 'dual', label: t(m.dualAssignment), children: t(d.dualAssignment ? common.yes : common.no) },
  ];

  const dates: DescriptionsProps['items'] = [
    { key: 'acceptBy', label: t(m.acceptBy), children: d.acceptBy },
    { key: 'accepted', label: t(m.acceptedOn), children: d.acceptedOn ?? '—' },
    { key: 'filed', label: t(m.filedOn), children: d.filedOn ? `${d.filedOn}${d.extended ? t(m.extended) : ''}` : '—' },
    { key: 'order', label: t(m.orderDueOn), children: d.orderDueOn ?? '—' },
    { key: 'resolved', label: t(m.resolvedOn), children: d.resolvedOn ?? '—' },
    { key: 'callback', label: t(m.callbackOn), children: d.callbackOn ?? '—' },
    { key: 'closed', label: t(m.closedOn), children: d.closedOn ?? '—' },
    ...(d.closureKind ? [{ key: 'closure', label: t(m.closure), children: pick(d.closureLabel) || d.closureKind }] : []),
    ...(d.conclusion ? [{ key: 'conclusion', label: t(m.conclusion), children: pick(d.conclusionLabel) || d.conclusion }] : []),
    ...(d.satisfaction ? [{ key: 'satisfaction', label: t(m.satisfaction), children: labelOf(satisfactionLabels, d.satisfaction, lang) }] : []),
    ...(d.mergedInto ? [{ key: 'merged', label: t(m.mergedInto), children: <Link to={casePath(d.mergedInto)}>{t(m.openMerged)}</Link> }] : []),
  ];

  const { limitation, criminal, closable } = facts;
  const law: DescriptionsProps['items'] = [
    {
      key: 'limitation',
      label: t(m.limitation),
      children: limitation ? (
        <Typography.Text type={limitation.within ? undefined : 'danger'}>{t(limitation.within ? m.limitationWithin : m.limitationPast, { end: limitation.periodEnd, years: limitation.years })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t(m.limitationUnknown)}</Typography.Text>
      ),
    },
    {
      key: 'criminal',
      label: t(m.criminal),
      children: criminal ? (
        <>
          <Tag color={criminal.met ? 'red' : criminal.amountMet ? 'orange' : 'default'} data-testid="case-criminal">
            {t(criminal.met ? m.criminalMet : criminal.amountMet ? m.criminalAmountMet : m.criminalNotMet)}
          </Tag>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {t(m.largestOneWorker)} {formatYuan(criminal.figures.largestOneWorkerFen)} · {t(m.workersOwed)} {criminal.figures.workersOwed} · {t(m.totalOwed)} {formatYuan(criminal.figures.totalOwedFen)}
          </Typography.Text>
        </>
      ) : (
        t(m.factsUnknown)
      ),
    },
    {
      key: 'closable',
      label: t(m.closable),
      children: closable ? (
        <>
          <Typography.Text type={closable.closable ? 'success' : 'warning'} data-testid="case-closable">
            {t(closable.closable ? m.closableYes : m.closableNo)}
          </Typography.Text>
          {closable.blocking.map((b) => (
            <Typography.Text key={b.index} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {b.workerName}：{pick(b.reason)}
            </Typography.Text>
          ))}
          {closable.unconfirmed.length > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t(m.unconfirmed, { names: closable.unconfirmed.map((u) => u.workerName).join(sep) })}
            </Typography.Text>
          )}
        </>
      ) : (
        t(m.factsUnknown)
      ),
    },
  ];

  const incidentColumns: TableColumnsType<CaseIncident> = [
    { title: t(m.occurredAt), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
    { title: t(m.place), dataIndex: 'place', ellipsis: true },
    { title: t(m.people), dataIndex: 'people', width: 80, align: 'right' },
    { title: t(m.responseLevel), dataIndex: 'responseLevel', width: 110, render: (v: string) => labelOf(responseLevelLabels, v, lang) },
    { title: '', dataIndex: 'suspensionMarked', width: 140, render: (v: boolean) => (v ? <Tag color="orange">{t(m.suspension)}</Tag> : null) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {[
          { key: 'workers', title: t(m.workerCount), value: String(d.workerCount) },
          { key: 'claimed', title: t(m.claimed), value: formatYuan(d.claimedFen) },
          { key: 'found', title: t(m.foundOwed), value: formatYuan(d.foundOwedFen) },
          { key: 'recovered', title: t(m.recovered), value: formatYuan(d.recoveredFen) },
          { key: 'outstanding', title: t(m.outstanding), value: formatYuan(outstandingFen(d.workers)) },
        ].map((s) => (
          <Col key={s.key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} data-testid={`case-stat-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Descriptions size="small" bordered title={t(m.basics)} column={{ xs: 1, md: 2 }} items={basics} data-testid="case-basics" />
        </Col>
        <Col xs={24} xl={10}>
          <Descriptions size="small" bordered title={t(m.dates)} column={1} items={dates} data-testid="case-dates" />
        </Col>
      </Row>
      <Descriptions size="small" bordered title={t(m.facts)} column={1} items={law} data-testid="case-facts" />
      <Card size="small" title={t(m.incidents)}>
        <Table<CaseIncident> rowKey="id" size="small" dataSource={d.incidents} columns={incidentColumns} pagination={false} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(m.noIncidents)} /> }} />
      </Card>
    </Space>
  );
}
