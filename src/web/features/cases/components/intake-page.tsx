import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Divider, Flex, Form, Input, Row, Select, Space, Typography, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { AmountInput, DAY, notFuture } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { casePath, casesPath, paths } from '../../../config/paths';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { useCan } from '../../../lib/session';
import { uploadCaseEvidence, useRecordClue } from '../api/record-clue';
import { buildClueBody, isComplaintChannel } from '../case-forms';
import { STAFF_CHANNELS, type StaffChannel, clueChannelLabels } from '../labels';
import { m } from '../messages';
import { wm } from '../worker-messages';
import { EvidenceUpload, uploadedIds } from './evidence-upload';
import { applyCaseProblem, markLocalProblems } from './form-problem';
import { ProjectPicker, UnitSelect } from './pickers';

const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/;

interface FormValues {
  channel: StaffChannel;
  externalId?: string;
  receivedAt?: Dayjs;
  projectId?: string;
  regionCode?: string;
  employerName: string;
  employerCreditCode?: string;
  complainant?: { name?: string; phone?: string };
  workers?: { name?: string; phone?: string; claimed?: string }[];
  periodFrom?: Dayjs;
  periodTo?: Dayjs;
  description: string;
  dualAssignment?: boolean;
  assignedByUnitId?: string;
}

const INITIAL_CHANNEL: StaffChannel = 'hotline_12345';
const EXTERNAL_ID_LABEL = { hotline_12345: m.ticketNo, hotline_12333: m.ticketNo, petition: m.petitionNo } as Partial<Record<StaffChannel, typeof m.ticketNo>>;

