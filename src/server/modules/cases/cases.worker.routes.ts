import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, Nullable, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { answerWorkerPayment, complaintProjects, listWorkerComplaints, submitWorkerComplaint, uploadComplaintEvidence } from './cases.worker';
import { Amount, StoredEvidence, Text } from './cases.routes';
import { presentComplaintProject, presentWorkerCase } from './cases.worker.presenter';


const ComplaintProject = Type.Object(
  {
    projectId: Type.String(),
    projectName: Type.String(),
    projectCode: Type.String(),
    employerId: Type.String(),
    employerName: Type.String(),
    teamName: Nullable(Type.String()),
    entryDate: DateOnly,
    exitDate: Nullable(DateOnly),
  },
  Strict,
);

const Receipt = Type.Object(
  { caseId: Type.String(), caseNo: Type.String(), title: Type.String(), handlingUnitName: Nullable(Type.String()), receivedOn: DateOnly, acceptBy: Nullable(DateOnly), duplicate: Type.Boolean() },
  Strict,
);

const WorkerCase = Type.Object(
  {
    id: Type.String(),
    caseNo: Type.String(),
    title: Type.String(),
    status: Type.String(),
    statusLabel: Bilingual,
    closureLabel: Nullable(Bilingual),
    projectName: Nullable(Type.String()),
    employerName: Type.String(),
    handlingUnitName: Nullable(Type.String()),
    receivedOn: DateOnly,
    stageDueOn: Nullable(DateOnly),
    acceptBy: Nullable(DateOnly),
    closedOn: Nullable(DateOnly),
    complainant: Type.Boolean(),
    mine: Nullable(
      Type.Object(
        {
          claimedFen: Type.Integer(),
          foundOwedFen: Nullable(Type.Integer()),
          recoveredFen: Type.Integer(),
          status: StringEnum(['open', 'paid', 'moved'] as const),
          movedTo: Nullable(Type.String()),
          confirmedAt: Nullable(Timestamp),
        },
        Strict,
      ),
    ),
    payments: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          amountFen: Type.Integer(),
          paidOn: DateOnly,
          sourceLabel: Bilingual,
          reference: Type.String(),
          answer: Nullable(StringEnum(['confirmed', 'disputed'] as const)),
          answeredAt: Nullable(Timestamp),
          note: Nullable(Type.String()),
          awaiting: Type.Boolean(),
        },
        Strict,
      ),
    ),
    awaitingConfirmation: Type.Boolean(),
  },
  Strict,
);

const tags = ['cases'];

/** 农民工端: the signed-in worker's own complaints (cases.worker.ts). Every route needs `cases.complain`, which only the worker role holds. */
export async function workerCasesRoutes(app: App) {
  app.get('/api/me/complaints/projects', {
    config: { access: 'cases.complain' },
    schema: { tags, summary: '可投诉的项目（本人实名制登记过的项目及用人单位） / the projects I may complain about', response: withProblems({ 200: Type.Array(ComplaintProject) }) },
    handler: async (req) => (await complaintProjects(req.ctx)).map(presentComplaintProject),
  });

  app.post('/api/me/complaints/files', {
    config: { access: 'cases.complain', rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '上传投诉证据（jpg/png/pdf，10 MB 以内） / upload evidence for my complaint',
      description: 'multipart/form-data with one file; answers its id, to list in `fileIds` of the complaint.',
      response: withProblems({ 201: StoredEvidence }),
    },
    handler: async (req, reply) => reply.code(201).send(await uploadComplaintEvidence(req.ctx, await readUpload(req))),
  });

  app.post('/api/me/complaints', {
    config: { access: 'cases.complain', rateLimit: { max: 20, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '我要投诉（本人欠薪） / complain about my unpaid wages',
      description: 'The complainant and the first worker are the caller as the real-name registry knows them. 201 when received; 200 when the same idempotencyKey was sent before (the first complaint, nothing changed).',
      body: Type.Object(
        {
          idempotencyKey: Type.String({ pattern: '^[A-Za-z0-9_:.-]{8,100}$', description: 'made once per complaint form by the client' }),
          projectId: Uuid,
          employerName: Type.Optional(Nullable(Text(200))),
          claimedFen: Amount,
          coWorkers: Type.Optional(Type.Array(Type.Object({ name: Text(50), claimedFen: Amount }, Strict), { maxItems: 100 })),
          periodFrom: Type.Optional(Nullable(DateOnly)),
          periodTo: Type.Optional(Nullable(DateOnly)),
          description: Text(2000),
          fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
        },
        Strict,
      ),
      response: withProblems({ 201: Receipt, 200: Receipt }),
    },
    handler: async (req, reply) => {
      const r = await submitWorkerComplaint(req.ctx, req.body);
      return reply.code(r.duplicate ? 200 : 201).send(r);
    },
  });

  app.get('/api/me/complaints', {
    config: { access: 'cases.complain' },
    schema: { tags, summary: '我的投诉：进度、期限、追发及待确认的支付 / my complaints, their stage, deadline and payments', response: withProblems({ 200: Type.Array(WorkerCase) }) },
    handler: async (req) => (await listWorkerComplaints(req.ctx)).map(presentWorkerCase),
  });

  app.post('/api/me/complaints/:caseId/confirmation', {
    config: { access: 'cases.complain' },
    schema: {
      tags,
      summary: '确认收到或对追发的工资提出异议 / confirm or dispute a payment recorded to me',
      params: Type.Object({ caseId: Uuid }, Strict),
      body: Type.Object({ paymentId: Uuid, answer: StringEnum(['confirm', 'dispute'] as const), note: Type.Optional(Nullable(Type.String({ maxLength: 300 }))) }, Strict),
      response: withProblems({ 200: WorkerCase }),
    },
    handler: async (req) => presentWorkerCase(await answerWorkerPayment(req.ctx, req.params.caseId, req.body)),
  });
}
