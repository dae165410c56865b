import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { ProjectDetail, Subcontract } from '../api/get-project';
import { m } from '../messages';
import { SubcontractModal } from './subcontract-modal';

/** The subcontract chain: who let which work to whom, from the general contractor down. */
export function SubcontractsTab({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<Subcontract> = [
    {
      title: t(m.subcontractor),
      dataIndex: 'enterpriseName',
      render: (name: string, s) => (
        <>
          {name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{s.enterpriseCreditCode}</Typography.Text>
        </>
      ),
    },
    {
      title: t(m.parent),
      dataIndex: 'parentName',
      render: (name: string, s) => (s.parentId === project.generalContractorId ? <>{name}<Typography.Text type="secondary">（{t(m.chainRoot)}）</Typography.Text></> : name),
    },
    { title: t(m.scopeOfWork), dataIndex: 'scopeOfWork' },
    { title: t(m.amountShort), dataIndex: 'amountFen', align: 'right', width: 160, render: (v: number) => formatYuan(v) },
    { title: t(m.signedOn), dataIndex: 'signedOn', width: 120, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {t(m.generalContractor)}：{project.generalContractorName}
        </Typography.Text>
        {project.actions.includes('subcontract') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="subcontract-add">
            {t(m.addSubcontract)}
          </Button>
        )}
      </Flex>
      <Table<Subcontract>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={project.subcontracts}
        pagination={false}
        locale={{ emptyText: <Empty description={t(m.noSubcontracts)} /> }}
        data-testid="subcontract-table"
      />
      <SubcontractModal open={adding} project={project} onClose={() => setAdding(false)} />
    </>
  );
}
