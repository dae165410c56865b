import { DownloadOutlined, FileTextOutlined, PlusOutlined, TeamOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ImportModal } from '../../../components/import-modal';
import { QueryError } from '../../../components/query-error';
import { workerPath } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { contractKindLabels, genderLabels, labelOf, tradeLabels, wageTypeLabels } from '../../../lib/labels';
import { useServerPagination } from '../../../lib/server-pagination';
import { downloadContract, useUploadContract } from '../api/employment-contract';
import { type RosterEntry, type RosterQuery, useRoster } from '../api/get-roster';
import { useTeams } from '../api/get-teams';
import { exportRoster, importRoster } from '../api/roster-file';
import { m } from '../messages';
import { EmploymentDrawer } from './employment-drawer';
import { ExitModal } from './exit-modal';
import { TeamModal } from './team-modal';

export interface Employer {
  id: string;
  name: string;
}

interface Props {
  projectId: string;
  /** The general contractor and the subcontractors: who may employ on this project. */
  employers: Employer[];
  /** The caller may keep this roster (register, exit, import, contracts). */
  canWrite: boolean;
}

/** 花名册 of one project, team by team: entry and exit, registration, import and export. */
export function RosterTab({ projectId, employers, canWrite }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [query, setQuery] = useState<RosterQuery>({ page: 1, pageSize: 20, status: 'open' });
  const [registering, setRegistering] = useState(false);
  const [addingTeam, setAddingTeam] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exiting, setExiting] = useState<RosterEntry | null>(null);
  const roster = useRoster(projectId, query);
  const teams = useTeams(projectId);
  const uploadContract = useUploadContract();
  const pagination = useServerPagination(query, setQuery, roster.data?.total);
  const filter = (patch: Partial<RosterQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const filtered = !!(query.teamId || query.employerId || query.q || query.status !== 'open');

  const download = async () => {
    setExporting(true);
    try {
      await exportRoster(projectId);
    } catch (err) {
      message.error(`${t(m.exportFailed)}：${errorText(err, lang)}`);
    } finally {
      setExporting(false);
    }
  };

  const openContract = (e: RosterEntry) => downloadContract(projectId, e.employmentId).catch((err: unknown) => message.error(errorText(err, lang)));
  const putContract = (e: RosterEntry, file: File) => {
    uploadContract.mutate(
      { projectId, employmentId: e.employmentId, file },
      { onSuccess: () => message.success(t(m.contractUploaded)), onError: (err) => message.error(errorText(err, lang)) },
    );
    return false;
  };

  const columns: TableColumnsType<RosterEntry> = [
    {
      title: t(m.name),
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      render: (v: string, e) => (
        <>
          <Link to={workerPath(e.workerId)} data-testid="roster-worker-link">{v}</Link>
          {e.isTeamLeader && <Tag color="gold" style={{ marginInlineStart: 6 }}>{t(m.teamLeader)}</Tag>}
        </>
      ),
    },
    { title: t(m.idNumber), dataIndex: 'idNumber', width: 190 },
    { title: t(m.gender), dataIndex: 'gender', width: 60, render: (v: string) => labelOf(genderLabels, v, lang) },
    { title: t(m.age), dataIndex: 'age', width: 60 },
    { title: t(m.trade), dataIndex: 'trade', width: 110, render: (v: string) => labelOf(tradeLabels, v, lang) },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true },
    { title: t(m.team), dataIndex: 'teamName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t(m.entryDate), dataIndex: 'entryDate', width: 110 },
    { title: t(m.exitDate), dataIndex: 'exitDate', width: 110, render: (v: string | null) => v ?? <Tag color="green">{t(m.statusOpen)}</Tag> },
    { title: t(m.wage), key: 'wage', width: 170, render: (_, e) => `${labelOf(wageTypeLabels, e.wageType, lang)} ${formatYuan(e.wageAmountFen)}` },
    {
      title: t(m.contract),
      key: 'contract',
      width: 190,
      render: (_, e) => (
        <>
          {labelOf(contractKindLabels, e.contractKind, lang)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{e.contractSignedOn}</Typography.Text>
        </>
      ),
    },
    { title: t(m.safetyTrainingOn), dataIndex: 'safetyTrainingOn', width: 110 },
    {
      title: t(common.actions),
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_, e) => (
        <Space size={0} wrap>
          {e.hasContractFile && (
            <Tooltip title={t(m.viewContract)}>
              <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => openContract(e)} aria-label={t(m.viewContract)} />
            </Tooltip>
          )}
          {canWrite && (
            <Upload accept="application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={(f) => putContract(e, f)}>
              <Tooltip title={t(m.uploadContract)}>
                <Button type="link" size="small" icon={<UploadOutlined />} aria-label={t(m.uploadContract)} />
              </Tooltip>
            </Upload>
          )}
          {canWrite && !e.exitDate && (
            <Button type="link" size="small" danger onClick={() => setExiting(e)} data-testid="roster-exit">
              {t(m.exit)}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const teamOptions = [
    { value: '', label: t(m.allTeams) },
    ...(teams.data ?? []).map((team) => ({ value: team.id, label: `${team.name}（${team.employerName}）` })),
  ];

  return (
    <>
      <Flex justify="space-between" align="start" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Segmented<NonNullable<RosterQuery['status']>>
            value={query.status ?? 'open'}
            onChange={(status) => filter({ status })}
            options={[
              { value: 'open', label: t(m.statusOpen) },
              { value: 'exited', label: t(m.statusExited) },
              { value: 'all', label: t(m.statusAll) },
            ]}
            data-testid="roster-status"
          />
          <Select style={{ width: 220 }} value={query.teamId ?? ''} options={teamOptions} loading={teams.isLoading} onChange={(v) => filter({ teamId: v || undefined })} data-testid="roster-team" />
          <Select
            allowClear
            placeholder={t(m.employer)}
            style={{ width: 220 }}
            options={employers.map((e) => ({ value: e.id, label: e.name }))}
            onChange={(employerId) => filter({ employerId })}
          />
          <Input.Search allowClear placeholder={t(m.rosterSearch)} style={{ width: 160 }} onSearch={(q) => filter({ q: q.trim() || undefined })} data-testid="roster-search" />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="roster-export">
            {t(m.exportRoster)}
          </Button>
          {canWrite && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="roster-import">
                {t(m.importRoster)}
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setAddingTeam(true)} data-testid="team-create">
                {t(m.createTeam)}
              </Button>
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="roster-register">
                {t(m.register)}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {teams.isError && <QueryError error={teams.error} onRetry={() => teams.refetch()} />}
      {(teams.data?.length ?? 0) > 0 && (
        <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="roster-teams">
          {teams.data!.map((team) => (
            <Tag.CheckableTag key={team.id} checked={query.teamId === team.id} onChange={(on) => filter({ teamId: on ? team.id : undefined })} style={{ border: '1px solid #f0f0f0', padding: '2px 8px' }}>
              <TeamOutlined /> {team.name} · {t(m.members, { n: team.members })}
              {team.leaderName && <Typography.Text type="secondary"> · {t(m.leader, { name: team.leaderName })}</Typography.Text>}
            </Tag.CheckableTag>
          ))}
        </Flex>
      )}
      {roster.isError && <QueryError error={roster.error} onRetry={() => roster.refetch()} />}
      <Table<RosterEntry>
        rowKey="employmentId"
        size="middle"
        loading={roster.isFetching}
        dataSource={roster.data?.items}
        columns={columns}
        scroll={{ x: 1700 }}
        pagination={pagination}
        locale={{ emptyText: roster.isLoading ? ' ' : <Empty description={filtered ? t(m.noRosterFiltered) : t(m.noRoster)} /> }}
        data-testid="roster-table"
      />
      <EmploymentDrawer open={registering} projectId={projectId} employers={employers} teams={teams.data ?? []} onClose={() => setRegistering(false)} />
      <TeamModal open={addingTeam} projectId={projectId} employers={employers} onClose={() => setAddingTeam(false)} />
      <ExitModal projectId={projectId} entry={exiting} onClose={() => setExiting(null)} />
      <ImportModal
        open={importing}
        title={t(m.importTitle)}
        send={(file, mode) => importRoster(projectId, file, mode)}
        onTemplate={() => exportRoster(projectId)}
        onImported={() =>
          Promise.all([client.invalidateQueries({ queryKey: ['roster', projectId] }), client.invalidateQueries({ queryKey: ['projects'] }), client.invalidateQueries({ queryKey: ['workers'] })])
        }
        onClose={() => setImporting(false)}
      />
    </>
  );
}
