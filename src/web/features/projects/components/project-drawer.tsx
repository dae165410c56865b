import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { RegionTreeSelect } from '../../../components/region-tree/region-tree-select';
import { applyProblemToForm } from '../../../lib/form-errors';
import { fenToYuanInput, todayInShanghai, yuanToFen } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { boardContentLabels, investmentTypeLabels, optionsOf, ownershipTierLabels, projectIndustryLabels, projectStatusLabels } from '../../../lib/labels';
import { type ProjectCreate, type ProjectInput, useCreateProject } from '../api/create-project';
import type { ProjectDetail } from '../api/get-project';
import { useUpdateProject } from '../api/update-project';
import { m } from '../messages';
import { EnterprisePicker, GovUnitPicker } from './party-pickers';

/*
 * The form's field names are the API's, so the server's field problems land on them. Two inputs
 * show other units than their names say: `contractPriceFen` is typed in yuan and
 * `laborCostShareBp` in percent; both are converted when the form is sent.
 */
interface Values {
  code?: string;
  status?: 'not_started' | 'in_progress';
  actualStart?: Dayjs;
  name: string;
  commonName?: string;
  regionCode: string;
  address: string;
  industry: string;
  investmentType: string;
  ownershipTier?: string;
  competentUnitId?: string;
  contractPriceFen: string;
  plannedStart: Dayjs;
  plannedEnd: Dayjs;
  ownerId: string;
  generalContractorId: string;
  projectManagerName?: string;
  projectManagerIdNumber?: string;
  chiefSupervisorName?: string;
  chiefSupervisorIdNumber?: string;
  laborOfficerName?: string;
  laborOfficerPhone?: string;
  boardSetUp: boolean;
  boardContents: string[];
  payday?: number | null;
  laborCostShareBp?: number | null;
  allocationCycleMonths?: number | null;
  meteringCycle?: string;
  settlementMethod?: string;
  paymentGuarantee: boolean;
  fundsInPlace?: 'yes' | 'no' | 'unknown';
}

const day = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : null);
const text = (v: string | undefined) => v?.trim() || null;

function toForm(p: ProjectDetail): Partial<Values> {
  return {
    name: p.name,
    commonName: p.commonName ?? undefined,
    regionCode: p.regionCode,
    address: p.address,
    industry: p.industry,
    investmentType: p.investmentType,
    ownershipTier: p.ownershipTierOverridden ? p.ownershipTier : undefined,
    competentUnitId: p.competentUnitId ?? undefined,
    contractPriceFen: fenToYuanInput(p.contractPriceFen),
    plannedStart: dayjs(p.plannedStart),
    plannedEnd: dayjs(p.plannedEnd),
    ownerId: p.ownerId,
    generalContractorId: p.generalContractorId,
    projectManagerName: p.projectManagerName ?? undefined,
    chiefSupervisorName: p.chiefSupervisorName ?? undefined,
    laborOfficerName: p.laborOfficerName ?? undefined,
    boardSetUp: p.boardSetUp,
    boardContents: p.boardContents,
    payday: p.payday,
    laborCostShareBp: p.laborCostShareBp === null ? null : p.laborCostShareBp / 100,
    allocationCycleMonths: p.allocationCycleMonths,
    meteringCycle: p.meteringCycle ?? undefined,
    settlementMethod: p.settlementMethod ?? undefined,
    paymentGuarantee: p.paymentGuarantee,
    fundsInPlace: p.fundsInPlace === null ? 'unknown' : p.fundsInPlace ? 'yes' : 'no',
  };
}

/**
 * Registers a project in the ledger or edits one. The form's name is `project`, so its inputs have
 * the ids `project_name`, `project_regionCode` … Masked personal fields start empty: blank keeps
 * what is on file.
 */
