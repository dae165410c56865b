import { EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Image, Space, Tag, Typography, Upload } from 'antd';
import type { DescriptionsProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { RevealFieldModal, type RevealOption } from '../../../components/reveal-field-modal';
import { errorText } from '../../../lib/api-client';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { common, useI18n } from '../../../lib/i18n';
import { boardContentLabels, investmentTypeLabels, labelOf, ownershipTierLabels, projectIndustryLabels } from '../../../lib/labels';
import type { ProjectDetail } from '../api/get-project';
import { type ProjectRevealField, revealProjectField } from '../api/reveal-project-field';
import { boardPhotoUrl, useUploadBoardPhoto } from '../api/upload-board-photo';
import { m } from '../messages';
import { ProjectStatusTag } from './project-status-tag';

/** Every ledger field; personal data masked, with an audited reveal for those who may. */
export function ProjectInfoTab({ project: p }: { project: ProjectDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [revealing, setRevealing] = useState<ProjectRevealField | null>(null);
  const [photoNonce, setPhotoNonce] = useState(0);
  const upload = useUploadBoardPhoto();
  const mayReveal = p.actions.includes('reveal');

  const revealable: RevealOption<ProjectRevealField>[] = [
    p.laborOfficerPhone !== null && { value: 'laborOfficerPhone' as const, label: t(m.laborOfficerPhone) },
    p.projectManagerIdNumber !== null && { value: 'projectManagerIdNumber' as const, label: t(m.projectManagerIdNumber) },
    p.chiefSupervisorIdNumber !== null && { value: 'chiefSupervisorIdNumber' as const, label: t(m.chiefSupervisorIdNumber) },
  ].filter((f) => f !== false);

  const masked = (value: string | null, field: ProjectRevealField): ReactNode =>
    value === null ? (
      '—'
    ) : (
      <Space size={4}>
        <span data-testid={`project-${field}`}>{value}</span>
        {mayReveal && (
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setRevealing(field)} data-testid={`project-reveal-${field}`}>
            {t(m.reveal)}
          </Button>
        )}
      </Space>
    );
  const person = (name: string | null, idNumber: ReactNode) => (name ? <>{name}{idNumber !== '—' && <> · {idNumber}</>}</> : '—');
  const yesNo = (v: boolean | null) => (v === null ? t(m.unknown) : v ? t(common.yes) : t(common.no));
  const or = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

  const onPhoto = (file: File) => {
    upload.mutate(
      { id: p.id, file },
      {
        onSuccess: () => {
          setPhotoNonce((n) => n + 1);
          message.success(t(m.photoUploaded));
        },
        onError: (err) => message.error(errorText(err, lang)),
      },
    );
    return false;
  };

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t(m.code), children: p.code },
    { key: 'status', label: t(common.status), children: <ProjectStatusTag status={p.status} /> },
    { key: 'name', label: t(m.name), children: p.name, span: 'filled' },
    { key: 'commonName', label: t(m.commonName), children: or(p.commonName) },
    { key: 'region', label: t(common.region), children: p.regionName },
    { key: 'address', label: t(m.address), children: p.address, span: 'filled' },
    { key: 'industry', label: t(m.industry), children: labelOf(projectIndustryLabels, p.industry, lang) },
    { key: 'investment', label: t(m.investmentType), children: labelOf(investmentTypeLabels, p.investmentType, lang) },
    {
      key: 'tier',
      label: t(m.ownershipTier),
      children: (
        <>
          {labelOf(ownershipTierLabels, p.ownershipTier, lang)}
          {p.ownershipTierOverridden && <Tag style={{ marginInlineStart: 8 }}>{t(m.tierOverridden)}</Tag>}
        </>
      ),
    },
    { key: 'unit', label: t(m.competentUnit), children: or(p.competentUnitName) },
    { key: 'price', label: t(m.contractPriceShort), children: formatYuan(p.contractPriceFen) },
    { key: 'onSite', label: t(m.openEmployments), children: p.openEmployments },
    { key: 'planned', label: t(m.plannedPeriod), children: `${p.plannedStart} ~ ${p.plannedEnd}` },
    { key: 'actual', label: `${t(m.actualStart)} / ${t(m.actualEnd)}`, children: `${p.actualStart ?? '—'} / ${p.actualEnd ?? '—'}` },
    {
      key: 'owner',
      label: t(m.owner),
      children: (
        <>
          {p.ownerName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.ownerCreditCode}</Typography.Text>
        </>
      ),
    },
    {
      key: 'gc',
      label: t(m.generalContractor),
      children: (
        <>
          {p.generalContractorName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.generalContractorCreditCode}</Typography.Text>
        </>
      ),
    },
    { key: 'officer', label: t(m.laborOfficer), children: person(p.laborOfficerName, masked(p.laborOfficerPhone, 'laborOfficerPhone')) },
    { key: 'pm', label: t(m.projectManager), children: person(p.projectManagerName, masked(p.projectManagerIdNumber, 'projectManagerIdNumber')) },
    { key: 'cs', label: t(m.chiefSupervisor), children: person(p.chiefSupervisorName, masked(p.chiefSupervisorIdNumber, 'chiefSupervisorIdNumber')) },
    { key: 'registered', label: t(m.registeredAt), children: formatDateTime(p.registeredAt, lang) },
    { key: 'metering', label: t(m.meteringCycle), children: or(p.meteringCycle) },
    { key: 'settlement', label: t(m.settlementMethod), children: or(p.settlementMethod) },
    { key: 'share', label: t(m.laborCostShare), children: p.laborCostShareBp === null ? '—' : `${(p.laborCostShareBp / 100).toFixed(2)}%` },
    { key: 'cycle', label: t(m.allocationCycle), children: p.allocationCycleMonths === null ? '—' : t(m.months, { n: p.allocationCycleMonths }) },
    { key: 'payday', label: t(m.payday), children: p.payday === null ? '—' : t(m.paydayValue, { n: p.payday }) },
    { key: 'guarantee', label: t(m.paymentGuarantee), children: yesNo(p.paymentGuarantee) },
    { key: 'funds', label: t(m.fundsInPlace), children: yesNo(p.fundsInPlace) },
    { key: 'board', label: t(m.boardSetUp), children: yesNo(p.boardSetUp) },
    {
      key: 'boardContents',
      label: t(m.boardContents),
      span: 'filled',
      children: p.boardContents.length ? (
        <Space orientation="vertical" size={2}>
          {p.boardContents.map((c) => (
            <span key={c}>· {labelOf(boardContentLabels, c, lang)}</span>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    {
      key: 'photo',
      label: t(m.boardPhoto),
      span: 'filled',
      children: (
        <Space align="start" wrap>
          {p.hasBoardPhoto ? <Image width={160} src={boardPhotoUrl(p.id, photoNonce)} alt={t(m.boardPhoto)} /> : <Typography.Text type="secondary">{t(m.noPhoto)}</Typography.Text>}
          {p.actions.includes('board_photo') && (
            <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={onPhoto}>
              <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="project-board-photo">
                {p.hasBoardPhoto ? t(m.replacePhoto) : t(m.uploadPhoto)}
              </Button>
            </Upload>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="project-info" />
      <RevealFieldModal
        open={revealing !== null}
        title={t(m.revealTitle, { name: p.name })}
        fields={revealable}
        initial={revealing ?? undefined}
        reveal={(body) => revealProjectField(p.id, body)}
        onClose={() => setRevealing(null)}
      />
    </>
  );
}
