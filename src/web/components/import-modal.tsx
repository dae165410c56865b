import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { ImportMode, ImportReport } from '../../server/platform/import-run';
import { errorText } from '../lib/api-client';
import { defineMessages, useI18n } from '../lib/i18n';
import { FormError } from './query-error';

export type { ImportMode, ImportReport };
type Problem = ImportReport['problems'][number];

const text = defineMessages({
  hint: {
    zh: '请使用模板（或导出的文件）填写后上传 .xlsx 文件。导入时逐行校验：全部无误才写入；有问题的行会列出行号、列和原因。',
    en: 'Fill in the template (or an exported file) and upload the .xlsx. Every row is checked; nothing is written unless all rows are valid, and each problem is listed by row and column.',
  },
  drop: { zh: '点击或拖拽文件到此处', en: 'Click or drop the file here' },
  dropHint: { zh: '支持 .xlsx 或 .csv，单次一个文件', en: '.xlsx or .csv, one file at a time' },
  template: { zh: '下载模板', en: 'Download the template' },
  check: { zh: '仅校验', en: 'Check only' },
  submit: { zh: '导入', en: 'Import' },
  validOnly: { zh: '仅导入无误的行', en: 'Import the valid rows only' },
  close: { zh: '关闭', en: 'Close' },
  chooseFile: { zh: '请先选择文件', en: 'Choose a file first' },
  row: { zh: '行号', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  problem: { zh: '问题', en: 'Problem' },
  fileLevel: { zh: '整个文件', en: 'Whole file' },
  imported: { zh: '导入成功：共 {total} 行，已导入 {imported} 行。', en: 'Imported: {imported} of {total} rows.' },
  importedSome: { zh: '已导入无误的 {imported} 行；下列 {bad} 行有问题，未导入。', en: 'Imported the {imported} valid rows; the {bad} rows below have problems and were not imported.' },
  checkedOk: { zh: '校验通过：共 {total} 行均无误，可以导入。', en: 'Check passed: all {total} rows are valid and can be imported.' },
  rejected: {
    zh: '共 {total} 行，其中 {valid} 行无误，{bad} 行有问题。未导入任何数据。',
    en: '{total} rows: {valid} valid, {bad} with problems. Nothing was imported.',
  },
  nothingValid: { zh: '没有可导入的行，请修改文件后重新上传。', en: 'No row can be imported; correct the file and upload it again.' },
  empty: { zh: '文件中没有数据行。', en: 'The file has no data rows.' },
});

interface Props<R extends ImportReport> {
  open: boolean;
  title: string;
  /** Sends the file in one mode and returns the server's report (an import may add fields to it). */
  send: (file: File, mode: ImportMode) => Promise<R>;
  /** Called after rows were written (to refresh lists). */
  onImported?: (report: R) => void;
  /** Downloads the template (for the roster, the export). */
  onTemplate?: () => Promise<void>;
  /** Extra lines under the success message of a committed import, from the import's own report fields. */
  committedDetail?: (report: R) => ReactNode;
  onClose: () => void;
}

/**
 * A spreadsheet import: choose the file, import it all-or-nothing (or check it only), read the
 * problems row by row, and, when some rows are fine, import those only by sending the same file
 * again with mode=valid.
 */
export function ImportModal<R extends ImportReport = ImportReport>({ open, title, send, onImported, onTemplate, committedDetail, onClose }: Props<R>) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const run = useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) => send(file, mode),
    onSuccess: (report) => {
      if (report.committed && report.imported > 0) onImported?.(report);
    },
    onError: (err) => setError(errorText(err, lang)),
  });
  const { reset } = run;
  const report = run.data;
  const pendingMode = run.isPending ? run.variables.mode : null;

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setError(null);
    reset();
  }, [open, reset]);

  const start = (mode: ImportMode) => {
    setError(null);
    if (!file) {
      setError(t(text.chooseFile));
      return;
    }
    run.mutate({ file, mode });
  };

  const template = async () => {
    if (!onTemplate) return;
    setTemplateBusy(true);
    try {
      await onTemplate();
    } catch (err) {
      setError(errorText(err, lang));
    } finally {
      setTemplateBusy(false);
    }
  };

  const badRows = report ? new Set(report.problems.map((p) => p.row)).size : 0;
  const canImportValid = !!report && !report.committed && report.problems.length > 0 && report.valid > 0;
  const done = !!report?.committed;

  const columns: TableColumnsType<Problem & { key: number }> = [
    { title: t(text.row), dataIndex: 'row', width: 80, render: (v: number) => (v > 0 ? v : t(text.fileLevel)) },
    { title: t(text.column), dataIndex: 'column', width: 180, render: (v: string | null) => v ?? '—' },
    { title: t(text.problem), dataIndex: 'message', render: (v: Problem['message']) => (lang === 'en' ? v.en : v.zh) },
  ];

  let summary: ReactNode = null;
  if (report) {
    if (report.committed) {
      summary = (
        <Alert
          type="success"
          showIcon
          data-testid="import-success"
          title={report.problems.length > 0 ? t(text.importedSome, { imported: report.imported, bad: badRows }) : t(text.imported, { total: report.total, imported: report.imported })}
          description={committedDetail?.(report)}
          style={{ marginBottom: 16 }}
        />
      );
    } else if (report.problems.length === 0) {
      summary = <Alert type={report.total === 0 ? 'warning' : 'success'} showIcon data-testid="import-checked" title={report.total === 0 ? t(text.empty) : t(text.checkedOk, { total: report.total })} style={{ marginBottom: 16 }} />;
    } else {
      summary = (
        <Alert
          type="warning"
          showIcon
          data-testid="import-rejected"
          title={t(text.rejected, { total: report.total, valid: report.valid, bad: badRows })}
          description={report.valid === 0 ? t(text.nothingValid) : undefined}
          style={{ marginBottom: 16 }}
        />
      );
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: !run.isPending }}
      footer={
        <Space wrap>
          <Button onClick={onClose} data-testid="import-close">{t(text.close)}</Button>
          {!done && (
            <Button onClick={() => start('check')} loading={pendingMode === 'check'} disabled={run.isPending} data-testid="import-check">
              {t(text.check)}
            </Button>
          )}
          {canImportValid && (
            <Button danger onClick={() => start('valid')} loading={pendingMode === 'valid'} disabled={run.isPending} data-testid="import-valid-only">
              {t(text.validOnly)}
            </Button>
          )}
          {!done && (
            <Button type="primary" onClick={() => start('strict')} loading={pendingMode === 'strict'} disabled={run.isPending} data-testid="import-submit">
              {t(text.submit)}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(text.hint)}
        {onTemplate && (
          <Button type="link" size="small" icon={<DownloadOutlined />} loading={templateBusy} onClick={template} data-testid="import-template">
            {t(text.template)}
          </Button>
        )}
      </Typography.Paragraph>
      {!done && (
        <div data-testid="import-upload" style={{ marginBottom: 16 }}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            disabled={run.isPending}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setError(null);
              reset();
              return false;
            }}
            onRemove={() => {
              setFile(null);
              reset();
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t(text.drop)}</p>
            <p className="ant-upload-hint">{t(text.dropHint)}</p>
          </Upload.Dragger>
        </div>
      )}
      <FormError text={error} testId="import-error" />
      {summary}
      {report && report.problems.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={report.problems.map((p, i) => ({ ...p, key: i }))}
          pagination={report.problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
          data-testid="import-problems"
        />
      )}
    </Modal>
  );
}