export function ProjectDrawer({ open, project, onClose, onSaved }: { open: boolean; project: ProjectDetail | null; onClose: () => void; onSaved?: (p: ProjectDetail) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateProject();
  const update = useUpdateProject();
  const saving = create.isPending || update.isPending;
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (project) form.setFieldsValue(toForm(project));
  }, [open, project, form]);

  const submit = (v: Values) => {
    setError(null);
    const fen = yuanToFen(v.contractPriceFen);
    if (fen === null) {
      form.setFields([{ name: 'contractPriceFen', errors: [t(m.amountRule)] }]);
      return;
    }
    const body: ProjectInput = {
      name: v.name.trim(),
      commonName: text(v.commonName),
      regionCode: v.regionCode,
      address: v.address.trim(),
      industry: v.industry,
      investmentType: v.investmentType,
      ownershipTier: v.ownershipTier ?? null,
      competentUnitId: v.competentUnitId ?? null,
      contractPriceFen: fen,
      plannedStart: day(v.plannedStart)!,
      plannedEnd: day(v.plannedEnd)!,
      ownerId: v.ownerId,
      generalContractorId: v.generalContractorId,
      projectManagerName: text(v.projectManagerName),
      chiefSupervisorName: text(v.chiefSupervisorName),
      laborOfficerName: text(v.laborOfficerName),
      boardSetUp: v.boardSetUp,
      boardContents: v.boardSetUp ? v.boardContents : [],
      payday: v.payday ?? null,
      laborCostShareBp: v.laborCostShareBp === null || v.laborCostShareBp === undefined ? null : Math.round(v.laborCostShareBp * 100),
      allocationCycleMonths: v.allocationCycleMonths ?? null,
      meteringCycle: text(v.meteringCycle),
      settlementMethod: text(v.settlementMethod),
      paymentGuarantee: v.paymentGuarantee,
      fundsInPlace: v.fundsInPlace === 'yes' ? true : v.fundsInPlace === 'no' ? false : null,
    };
    // Personal fields: left out when blank, so an edit keeps what is on file.
    const personal: Partial<ProjectInput> = {};
    if (text(v.projectManagerIdNumber)) personal.projectManagerIdNumber = text(v.projectManagerIdNumber)!.toUpperCase();
    if (text(v.chiefSupervisorIdNumber)) personal.chiefSupervisorIdNumber = text(v.chiefSupervisorIdNumber)!.toUpperCase();
    if (text(v.laborOfficerPhone)) personal.laborOfficerPhone = text(v.laborOfficerPhone);
    const done = {
      onSuccess: (saved: ProjectDetail) => {
        message.success(t(common.saved));
        onClose();
        onSaved?.(saved);
      },
      onError: (err: unknown) => setError(applyProblemToForm(form, err, lang)),
    };
    if (project) {
      update.mutate({ ...body, ...personal, id: project.id, version: project.version }, done);
    } else {
      const extra: Partial<ProjectCreate> = { code: text(v.code), status: v.status ?? 'not_started', actualStart: v.status === 'in_progress' ? day(v.actualStart) : null };
      create.mutate({ ...body, ...personal, ...extra }, done);
    }
  };

  const required = [{ required: true, whitespace: true, message: t(m.required) }];
  const chosen = [{ required: true, message: t(m.choose) }];
  const known = project
    ? {
        owner: [{ id: project.ownerId, name: project.ownerName }],
        gc: [{ id: project.generalContractorId, name: project.generalContractorName }],
        unit: project.competentUnitId ? [{ id: project.competentUnitId, name: project.competentUnitName ?? '' }] : [],
      }
    : { owner: [], gc: [], unit: [] };
  const half = { xs: 24, sm: 12 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={project ? t(m.edit, { name: project.name }) : t(m.create)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose} data-testid="project-cancel">{t(common.cancel)}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="project-save">
            {t(common.save)}
          </Button>
        </Space>
      }
    >
      <FormError text={error} testId="project-error" />
      <Form
        form={form}
        name="project"
        layout="vertical"
        scrollToFirstError
        onFinish={submit}
        disabled={saving}
        initialValues={{ boardSetUp: false, boardContents: [], paymentGuarantee: false, fundsInPlace: 'unknown', status: 'not_started' }}
      >
        <Divider titlePlacement="start">{t(m.sectionBasic)}</Divider>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="name" label={t(m.name)} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="commonName" label={t(m.commonName)}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          {!project && (
            <Col {...half}>
              <Form.Item name="code" label={t(m.code)} extra={t(m.codeHint)} rules={[{ pattern: /^[0-9A-Za-z-]{6,40}$/, message: t(m.codeHint) }]}>
                <Input maxLength={40} autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col {...half}>
            <Form.Item name="regionCode" label={t(common.region)} rules={chosen}>
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t(m.address)} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t(m.industry)} rules={chosen}>
              <Select options={optionsOf(projectIndustryLabels, lang)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="investmentType" label={t(m.investmentType)} rules={chosen}>
              <Select options={optionsOf(investmentTypeLabels, lang)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="competentUnitId" label={t(m.competentUnit)}>
              <GovUnitPicker allowClear known={known.unit} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ownershipTier" label={t(m.ownershipTier)} extra={t(m.ownershipTierHint)}>
              <Select allowClear options={optionsOf(ownershipTierLabels, lang)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contractPriceFen" label={t(m.contractPrice)} rules={[{ required: true, message: t(m.amountRule) }]}>
              <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} prefix="¥" />
            </Form.Item>
          </Col>
          <Col {...half} />
          <Col {...half}>
            <Form.Item name="plannedStart" label={t(m.plannedStart)} rules={chosen}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="plannedEnd" label={t(m.plannedEnd)} rules={chosen}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {!project && (
            <>
              <Col {...half}>
                <Form.Item name="status" label={t(m.initialStatus)}>
                  <Select options={(['not_started', 'in_progress'] as const).map((s) => ({ value: s, label: projectStatusLabels[s][lang] }))} />
                </Form.Item>
              </Col>
              <Col {...half}>
                {status === 'in_progress' && (
                  <Form.Item name="actualStart" label={t(m.actualStart)}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
                  </Form.Item>
                )}
              </Col>
            </>
          )}
        </Row>

        <Divider titlePlacement="start">{t(m.sectionParties)}</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="ownerId" label={t(m.owner)} rules={chosen}>
              <EnterprisePicker type="owner" known={known.owner} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="generalContractorId" label={t(m.generalContractor)} rules={chosen}>
              <EnterprisePicker type="general_contractor" known={known.gc} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="laborOfficerName" label={t(m.laborOfficer)} extra={t(m.laborOfficerRequired)}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="laborOfficerPhone" label={t(m.laborOfficerPhone)} extra={project?.laborOfficerPhone ? t(m.keepHint, { value: project.laborOfficerPhone }) : undefined}>
              <Input maxLength={11} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="projectManagerName" label={t(m.projectManager)}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="projectManagerIdNumber"
              label={t(m.projectManagerIdNumber)}
              extra={project?.projectManagerIdNumber ? t(m.keepHint, { value: project.projectManagerIdNumber }) : undefined}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="chiefSupervisorName" label={t(m.chiefSupervisor)}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="chiefSupervisorIdNumber"
              label={t(m.chiefSupervisorIdNumber)}
              extra={project?.chiefSupervisorIdNumber ? t(m.keepHint, { value: project.chiefSupervisorIdNumber }) : undefined}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t(m.sectionContract)}</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="meteringCycle" label={t(m.meteringCycle)}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="settlementMethod" label={t(m.settlementMethod)}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="laborCostShareBp" label={t(m.laborCostShare)}>
              <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} suffix="%" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="allocationCycleMonths" label={t(m.allocationCycle)}>
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="payday" label={t(m.payday)}>
              <InputNumber min={1} max={31} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="fundsInPlace" label={t(m.fundsInPlace)}>
              <Select
                options={[
                  { value: 'yes', label: t(common.yes) },
                  { value: 'no', label: t(common.no) },
                  { value: 'unknown', label: t(m.unknown) },
                ]}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="paymentGuarantee" label={t(m.paymentGuarantee)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t(m.sectionBoard)}</Divider>
        <Form.Item name="boardSetUp" label={t(m.boardSetUp)} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.boardSetUp !== b.boardSetUp}>
          {({ getFieldValue }) =>
            getFieldValue('boardSetUp') && (
              <Form.Item name="boardContents" label={t(m.boardContents)}>
                <Checkbox.Group options={optionsOf(boardContentLabels, lang)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </Drawer>
  );
}
