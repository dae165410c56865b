import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Radio, Result, Skeleton, Space, Typography, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { notFuture } from '../../../components/entry-modal';
import { FormError, QueryError } from '../../../components/query-error';
import { paths } from '../../../config/paths';
import { errorText } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { type WorkerComplaintReceipt, uploadComplaintEvidence, useComplaintProjects, useSubmitMyComplaint } from '../api/my-complaints';
import { type ComplaintFormValues, complaintBody, newComplaintKey } from '../my-complaint-form';
import { wm } from '../worker-messages';
import { EvidenceUpload, uploadedIds } from './evidence-upload';
import { applyCaseProblem, markLocalProblems } from './form-problem';

interface Values extends ComplaintFormValues {
  period?: [Dayjs, Dayjs] | null;
}

/** Worker pages are read on a phone: one column, no wider than a phone held sideways. */
export const WORKER_PAGE_STYLE = { maxWidth: 560, margin: '0 auto' } as const;


/**
 * /me/complaints/new — 我要投诉: the signed-in worker complains about their own wages on a project the
 * registry has them on. The complainant is the worker; the page never asks for their name or phone.
 * One idempotency key per form, so a double tap or a retry is one complaint.
 */
export function MyComplaintPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const projects = useComplaintProjects();
  const submit = useSubmitMyComplaint();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newComplaintKey);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<WorkerComplaintReceipt | null>(null);
  const projectId = Form.useWatch('projectId', form);
  const chosen = projects.data?.find((p) => p.projectId === projectId) ?? null;

  // Choosing a project fills in the worker's employer there; the worker may write another.
  const onValuesChange = (changed: Partial<Values>) => {
    const p = changed.projectId ? projects.data?.find((x) => x.projectId === changed.projectId) : undefined;
    if (p) form.setFieldValue('employerName', p.employerName);
  };
  const onFinish = (v: Values) => {
    setError(null);
    const fileIds = uploadedIds(files);
    if (!fileIds) return setError(t(wm.uploading));
    const built = complaintBody(v, { idempotencyKey: key, defaultEmployerName: chosen?.employerName ?? null, fileIds });
    if (!built.body) return markLocalProblems(form, built.problems, lang);
    submit.mutate(built.body, { onSuccess: setReceipt, onError: (e) => setError(applyCaseProblem(form, e, lang)) });
  };
  const another = () => {
    setReceipt(null);
    setFiles([]);
    setKey(newComplaintKey());
    form.resetFields();
    submit.reset();
  };

  if (receipt) {
    return (
      <div style={WORKER_PAGE_STYLE}>
        <Card data-testid="my-complaint-receipt">
          <Result
            status="success"
            title={t(receipt.duplicate ? wm.alreadyReceived : wm.received)}
            subTitle={t(wm.keepNumber)}
            style={{ padding: '16px 0' }}
            extra={
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Descriptions
                  column={1}
                  size="small"
                  style={{ textAlign: 'start' }}
                  items={[
                    { key: 'no', label: t(wm.caseNo), children: <Typography.Text copyable strong data-testid="my-complaint-case-no">{receipt.caseNo}</Typography.Text> },
                    { key: 'title', label: t(wm.caseTitle), children: receipt.title },
                    { key: 'unit', label: t(wm.unit), children: receipt.handlingUnitName ?? '—' },
                    { key: 'by', label: t(wm.acceptBy), children: receipt.acceptBy ?? '—' },
                  ]}
                />
                <Flex gap={8} wrap justify="center">
                  <Link to={paths.myComplaints}>
                    <Button type="primary">{t(wm.toList)}</Button>
                  </Link>
                  <Button onClick={another}>{t(wm.another)}</Button>
                </Flex>
              </Space>
            }
          />
        </Card>
      </div>
    );
  }

  return (
    <div style={WORKER_PAGE_STYLE}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t(wm.complainTitle)}
      </Typography.Title>
      {projects.isLoading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={() => projects.refetch()} />
      ) : !projects.data?.length ? (
        <Card>
          <Empty description={t(wm.noProjects)} data-testid="my-complaint-no-projects" />
        </Card>
      ) : (
        <Card data-testid="my-complaint-form">
          <Typography.Paragraph type="secondary">{t(wm.intro, { name: me?.user.displayName ?? '' })}</Typography.Paragraph>
          <FormError text={error} testId="my-complaint-error" />
          <Form<Values>
            form={form}
            name="my_complaint"
            layout="vertical"
            onFinish={onFinish}
            onValuesChange={onValuesChange}
            disabled={submit.isPending}
            requiredMark={false}
            initialValues={projects.data.length === 1 ? { projectId: projects.data[0].projectId, employerName: projects.data[0].employerName } : undefined}
          >
            <Form.Item name="projectId" label={t(wm.project)} rules={[{ required: true, message: t(wm.projectRule) }]}>
              <Radio.Group style={{ width: '100%' }} data-testid="my-complaint-projects">
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {projects.data.map((p) => (
                    <Radio key={p.projectId} value={p.projectId} data-testid="my-complaint-project">
                      <Typography.Text strong>{p.projectName}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.employerName}
                        {p.teamName ? ` · ${p.teamName}` : ''} · {p.exitDate ? t(wm.left, { date: p.exitDate }) : `${t(wm.onSite)}，${t(wm.since, { date: p.entryDate })}`}
                      </Typography.Text>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="employerName" label={t(wm.employer)} extra={t(wm.employerHint)} rules={[{ required: true, whitespace: true, max: 200, message: t(wm.employerRule) }]}>
              <Input maxLength={200} data-testid="my-complaint-employer" />
            </Form.Item>
            <Form.Item name="claimed" label={t(wm.amount)} rules={[{ required: true, message: t(wm.amount) }]}>
              <InputNumber<string> stringMode min="0.01" precision={2} prefix="¥" inputMode="decimal" style={{ width: '100%' }} data-testid="my-complaint-amount" />
            </Form.Item>
            <Form.Item name="period" label={t(wm.period)}>
              <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={notFuture} inputReadOnly />
            </Form.Item>
            <Form.Item name="description" label={t(wm.description)} rules={[{ required: true, whitespace: true, max: 2000, message: t(wm.description) }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t(wm.descriptionHint)} data-testid="my-complaint-description" />
            </Form.Item>
            <Typography.Text>{t(wm.coWorkers)}</Typography.Text>
            <Form.List name="coWorkers">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8 }}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={8} align="start">
                      <Form.Item name={[field.name, 'name']} style={{ flex: 3, marginBottom: 8 }}>
                        <Input maxLength={50} placeholder={t(wm.coWorkerName)} data-testid="my-complaint-coworker-name" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'claimed']} style={{ flex: 2, marginBottom: 8 }}>
                        <InputNumber<string> stringMode min="0.01" precision={2} inputMode="decimal" placeholder={t(wm.coWorkerAmount)} style={{ width: '100%' }} data-testid="my-complaint-coworker-amount" />
                      </Form.Item>
                      <Button type="text" aria-label={t(wm.remove)} icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }} data-testid="my-complaint-add-coworker">
                    {t(wm.addCoWorker)}
                  </Button>
                </div>
              )}
            </Form.List>
            <Form.Item label={t(wm.evidence)} extra={t(wm.evidenceHint)}>
              <EvidenceUpload files={files} onChange={setFiles} upload={uploadComplaintEvidence} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="my-complaint-submit">
              {t(wm.submit)}
            </Button>
          </Form>
          {submit.isError && !error && <Alert type="error" showIcon title={errorText(submit.error, lang)} style={{ marginTop: 12 }} />}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t(wm.privacy)}
          </Typography.Paragraph>
        </Card>
      )}
    </div>
  );
}
