import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { todayInShanghai, yuanToFen } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { contractKindLabels, optionsOf, tradeLabels, wageTypeLabels } from '../../../lib/labels';
import { useBankOptions } from '../api/get-banks';
import type { Team } from '../api/get-teams';
import { useRegisterEmployment } from '../api/register-employment';
import { m } from '../messages';
import type { Employer } from './roster-tab';

/*
 * Field names are the server's (flat: the worker's problems come back as `name`, `idNumber` …),
 * so its field problems land on the inputs. `wageAmountFen` is typed in yuan.
 */
interface Values {
  name: string;
  idNumber: string;
  phone?: string;
  bankCard?: string;
  bankId?: string;
  ethnicity?: string;
  nativePlace?: string;
  education?: string;
  employerId: string;
  teamId?: string;
  teamName?: string;
  isTeamLeader: boolean;
  trade: string;
  entryDate: Dayjs;
  wageType: string;
  wageAmountFen: string;
  contractKind: string;
  contractSignedOn: Dayjs;
  safetyTrainingOn: Dayjs;
}

const text = (v: string | undefined) => v?.trim() || null;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 实名登记进场: registers the worker (once nationally) and the entry onto this project. Form name `employment`. */
export function EmploymentDrawer({ open, projectId, employers, teams, onClose }: { open: boolean; projectId: string; employers: Employer[]; teams: Team[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const register = useRegisterEmployment();
  const banks = useBankOptions(open);
  const employerId = Form.useWatch('employerId', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    const today = dayjs(todayInShanghai());
    form.setFieldsValue({ entryDate: today, contractSignedOn: today, safetyTrainingOn: today, employerId: employers.length === 1 ? employers[0].id : undefined });
  }, [open, form, employers]);

  const submit = (v: Values) => {
    setError(null);
    const fen = yuanToFen(v.wageAmountFen);
    if (fen === null || fen <= 0) {
      form.setFields([{ name: 'wageAmountFen', errors: [t(m.amountRule)] }]);
      return;
    }
    register.mutate(
      {
        projectId,
        worker: {
          name: v.name.trim(),
          idNumber: v.idNumber.trim().toUpperCase(),
          phone: text(v.phone),
          bankCard: text(v.bankCard)?.replace(/\s/g, '') ?? null,
          bankId: v.bankId ?? null,
          ethnicity: text(v.ethnicity),
          nativePlace: text(v.nativePlace),
          education: text(v.education),
        },
        employerId: v.employerId,
        teamId: v.teamId ?? null,
        teamName: v.teamId ? null : text(v.teamName),
        isTeamLeader: v.isTeamLeader,
        trade: v.trade,
        entryDate: day(v.entryDate),
        wageType: v.wageType,
        wageAmountFen: fen,
        contractKind: v.contractKind,
        contractSignedOn: day(v.contractSignedOn),
        safetyTrainingOn: day(v.safetyTrainingOn),
      },
      {
        onSuccess: () => {
          message.success(t(m.registered));
          onClose();
        },
        onError: (err) => setError(applyProblemToForm(form, err, lang)),
      },
    );
  };

  const required = [{ required: true, whitespace: true, message: t(m.required) }];
  const chosen = [{ required: true, message: t(m.choose) }];
  const notFuture = (d: Dayjs) => day(d) > todayInShanghai();
  const half = { xs: 24, sm: 12 };
  const employerTeams = teams.filter((team) => team.employerId === employerId);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={680}
      title={t(m.register)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t(common.cancel)}</Button>
          <Button type="primary" loading={register.isPending} onClick={() => form.submit()} data-testid="employment-save">
            {t(common.save)}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t(m.registerNote)} style={{ marginBottom: 16 }} />
      <FormError text={error} testId="employment-error" />
      <Form form={form} name="employment" layout="vertical" scrollToFirstError onFinish={submit} disabled={register.isPending} initialValues={{ isTeamLeader: false, contractKind: 'labor_contract', wageType: 'daily' }}>
        <Divider titlePlacement="start">{t(m.sectionWorker)}</Divider>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t(m.name)} rules={required}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="idNumber" label={t(m.idNumber)} rules={[...required, { min: 15, max: 18, message: t(m.idRule) }]}>
              <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t(m.phone)}>
              <Input maxLength={11} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ethnicity" label={t(m.ethnicity)}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="bankCard" label={t(m.bankCard)}>
              <Input maxLength={23} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="bankId" label={t(m.bank)}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={banks.isLoading} options={(banks.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="nativePlace" label={t(m.nativePlace)}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="education" label={t(m.education)}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t(m.sectionEmployment)}</Divider>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="employerId" label={t(m.employer)} extra={t(m.employerHint)} rules={chosen}>
              <Select options={employers.map((e) => ({ value: e.id, label: e.name }))} onChange={() => form.setFieldsValue({ teamId: undefined })} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="teamId" label={t(m.team)}>
              <Select allowClear disabled={!employerId} options={employerTeams.map((team) => ({ value: team.id, label: team.name }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="teamName" label={t(m.newTeamName)} extra={t(m.newTeamHint)}>
              <Input maxLength={30} disabled={!employerId} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="trade" label={t(m.trade)} rules={chosen}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={Object.entries(tradeLabels).map(([value, l]) => ({ value, label: `${l[lang]}（${value}）` }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="isTeamLeader" label={t(m.isTeamLeader)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="wageType" label={t(m.wageType)} rules={chosen}>
              <Select options={optionsOf(wageTypeLabels, lang)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="wageAmountFen" label={t(m.wageAmount)} rules={[{ required: true, message: t(m.amountRule) }]}>
              <InputNumber<string> stringMode min="0.01" precision={2} style={{ width: '100%' }} prefix="¥" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contractKind" label={t(m.contractKind)} rules={chosen}>
              <Select options={optionsOf(contractKindLabels, lang)} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contractSignedOn" label={t(m.contractSignedOn)} rules={chosen}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="safetyTrainingOn" label={t(m.safetyTrainingOn)} rules={chosen}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="entryDate" label={t(m.entryDate)} rules={chosen}>
              <DatePicker style={{ width: '100%' }} disabledDate={notFuture} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
