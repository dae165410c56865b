import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { FormError } from '../../../components/query-error';
import { errorText } from '../../../lib/api-client';
import { applyProblemToForm } from '../../../lib/form-errors';
import { common, useI18n } from '../../../lib/i18n';
import type { NationalLink, NationalTeamLink } from '../api/get-national-link';
import { useSetNationalLink } from '../api/set-national-link';
import { m } from '../messages';

/** The platform's secret is an AES key: 16, 24 or 32 characters (AES-128, -192, -256). */
const SECRET_LENGTHS = [16, 24, 32];
const MAX_TEAM_SYS_NO = 999_999_999_999_999;

interface LinkValues {
  projectCode?: string;
  secret?: string;
  /** By team id. */
  teamSysNo: Record<string, number | null | undefined>;
}

const valuesOf = (link: NationalLink): LinkValues => ({
  projectCode: link.projectCode ?? undefined,
  teamSysNo: Object.fromEntries(link.teams.map((team) => [team.teamId, team.teamSysNo])),
});

function SecretStatus({ set }: { set: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={set ? 'green' : 'default'} data-testid="national-secret-status" data-secret-set={String(set)}>
      {set ? t(m.secretSet) : t(m.secretNotSet)}
    </Tag>
  );
}

interface Props {
  projectId: string;
  link: NationalLink;
  /** The caller may set the link (the general contractor, or an official who may export). */
  canWrite: boolean;
}

/** 对接信息: the project code, the secret (whether it is held, never its value) and the team numbers. */
export function LinkCard({ projectId, link, canWrite }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkValues>();
  const [error, setError] = useState<string | null>(null);
  const save = useSetNationalLink();

  const submit = (v: LinkValues) => {
    setError(null);
    // Only the numbers changed here; a team that appeared since the form was filled has no field value.
    const teams = link.teams.flatMap((team) => {
      const value = v.teamSysNo?.[team.teamId];
      return value === undefined || value === team.teamSysNo ? [] : [{ teamId: team.teamId, teamSysNo: value }];
    });
    save.mutate(
      { projectId, projectCode: v.projectCode?.trim() || null, ...(v.secret ? { secret: v.secret } : {}), ...(teams.length ? { teams } : {}) },
      {
        onSuccess: (saved) => {
          message.success(t(common.saved));
          form.setFieldsValue(valuesOf(saved));
          form.resetFields(['secret']);
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  // Only the secret goes: the code and team numbers stay as saved, whatever the form holds.
  const clearSecret = () =>
    save.mutateAsync({ projectId, projectCode: link.projectCode, secret: null }).then(
      () => message.success(t(m.secretCleared)),
      (err: unknown) => message.error(errorText(err, lang)),
    );

  const columns: TableColumnsType<NationalTeamLink> = [
    { title: t(m.teamName), dataIndex: 'name', width: 200 },
    { title: t(m.employer), dataIndex: 'employerName', ellipsis: true },
    {
      title: t(m.teamSysNo),
      dataIndex: 'teamSysNo',
      width: 240,
      render: (v: number | null, team) =>
        canWrite ? (
          <Form.Item name={['teamSysNo', team.teamId]} style={{ marginBottom: 0 }} rules={[{ type: 'integer', min: 1, max: MAX_TEAM_SYS_NO, message: t(m.teamSysNoRule) }]}>
            <InputNumber min={1} max={MAX_TEAM_SYS_NO} precision={0} controls={false} placeholder={t(m.teamSysNoMissing)} style={{ width: '100%' }} data-testid="national-team-sysno" />
          </Form.Item>
        ) : (
          <span data-testid="national-team-sysno">{v ?? <Typography.Text type="secondary">{t(m.teamSysNoMissing)}</Typography.Text>}</span>
        ),
    },
  ];

  const teams = (
    <Table<NationalTeamLink>
      rowKey="teamId"
      size="small"
      dataSource={link.teams}
      columns={columns}
      pagination={link.teams.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={t(m.noTeams)} /> }}
      data-testid="national-teams"
    />
  );

  return (
    <Card size="small" title={t(m.linkTitle)} data-testid="national-link">
      <Typography.Paragraph type="secondary">{t(m.linkHint)}</Typography.Paragraph>
      {canWrite ? (
        <Form form={form} name="national" layout="vertical" initialValues={valuesOf(link)} onFinish={submit} disabled={save.isPending}>
          <FormError text={error} testId="national-link-error" />
          <Flex wrap gap={16}>
            <Form.Item name="projectCode" label={t(m.projectCode)} style={{ width: 320 }} rules={[{ max: 64, pattern: /^[0-9A-Za-z_-]+$/, message: t(m.projectCodeRule) }]}>
              <Input allowClear placeholder={t(m.notSet)} maxLength={64} data-testid="national-project-code" />
            </Form.Item>
            <Form.Item
              name="secret"
              label={
                <Flex gap={8} align="center">
                  {t(m.secret)}
                  <SecretStatus set={link.secretSet} />
                </Flex>
              }
              extra={t(m.secretNote)}
              style={{ width: 360 }}
              rules={[{ validator: async (_, v?: string) => (!v || SECRET_LENGTHS.includes(v.length) ? undefined : Promise.reject(new Error(t(m.secretRule)))) }]}
            >
              <Input.Password autoComplete="new-password" maxLength={32} placeholder={link.secretSet ? t(m.secretReplace) : t(m.secretNew)} data-testid="national-secret" />
            </Form.Item>
            {link.secretSet && (
              <Form.Item label=" ">
                <Popconfirm title={t(m.clearSecret)} description={<div style={{ maxWidth: 320 }}>{t(m.clearSecretConfirm)}</div>} onConfirm={clearSecret} okButtonProps={{ danger: true }}>
                  <Button danger data-testid="national-clear-secret">{t(m.clearSecret)}</Button>
                </Popconfirm>
              </Form.Item>
            )}
          </Flex>
          {teams}
          <Flex justify="end" style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="national-link-save">
              {t(m.saveLink)}
            </Button>
          </Flex>
        </Form>
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t(m.projectCode)}>
              <span data-testid="national-project-code">{link.projectCode ?? <Typography.Text type="secondary">{t(m.notSet)}</Typography.Text>}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(m.secret)}>
              <SecretStatus set={link.secretSet} />
            </Descriptions.Item>
          </Descriptions>
          {teams}
        </>
      )}
    </Card>
  );
}
