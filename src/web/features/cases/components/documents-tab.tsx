import { DownloadOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/api-client';
import { formatYuan } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { labelOf } from '../../../lib/labels';
import { downloadCaseDocument, useRenderDocument } from '../api/case-documents';
import type { CaseDetail, CaseDocument } from '../api/get-case';
import { anyPenaltyOpen, readDocumentsFacts } from '../case-decisions';
import { dm } from '../document-messages';
import { documentKindLabels } from '../labels';
import { m } from '../messages';
import { CompensationModal, PenaltyModal } from './decision-modals';
import { AgreementActions, SettlementProgress } from './settlement-modals';

/**
 * 文书: what the case issued, numbered, with its deadline and amount; each Word file to download,
 * or to make (生成文书) where a document has none; and, for labour inspection when the law allows
 * it, the 行政处罚 and 加付赔偿金 decisions (their buttons say why when they are closed); and 和解协议
 * (while mediating) and 行政处理决定 with how the agreement's installments stand (settlement-modals.tsx).
 */
export function DocumentsTab({ detail }: { detail: CaseDetail }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'penalty' | 'compensation' | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const render = useRenderDocument(detail.id);
  const { mayRender, decisions } = readDocumentsFacts(detail.facts);

  const download = (doc: CaseDocument) => {
    setLoading(doc.id);
    downloadCaseDocument(detail.id, doc)
      .catch((err: unknown) => message.error(errorText(err, lang)))
      .finally(() => setLoading(null));
  };
  const make = (doc: CaseDocument) =>
    render.mutate(doc.id, { onSuccess: () => message.success(t(dm.rendered)), onError: (err) => message.error(errorText(err, lang)) });

  const columns: TableColumnsType<CaseDocument> = [
    { title: t(m.docKind), dataIndex: 'kind', render: (k: string) => labelOf(documentKindLabels, k, lang) },
    { title: t(m.docNo), dataIndex: 'docNo', width: 220 },
    { title: t(m.issuedOn), dataIndex: 'issuedOn', width: 120 },
    { title: t(m.dueOn), dataIndex: 'dueOn', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t(m.amount), dataIndex: 'amountFen', width: 140, align: 'right', render: (v: number | null) => formatYuan(v) },
    { title: t(m.issuedBy), dataIndex: 'issuedBy', width: 120 },
    {
      title: t(dm.file),
      key: 'file',
      width: 130,
      render: (_, doc) =>
        doc.hasFile ? (
          <Button type="link" size="small" icon={<DownloadOutlined />} loading={loading === doc.id} onClick={() => download(doc)} data-testid="case-document-download">
            {t(dm.download)}
          </Button>
        ) : mayRender ? (
          <Button size="small" icon={<FileAddOutlined />} loading={render.isPending && render.variables === doc.id} onClick={() => make(doc)} data-testid="case-document-render">
            {t(dm.render)}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t(dm.noFile)}</Typography.Text>
        ),
    },
  ];

  const penaltyOpen = anyPenaltyOpen(decisions);
  const compensation = decisions?.compensation ?? null;
  const closedReason = (() => {
    const first = decisions && Object.values(decisions.penalty).find((p) => p && !p.open);
    return first ? pick(first.reason) : '';
  })();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {decisions?.mayDecide && (
        <Space wrap data-testid="case-decisions">
          <Tooltip title={penaltyOpen ? null : closedReason}>
            <Button danger disabled={!penaltyOpen} onClick={() => setDeciding('penalty')} data-testid="case-penalty">
              {t(dm.penalty)}
            </Button>
          </Tooltip>
          <Tooltip title={compensation?.open ? null : pick(compensation?.reason)}>
            <Button disabled={!compensation?.open} onClick={() => setDeciding('compensation')} data-testid="case-compensation">
              {t(dm.compensation)}
            </Button>
          </Tooltip>
          {!penaltyOpen && !compensation?.open && <Alert type="info" showIcon title={`${t(dm.decisionsClosed)}${closedReason ? `：${closedReason}` : ''}`} />}
        </Space>
      )}
      <AgreementActions detail={detail} />
      <SettlementProgress detail={detail} />
      <Table<CaseDocument>
        rowKey="id"
        size="middle"
        dataSource={detail.documents}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t(m.noDocuments)} /> }}
        data-testid="case-documents"
      />
      {decisions && <PenaltyModal open={deciding === 'penalty'} detail={detail} decisions={decisions} onClose={() => setDeciding(null)} />}
      {decisions && <CompensationModal open={deciding === 'compensation'} detail={detail} decisions={decisions} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