/** /cases/new — 登记线索: a clue from a staffed channel; a complaint opens its case, an anonymous tip-off stays intelligence. */
export function CaseIntakePage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const record = useRecordClue();
  // Until the form has mounted, the watch reads undefined: the initial channel stands in for it.
  const channel = Form.useWatch('channel', form) ?? INITIAL_CHANNEL;
  const projectId = Form.useWatch('projectId', form);
  const dual = Form.useWatch('dualAssignment', form);
  const anonymous = channel === 'anonymous_tip';
  const complaint = isComplaintChannel(channel);

  const submit = (v: FormValues) => {
    setError(null);
    const fileIds = uploadedIds(files);
    if (!fileIds) return setError(t(wm.uploading));
    const built = buildClueBody({
      ...v,
      receivedAt: v.receivedAt ? v.receivedAt.toISOString() : null,
      periodFrom: v.periodFrom?.format(DAY) ?? null,
      periodTo: v.periodTo?.format(DAY) ?? null,
      complainant: anonymous ? undefined : v.complainant,
    });
    if (!built.ok) return markLocalProblems(form, built.problems, lang);
    record.mutate({ ...built.body, fileIds }, {
      onSuccess: (r) => {
        if (r.duplicate) message.warning(t(m.duplicate));
        else message.success(t(r.caseId ? m.received : m.receivedIntelligence));
        navigate(r.caseId ? casePath(r.caseId) : casesPath({ tab: 'clues' }));
      },
      onError: (err) => setError(applyCaseProblem(form, err, lang)),
    });
  };

  const required = (msg: typeof m.textRule) => [{ required: true, whitespace: true, message: t(msg) }];
  const phoneRule = { pattern: PHONE, message: t(m.phoneRule) };
  const optional = (label: typeof m.phone) => `${t(label)}${t(m.optional)}`;

  return (
    <Card
      title={
        <Space>
          <Link to={paths.cases} aria-label={t(m.back)}>
            <ArrowLeftOutlined />
          </Link>
          {t(m.intakeTitle)}
        </Space>
      }
      data-testid="case-intake"
    >
      <Typography.Paragraph type="secondary">{t(m.intakeHint)}</Typography.Paragraph>
      <FormError text={error} testId="case-intake-error" />
      <Form<FormValues>
        form={form}
        name="case_intake"
        layout="vertical"
        onFinish={submit}
        disabled={record.isPending}
        initialValues={{ channel: INITIAL_CHANNEL, receivedAt: dayjs(), workers: [{}], dualAssignment: false }}
        onValuesChange={(changed: Partial<FormValues>) => {
          if (changed.channel === 'anonymous_tip') form.setFieldValue('complainant', undefined);
        }}
        style={{ maxWidth: 1000 }}
      >
        <Divider titlePlacement="start">{t(m.sectionSource)}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={t(m.channel)} rules={[{ required: true }]}>
              <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: labelOf(clueChannelLabels, c, lang) }))} data-testid="intake-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="externalId" label={optional(EXTERNAL_ID_LABEL[channel] ?? m.referenceNo)} rules={[{ max: 60 }]}>
              <Input maxLength={60} data-testid="intake-external-id" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="receivedAt" label={t(m.receivedAt)} rules={[{ validator: (_, d?: Dayjs) => (d && d.isAfter(dayjs()) ? Promise.reject(new Error(t(m.receivedAtRule))) : Promise.resolve()) }]}>
              <DatePicker showTime style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t(m.sectionSubject)}</Divider>
        <Row gutter={16}>
          {can('projects.read') && (
            <Col xs={24} md={12}>
              <Form.Item name="projectId" label={optional(m.project)} extra={t(m.projectHint)}>
                <ProjectPicker
                  placeholder={t(m.projectPlaceholder)}
                  onPick={(p) => {
                    if (p && !form.getFieldValue('employerName')) form.setFieldValue('employerName', p.generalContractorName);
                  }}
                />
              </Form.Item>
            </Col>
          )}
          {!projectId && (
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label={t(m.arrearsRegion)} rules={[{ required: true, message: t(m.regionRule) }]}>
                <RegionTreeSelect />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="employerName" label={t(m.employerName)} rules={[...required(m.employerRule), { max: 200 }]}>
              <Input maxLength={200} data-testid="intake-employer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employerCreditCode" label={optional(m.creditCode)} rules={[{ pattern: CREDIT_CODE, message: t(m.creditCodeRule) }]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t(m.sectionComplainant)}</Divider>
        {anonymous ? (
          <Alert type="info" showIcon title={t(m.anonymousNote)} style={{ marginBottom: 16 }} data-testid="intake-anonymous" />
        ) : (
          <>
            {!complaint && <Typography.Paragraph type="secondary">{t(m.findingNote)}</Typography.Paragraph>}
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['complainant', 'name']} label={complaint ? t(m.complainantName) : optional(m.complainantName)} rules={[{ required: complaint, whitespace: true, message: t(m.complainantRule) }, { max: 50 }]}>
                  <Input maxLength={50} data-testid="intake-complainant-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['complainant', 'phone']} label={optional(m.phone)} rules={[phoneRule]}>
                  <Input maxLength={20} data-testid="intake-complainant-phone" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        <Divider titlePlacement="start">{t(m.sectionWorkers)}</Divider>
        <Form.List
          name="workers"
          rules={[
            {
              validator: async (_, rows?: FormValues['workers']) => {
                if (complaint && !(rows ?? []).some((r) => r?.name?.trim())) throw new Error(t(m.workersRule));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: complaint, whitespace: true, message: t(m.workerNameRule) }, { max: 50 }]} style={{ flex: '1 1 160px' }}>
                    <Input placeholder={t(m.workerName)} maxLength={50} data-testid="intake-worker-name" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phone']} rules={[phoneRule]} style={{ flex: '1 1 160px' }}>
                    <Input placeholder={optional(m.phone)} maxLength={20} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'claimed']} rules={[{ required: complaint, message: t(m.amountRule) }]} style={{ flex: '1 1 160px' }}>
                    <AmountInput min="0" />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ flex: '0 0 auto' }}>
                    {t(m.claimedYuan)}
                  </Typography.Text>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="remove" />}
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} style={{ marginBottom: 16 }} data-testid="intake-add-worker">
                {t(m.addWorker)}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t(m.sectionFacts)}</Divider>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="periodFrom" label={optional(m.periodFrom)}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="periodTo"
              label={optional(m.periodTo)}
              dependencies={['periodFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, to?: Dayjs) => {
                    const from = getFieldValue('periodFrom') as Dayjs | undefined;
                    return to && from && to.isBefore(from, 'day') ? Promise.reject(new Error(t(m.periodRule))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t(m.description)} rules={[...required(m.descriptionRule), { max: 5000 }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="intake-description" />
        </Form.Item>
        <Form.Item label={t(m.evidence)} extra={t(wm.evidenceHint)}>
          <EvidenceUpload files={files} onChange={setFiles} upload={uploadCaseEvidence} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="dualAssignment" valuePropName="checked">
              <Checkbox>{t(m.dualAssignment)}</Checkbox>
            </Form.Item>
          </Col>
          {dual && can('orgs.read') && (
            <Col xs={24} md={12}>
              <Form.Item name="assignedByUnitId" label={optional(m.assignedBy)}>
                <UnitSelect placeholder={t(m.unitPlaceholder)} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="intake-submit">
            {t(m.submit)}
          </Button>
          <Link to={paths.cases}>
            <Button>{t(m.back)}</Button>
          </Link>
        </Space>
      </Form>
    </Card>
  );
}
