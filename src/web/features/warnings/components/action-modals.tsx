import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { EntryModal, useEntryForm } from '../../../components/entry-modal';
import { FormError } from '../../../components/query-error';
import { applyProblemToForm } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useDispatchUnits } from '../api/get-dispatch-units';
import type { WarningDetail } from '../api/get-warning';
import { uploadWarningFile, useWarningCommand, type WarningCommand } from '../api/handle-warning';
import { m } from '../messages';

/** Sends one command; the modal closes with a toast, or shows the server's refusal on its fields. */
function useSend(onClose: () => void) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const command = useWarningCommand();
  const send = (input: WarningCommand, onError: (err: unknown) => void) =>
    command.mutate(input, {
      onSuccess: () => {
        message.success(t(m.done));
        onClose();
      },
      onError,
    });
  return { send, pending: command.isPending };
}

interface NoteValues {
  note?: string;
}

/** A command with one note: acknowledge (optional), verify, reject, and a proposal's decision (required, ≤ 500). */
export function NoteModal(props: {
  open: boolean;
  title: string;
  okText: string;
  hint?: ReactNode;
  required: boolean;
  testId: string;
  build: (note: string | undefined) => WarningCommand;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { form, error, setError } = useEntryForm<NoteValues>(props.open);
  const { send, pending } = useSend(props.onClose);
  const submit = (v: NoteValues) => send(props.build(v.note?.trim() || undefined), (err) => setError(applyProblemToForm(form, err, lang)));
  return (
    <EntryModal open={props.open} title={props.title} okText={props.okText} onClose={props.onClose} onOk={() => form.submit()} pending={pending} testId={props.testId}>
      {props.hint && <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>}
      <FormError text={error} testId={`${props.testId}-error`} />
      <Form form={form} name={`${props.testId}_form`} layout="vertical" onFinish={submit} disabled={pending}>
        <Form.Item
          name="note"
          label={props.required ? t(m.note) : t(m.noteOptional)}
          rules={[{ required: props.required, whitespace: true, max: 500, message: t(m.noteRule) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${props.testId}-note`} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

const ACCEPTED = /\.(jpe?g|png|pdf)$/i;

interface MeasuresValues {
  measures: string;
}

/** 记录处置措施 (officials) or 企业整改反馈 (the enterprise): the measures taken, with optional attachments. */
export function MeasuresModal({ open, warning, kind, onClose }: { open: boolean; warning: WarningDetail; kind: 'dispose' | 'respond'; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { form, error, setError } = useEntryForm<MeasuresValues>(open);
  const [files, setFiles] = useState<UploadFile<{ id: string; name: string }>[]>([]);
  const { send, pending } = useSend(onClose);
  useEffect(() => {
    if (open) setFiles([]);
  }, [open]);

  const submit = (v: MeasuresValues) => {
    if (files.some((f) => f.status === 'uploading')) return setError(t(m.uploading));
    const fileIds = files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id);
    send({ action: kind, id: warning.id, measures: v.measures.trim(), ...(fileIds.length > 0 ? { fileIds } : {}) }, (err) => setError(applyProblemToForm(form, err, lang)));
  };
  const testId = kind === 'dispose' ? 'warning-dispose' : 'warning-respond';
  return (
    <EntryModal
      width={640}
      open={open}
      title={t(kind === 'dispose' ? m.disposeTitle : m.respondTitle)}
      okText={t(kind === 'dispose' ? m.dispose : m.respond)}
      onClose={onClose}
      onOk={() => form.submit()}
      pending={pending}
      testId={testId}
    >
      <Typography.Paragraph type="secondary">{t(kind === 'dispose' ? m.disposeHint : m.respondHint)}</Typography.Paragraph>
      <FormError text={error} testId={`${testId}-error`} />
      <Form form={form} name={`${testId}_form`} layout="vertical" onFinish={submit} disabled={pending}>
        <Form.Item name="measures" label={t(m.measures)} rules={[{ required: true, whitespace: true, max: 2000, message: t(m.measuresRule) }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount data-testid={`${testId}-measures`} />
        </Form.Item>
        <Form.Item label={t(m.files)} extra={t(m.fileHint)}>
          <Upload<{ id: string; name: string }>
            accept=".jpg,.jpeg,.png,.pdf"
            multiple
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            beforeUpload={(file) => {
              if (ACCEPTED.test(file.name)) return true;
              message.error(t(m.fileType));
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              uploadWarningFile(warning.id, file as File).then(
                (saved) => onSuccess?.(saved),
                (err: Error) => onError?.(err),
              );
            }}
            data-testid={`${testId}-files`}
          >
            <Button icon={<UploadOutlined />}>{t(m.addFile)}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </EntryModal>
  );
}

interface DispatchValues {
  unitId: string;
  note?: string;
}

/** 分派 / 改派: the government unit that is to handle the warning. */
export function DispatchModal({ open, warning, onClose }: { open: boolean; warning: WarningDetail; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { form, error, setError } = useEntryForm<DispatchValues>(open);
  const [q, setQ] = useState('');
  const units = useDispatchUnits(q, open);
  const { send, pending } = useSend(onClose);
  const submit = (v: DispatchValues) => send({ action: 'dispatch', id: warning.id, unitId: v.unitId, note: v.note?.trim() || undefined }, (err) => setError(applyProblemToForm(form, err, lang)));
  return (
    <EntryModal open={open} title={t(m.dispatchTitle)} okText={t(m.dispatch)} onClose={onClose} onOk={() => form.submit()} pending={pending} testId="warning-dispatch">
      <FormError text={error} testId="warning-dispatch-error" />
      <Form form={form} name="warning_dispatch_form" layout="vertical" onFinish={submit} disabled={pending} initialValues={{ unitId: warning.handlingUnit?.id }}>
        <Form.Item name="unitId" label={t(m.dispatchUnit)} rules={[{ required: true, message: t(m.dispatchUnitRule) }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
            loading={units.isFetching}
            options={[
              ...(warning.handlingUnit && !units.data?.items.some((u) => u.id === warning.handlingUnit!.id) ? [{ value: warning.handlingUnit.id, label: warning.handlingUnit.name }] : []),
              ...(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` })),
            ]}
            data-testid="warning-dispatch-unit"
          />
        </Form.Item>
        <Form.Item name="note" label={t(m.noteOptional)} rules={[{ max: 500, message: t(m.noteRule) }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </EntryModal>
  );
}
