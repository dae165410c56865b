import { Type } from '@sinclair/typebox';
import { attachmentDisposition } from '../../platform/http/files';
import { DateOnly, Nullable, Strict, StringEnum, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { imposePenalty, issueHandlingDecision, orderCompensation, readCaseDocumentFile, recordSettlement, renderCaseDocument } from './cases.documents.service';
import { FINE_RULES, SETTLEMENT_MAX_INSTALLMENTS } from './cases.decisions';
import { presentCaseDetail } from './cases.presenter';
import { Amount, CaseDetail, Text, Versioned } from './cases.routes';

/** 文书: the Word files of a case's documents, and the acts that issue them (行政处罚, 加付赔偿金, 和解协议, 行政处理决定). */

const tags = ['cases'];
const DocParams = Type.Object({ id: Uuid, documentId: Uuid }, Strict);
const CaseParams = Type.Object({ id: Uuid }, Strict);
const detail = withProblems({ 200: CaseDetail });

export async function caseDocumentsRoutes(app: App) {
  app.post('/api/cases/:id/penalty', {
    config: { access: 'cases.enforce' },
    schema: {
      tags,
      summary: '行政处罚决定（PEN-01…04 逾期不改正后；PEN-06 阻挠监察） / a penalty decision with its Word file',
      params: CaseParams,
      body: Type.Object(
        {
          ...Versioned,
          ruleId: StringEnum(FINE_RULES),
          party: StringEnum(['unit', 'individual'] as const),
          personName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
          personRole: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
          violation: Text(2000),
          amountFen: Amount,
          docNo: Text(60),
          issuedOn: DateOnly,
        },
        Strict,
      ),
      response: detail,
    },
    handler: async (req) => presentCaseDetail(await imposePenalty(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/compensation', {
    config: { access: 'cases.enforce' },
    schema: {
      tags,
      summary: '责令加付赔偿金（PEN-05，按逾期未付工资计算） / order additional compensation, computed from the wages unpaid at the deadline',
      params: CaseParams,
      body: Type.Object({ ...Versioned, rate: Type.Number({ minimum: 0, maximum: 1, description: '0.5–1 (监察条例第26条)' }), docNo: Text(60), issuedOn: DateOnly, dueOn: DateOnly }, Strict),
      response: detail,
    },
    handler: async (req) => presentCaseDetail(await orderCompensation(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/settlement', {
    config: { access: 'cases.handle' },
    schema: {
      tags,
      summary: '签订和解协议（调解中，分期支付计划合计须等于尚欠工资） / record a settlement agreement with its payment plan, while mediating',
      description: 'The plan must add up to what is still owed to the workers not yet paid or moved (computed by the server); installments fall due in order, none before the signing. One agreement per case.',
      params: CaseParams,
      body: Type.Object(
        {
          ...Versioned,
          docNo: Text(60),
          signedOn: DateOnly,
          installments: Type.Array(
            Type.Object({ dueOn: DateOnly, amountFen: Amount }, Strict),
            { minItems: 1, maxItems: SETTLEMENT_MAX_INSTALLMENTS },
          ),
        },
        Strict,
      ),
      response: detail,
    },
    handler: async (req) => presentCaseDetail(await recordSettlement(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/handling-decision', {
    config: { access: 'cases.enforce' },
    schema: {
      tags,
      summary: '行政处理决定（立案后或逾期未改正后；金额按尚欠工资计算） / an administrative handling decision to pay what is still owed',
      params: CaseParams,
      body: Type.Object({ ...Versioned, docNo: Text(60), issuedOn: DateOnly, dueOn: DateOnly }, Strict),
      response: detail,
    },
    handler: async (req) => presentCaseDetail(await issueHandlingDecision(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/documents/:documentId/render', {
    config: { access: 'cases.handle' },
    schema: { tags, summary: '生成文书（Word） / make the document’s Word file (again)', params: DocParams, response: detail },
    handler: async (req) => presentCaseDetail(await renderCaseDocument(req.ctx, req.params.id, req.params.documentId)),
  });

  app.get('/api/cases/:id/documents/:documentId/file', {
    config: { access: 'cases.read', personalData: true },
    schema: { tags, summary: '下载文书（.docx，留痕） / download the document’s Word file (audited)', params: DocParams },
    handler: async (req, reply) => {
      const file = await readCaseDocumentFile(req.ctx, req.params.id, req.params.documentId);
      return reply.header('content-type', file.mime).header('content-disposition', attachmentDisposition(file.fileName)).send(file.content);
    },
  });
}
