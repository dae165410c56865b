import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, PageQuery, Paged, RegionCode, Strict, StringEnum, Timestamp, Uuid, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { attachmentDisposition } from '../../platform/http/files';
import { readUpload } from '../../platform/http/upload';
import { importNationalClues } from './cases.import';
import { listWaitingComplaints, retryComplaintNow } from './cases.intake';
import { lookupMyComplaints, requestComplaintCode, submitPublicComplaint } from './cases.public';
import { CHECKLIST_KEYS, CONCLUSION_KEYS, PAYMENT_SOURCES, SUPERVISION } from './cases.law';
import { presentCaseDetail, presentCaseItem, presentClue } from './cases.presenter';
import { CASE_STATUSES, CLUE_CHANNELS, STAFF_CHANNELS } from './cases.rules';
import * as service from './cases.service';

// Shared with the other cases routes (documents, the worker's own).
export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000_00, description: '分 (fen)' });
export const Amount = Type.Integer({ minimum: 1, maximum: 100_000_000_000_00, description: '分 (fen)' });
/** The case version a step is taken on, and the official's note. */
export const Versioned = { version: Type.Integer({ minimum: 1 }), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) };
/** A piece of evidence as stored, answered to its upload. */
export const StoredEvidence = Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer() }, Strict);
const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$', description: '手机号或固定电话' });
const Json = Type.Record(Type.String(), Type.Unknown());
const Version = { ...Versioned, fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) };
const DocNo = Text(60);
const PAYMENT_SOURCE_KEYS = Object.keys(PAYMENT_SOURCES) as (keyof typeof PAYMENT_SOURCES)[];
const SUPERVISION_KEYS = Object.keys(SUPERVISION) as (keyof typeof SUPERVISION)[];

const CaseItem = Type.Object(
  {
    id: Type.String(),
    caseNo: Type.String(),
    title: Type.String(),
    status: Type.String(),
    statusLabel: Bilingual,
    regionCode: Type.String(),
    regionName: Type.String(),
    projectId: Nullable(Type.String()),
    projectName: Nullable(Type.String()),
    employerName: Type.String(),
    handlingUnitName: Nullable(Type.String()),
    receivedOn: DateOnly,
    stageDueOn: Nullable(DateOnly),
    overdue: Type.Boolean(),
    escalationLevel: Type.Integer(),
    major: Type.Boolean(),
    supervision: Type.Array(Type.String()),
    workerCount: Type.Integer(),
    claimedFen: Type.Integer(),
    foundOwedFen: Type.Integer(),
    recoveredFen: Type.Integer(),
  },
  Strict,
);

const Clue = Type.Object(
  {
    id: Type.String(),
    channel: Type.String(),
    channelLabel: Bilingual,
    externalId: Nullable(Type.String()),
    receivedAt: Timestamp,
    receivedBy: Type.String(),
    regionCode: Type.String(),
    projectId: Nullable(Type.String()),
    projectName: Nullable(Type.String()),
    employerId: Nullable(Type.String()),
    employerName: Type.String(),
    employerMatch: Type.String(),
    anonymous: Type.Boolean(),
    complainantName: Nullable(Type.String()),
    complainantPhone: Nullable(Type.String()),
    workerCount: Type.Integer(),
    claimedFen: Type.Integer(),
    periodFrom: Nullable(DateOnly),
    periodTo: Nullable(DateOnly),
    description: Type.String(),
    fileIds: Type.Array(Type.String()),
    status: Type.String(),
    caseId: Nullable(Type.String()),
  },
  Strict,
);

export const CaseDetail = Type.Composite([
  CaseItem,
  Type.Object(
    {
      industry: Nullable(Type.String()),
      employerId: Nullable(Type.String()),
      accountableUnitName: Nullable(Type.String()),
      handlingUnitId: Nullable(Type.String()),
      assistUnitIds: Type.Array(Type.String()),
      dualAssignment: Type.Boolean(),
      acceptedOn: Nullable(DateOnly),
      filedOn: Nullable(DateOnly),
      extended: Type.Boolean(),
      orderDueOn: Nullable(DateOnly),
      resolvedOn: Nullable(DateOnly),
      closedOn: Nullable(DateOnly),
      closureKind: Nullable(Type.String()),
      closureLabel: Nullable(Bilingual),
      conclusion: Nullable(Type.String()),
      conclusionLabel: Nullable(Bilingual),
      mergedInto: Nullable(Type.String()),
      majorReasons: Type.Array(Type.Unknown()),
      leaderName: Nullable(Type.String()),
      taskForceUnitIds: Type.Array(Type.String()),
      callbackOn: Nullable(DateOnly),
      satisfaction: Nullable(Type.String()),
      rowVersion: Type.Integer(),
      acceptBy: Nullable(DateOnly),
      workers: Type.Array(
        Type.Object(
          {
            id: Type.String(),
            workerId: Nullable(Type.String()),
            name: Type.String(),
            phone: Nullable(Type.String()),
            claimedFen: Type.Integer(),
            foundOwedFen: Nullable(Type.Integer()),
            recoveredFen: Type.Integer(),
            status: Type.String(),
            movedTo: Nullable(Type.String()),
            confirmedAt: Nullable(Timestamp),
            unreachable: Type.Boolean(),
          },
          Strict,
        ),
      ),
      clues: Type.Array(Clue),
      payments: Type.Array(
        Type.Object(
          {
            id: Type.String(),
            caseWorkerId: Type.String(),
            amountFen: Type.Integer(),
            paidOn: DateOnly,
            source: Type.String(),
            sourceLabel: Bilingual,
            reference: Type.String(),
            recordedBy: Type.String(),
            // The worker's own answer on the worker pages: confirmed, or disputed with what is wrong.
            workerAnswer: Nullable(StringEnum(['confirmed', 'disputed'] as const)),
            workerNote: Nullable(Type.String()),
          },
          Strict,
        ),
      ),
      checklist: Type.Array(
        Type.Object({ item: Type.String(), label: Bilingual, violation: Nullable(Type.Boolean()), note: Nullable(Type.String()), fileIds: Type.Array(Type.String()), checkedBy: Nullable(Type.String()) }, Strict),
      ),
      documents: Type.Array(
        Type.Object({ id: Type.String(), kind: Type.String(), docNo: Type.String(), issuedOn: DateOnly, dueOn: Nullable(DateOnly), amountFen: Nullable(Type.Integer()), issuedBy: Type.String(), hasFile: Type.Boolean() }, Strict),
      ),
      events: Type.Array(
        Type.Object(
          {
            id: Type.String(),
            at: Timestamp,
            kind: Type.String(),
            kindLabel: Bilingual,
            actorName: Type.String(),
            fromStatus: Nullable(Type.String()),
            toStatus: Nullable(Type.String()),
            toStatusLabel: Nullable(Bilingual),
            data: Nullable(Json),
            fileIds: Type.Array(Type.String()),
          },
          Strict,
        ),
      ),
      incidents: Type.Array(
        Type.Object({ id: Type.String(), occurredAt: Timestamp, place: Type.String(), people: Type.Integer(), responseLevel: Type.String(), suspensionMarked: Type.Boolean() }, Strict),
      ),
      mergeCandidates: Type.Array(Type.Object({ id: Type.String(), caseNo: Type.String(), title: Type.String(), status: Type.String(), receivedOn: DateOnly }, Strict)),
      facts: Json,
      actions: Type.Array(Type.String()),
      mayWork: Type.Boolean(),
      maySupervise: Type.Boolean(),
      mayReadContacts: Type.Boolean(),
    },
    Strict,
  ),
]);

/** A clue received: 201 when new, 200 when the same channel's external id was recorded before (nothing changed). */
const Received = Type.Object({ clueId: Type.String(), caseId: Nullable(Type.String()), duplicate: Type.Boolean() }, Strict);

const detail = { params: IdParams, response: withProblems({ 200: CaseDetail }) };
const tags = ['cases'];

export async function casesRoutes(app: App) {
  app.post('/api/clues', {
    config: { access: 'cases.intake' },
    schema: {
      tags,
      summary: '登记线索（热线、信访、来访、检查、舆情、匿名举报） / record a clue from a staffed channel',
      body: Type.Object(
        {
          channel: StringEnum(STAFF_CHANNELS),
          externalId: Type.Optional(Nullable(Text(60))),
          receivedAt: Type.Optional(Nullable(Timestamp)),
          projectId: Type.Optional(Nullable(Uuid)),
          regionCode: Type.Optional(Nullable(RegionCode)),
          employerId: Type.Optional(Nullable(Uuid)),
          employerName: Text(200),
          employerCreditCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$' }))),
          complainant: Type.Optional(Nullable(Type.Object({ name: Text(50), phone: Type.Optional(Nullable(Phone)), workerId: Type.Optional(Nullable(Uuid)) }, Strict))),
          workers: Type.Array(Type.Object({ name: Text(50), workerId: Type.Optional(Nullable(Uuid)), phone: Type.Optional(Nullable(Phone)), claimedFen: Fen }, Strict), { maxItems: 500 }),
          periodFrom: Type.Optional(Nullable(DateOnly)),
          periodTo: Type.Optional(Nullable(DateOnly)),
          description: Text(5000),
          fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
          dualAssignment: Type.Optional(Type.Boolean()),
          assignedByUnitId: Type.Optional(Nullable(Uuid)),
        },
        Strict,
      ),
      response: withProblems({ 201: Received, 200: Received }),
    },
    handler: async (req, reply) => {
      const r = await service.receiveClue(req.ctx, req.body);
      return reply.code(r.duplicate ? 200 : 201).send(r);
    },
  });

  // 扫码投诉: no account, the phone proven by a code; throttled per address on top of the per-phone limits.
  app.post('/api/public/complaint-codes', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '获取投诉验证码（发送到手机） / send a complaint code to a phone',
      body: Type.Object({ phone: Type.String({ pattern: '^1[3-9][0-9]{9}$', description: '手机号' }) }, Strict),
      response: withProblems({ 201: Type.Object({ verificationId: Type.String(), expiresAt: Timestamp, demoCode: Type.Optional(Type.String()) }, Strict) }),
    },
    handler: async (req, reply) => {
      const sent = await requestComplaintCode(req.ctx, req.body);
      req.server.smsDispatcher?.kick();
      return reply.code(201).send(sent);
    },
  });

  app.post('/api/public/complaints', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '扫码投诉欠薪 / complain about unpaid wages (public, phone verified by code)',
      body: Type.Object(
        {
          verificationId: Uuid,
          code: Type.String({ pattern: '^[0-9]{6}$' }),
          projectCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
          regionCode: Type.Optional(Nullable(RegionCode)),
          employerName: Text(200),
          name: Text(50),
          claimedFen: Amount,
          coWorkers: Type.Optional(Type.Array(Type.Object({ name: Text(50), claimedFen: Amount }, Strict), { maxItems: 100 })),
          periodFrom: Type.Optional(Nullable(DateOnly)),
          periodTo: Type.Optional(Nullable(DateOnly)),
          description: Text(2000),
        },
        Strict,
      ),
      response: withProblems({
        201: Type.Object(
          {
            caseNo: Type.String(),
            title: Type.String(),
            receivedOn: DateOnly,
            routed: Type.Boolean({ description: 'false: 分派中, the handling unit not yet assigned; ask again with the same code' }),
            handlingUnitName: Nullable(Type.String()),
            acceptBy: Nullable(DateOnly),
            duplicate: Type.Boolean(),
          },
          Strict,
        ),
      }),
    },
    handler: async (req, reply) => {
      const receipt = await submitPublicComplaint(req.ctx, req.body);
      if (!receipt.routed) req.server.complaintIntake?.kick();
      return reply.code(201).send(receipt);
    },
  });

  app.post('/api/public/complaints/lookup', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '查询投诉进度（手机号验证） / follow one’s complaints, the phone proven by a code',
      body: Type.Object({ verificationId: Uuid, code: Type.String({ pattern: '^[0-9]{6}$' }) }, Strict),
      response: withProblems({
        200: Type.Array(
          Type.Object(
            {
              caseNo: Type.String(),
              title: Type.String(),
              receivedOn: DateOnly,
              status: Type.String(),
              statusLabel: Bilingual,
              handlingUnitName: Nullable(Type.String()),
              stageDueOn: Nullable(DateOnly),
              closedOn: Nullable(DateOnly),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => lookupMyComplaints(req.ctx, req.body),
  });

  app.post('/api/clues/import', {
    config: { access: 'cases.intake' },
    schema: {
      tags,
      summary: '导入全国根治欠薪线索反映平台导出的线索 / import clues exported from the national clue platform',
      description: 'multipart/form-data with one .xlsx or .csv file; a clue number already imported is counted as a duplicate and changes nothing.',
      response: withProblems({
        200: Type.Object(
          { total: Type.Integer(), imported: Type.Integer(), duplicates: Type.Integer(), problems: Type.Array(Type.Object({ row: Type.Integer(), column: Nullable(Type.String()), message: Bilingual }, Strict)) },
          Strict,
        ),
      }),
    },
    handler: async (req) => importNationalClues(req.ctx, await readUpload(req)),
  });

  app.post('/api/cases/files', {
    config: { access: 'cases.intake', rateLimit: { max: 60, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: '上传案件证据（jpg/png/pdf，10 MB 以内） / upload evidence for a clue or a case step',
      description: 'multipart/form-data with one file; answers its id, to list in `fileIds` of a clue, a checklist item or a step.',
      response: withProblems({ 201: StoredEvidence }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.storeEvidence(req.ctx, await readUpload(req))),
  });

  app.get('/api/cases/:id/files/:fileId', {
    config: { access: 'cases.read' },
    schema: { tags, summary: '查看案件证据（留痕） / a piece of evidence on the case (audited)', params: Type.Object({ id: Uuid, fileId: Uuid }, Strict) },
    handler: async (req, reply) => {
      const file = await service.readEvidence(req.ctx, req.params.id, req.params.fileId);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', attachmentDisposition(file.name, 'inline'))
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  });

  app.post('/api/warnings/:id/case', {
    config: { access: 'cases.intake' },
    schema: {
      tags,
      summary: '预警转案件 / turn a warning into a case',
      params: IdParams,
      body: Type.Object({ note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }, Strict),
      response: withProblems({ 201: Received, 200: Received }),
    },
    handler: async (req, reply) => {
      const r = await service.caseFromWarning(req.ctx, req.params.id, req.body);
      return reply.code(r.duplicate ? 200 : 201).send(r);
    },
  });

  app.get('/api/clues', {
    config: { access: 'cases.read' },
    schema: {
      tags,
      summary: '线索列表 / clues in the jurisdiction',
      querystring: Type.Object({ status: Type.Optional(StringEnum(['open', 'in_case', 'intelligence'] as const)), channel: Type.Optional(StringEnum(Object.keys(CLUE_CHANNELS))), ...PageQuery }, Strict),
      response: withProblems({ 200: Paged(Clue) }),
    },
    handler: async (req) => {
      const { page = 1, pageSize = 20, ...f } = req.query;
      const r = await service.listClues(req.ctx, f, { page, pageSize });
      return { ...r, items: r.items.map(presentClue) };
    },
  });

  app.get('/api/complaint-queue', {
    config: { access: 'cases.read' },
    schema: {
      tags,
      summary: '待分派的扫码投诉（含分派失败待重试） / public complaints stored but not yet routed, those set aside after failing included',
      querystring: Type.Object({ setAside: Type.Optional(Type.Boolean()), ...PageQuery }, Strict),
      response: withProblems({
        200: Paged(
          Type.Object(
            {
              caseNo: Type.String(),
              receivedAt: Timestamp,
              regionCode: RegionCode,
              regionName: Type.String(),
              projectName: Nullable(Type.String()),
              // Null where the stored complaint lacks it: a complaint that fails to route may be damaged.
              employerName: Nullable(Type.String()),
              name: Nullable(Type.String()),
              workerCount: Type.Integer(),
              claimedFen: Nullable(Type.Integer()),
              attempts: Type.Integer({ description: 'failed routings so far; 0: waiting its turn' }),
              retryAt: Nullable(Timestamp),
              lastError: Nullable(Type.String({ description: 'the kind of the last failure (its class and code), never its message' })),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => {
      const { page = 1, pageSize = 20, ...f } = req.query;
      return listWaitingComplaints(req.ctx, f, { page, pageSize });
    },
  });

  app.post('/api/complaint-queue/:caseNo/retry', {
    config: { access: 'cases.intake' },
    schema: {
      tags,
      summary: '立即重新分派一件分派失败的投诉 / try routing a set-aside complaint again now',
      params: Type.Object({ caseNo: Type.String({ minLength: 1, maxLength: 40 }) }, Strict),
      response: withProblems({ 204: Type.Null() }),
    },
    handler: async (req, reply) => {
      await retryComplaintNow(req.ctx, req.params.caseNo);
      req.server.complaintIntake?.kick();
      return reply.code(204).send(null);
    },
  });

  app.get('/api/cases', {
    config: { access: 'cases.read' },
    schema: {
      tags,
      summary: '案件列表（按阶段、时限、督办） / cases by stage, deadline and supervision',
      querystring: Type.Object(
        {
          status: Type.Optional(StringEnum(Object.keys(CASE_STATUSES))),
          open: Type.Optional(Type.Boolean()),
          overdue: Type.Optional(Type.Boolean()),
          supervised: Type.Optional(Type.Boolean()),
          major: Type.Optional(Type.Boolean()),
          projectId: Type.Optional(Uuid),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...PageQuery,
        },
        Strict,
      ),
      response: withProblems({ 200: Paged(CaseItem) }),
    },
    handler: async (req) => {
      const { page = 1, pageSize = 20, ...f } = req.query;
      const r = await service.listCases(req.ctx, f, { page, pageSize });
      return { ...r, items: r.items.map(presentCaseItem) };
    },
  });

  app.get('/api/cases/:id', {
    config: { access: 'cases.read' },
    schema: { tags, summary: '案件详情：时间线、核查表、文书、支付 / a case with its timeline, checklist, documents and payments', ...detail },
    handler: async (req) => presentCaseDetail(await service.getCase(req.ctx, req.params.id)),
  });

  const act = <B extends ReturnType<typeof Type.Object>>(path: string, summary: string, access: 'cases.handle' | 'cases.enforce', body: B, run: (req: { ctx: Parameters<typeof service.getCase>[0]; id: string; body: never }) => ReturnType<typeof service.getCase>) =>
    app.post(`/api/cases/:id/${path}`, {
      config: { access },
      schema: { tags, summary, params: IdParams, body, response: withProblems({ 200: CaseDetail }) },
      handler: async (req) => presentCaseDetail(await run({ ctx: req.ctx, id: (req.params as { id: string }).id, body: req.body as never })),
    });

  act('accept', '受理 / accept', 'cases.handle', Type.Object(Version, Strict), ({ ctx, id, body }) => service.acceptCase(ctx, id, body));
  act('transfer', '转办（首问负责） / transfer to the responsible unit', 'cases.handle', Type.Object({ ...Version, unitId: Uuid }, Strict), ({ ctx, id, body }) => service.transferCase(ctx, id, body));
  act(
    'refuse',
    '不予受理（书面） / refuse in writing (CASE-01, CASE-02)',
    'cases.enforce',
    Type.Object({ ...Version, reason: StringEnum(['limitation', 'no_employer_or_evidence', 'outside_scope'] as const), docNo: DocNo }, Strict),
    ({ ctx, id, body }) => service.refuseCase(ctx, id, body),
  );
  act(
    'refer',
    '引导仲裁、诉讼或转其他部门 / refer to arbitration, court or another department (CASE-09)',
    'cases.handle',
    Type.Object({ ...Version, to: StringEnum(['arbitration', 'court', 'other_department'] as const), legalAid: Type.Boolean(), docNo: DocNo }, Strict),
    ({ ctx, id, body }) => service.referCase(ctx, id, body),
  );
  act('merge', '并案 / merge into another case', 'cases.handle', Type.Object({ ...Version, intoId: Uuid }, Strict), ({ ctx, id, body }) => service.mergeCase(ctx, id, body));
  act('mediate', '调解 / mediate', 'cases.handle', Type.Object(Version, Strict), ({ ctx, id, body }) => service.mediateCase(ctx, id, body));
  act('file', '立案调查（不少于两名监察员） / file for investigation (CASE-03, CASE-04)', 'cases.enforce', Type.Object({ ...Version, inspectors: Type.Array(Text(50), { maxItems: 10 }) }, Strict), ({ ctx, id, body }) =>
    service.fileCase(ctx, id, body),
  );
  act('extend', '延长调查期限（经负责人批准） / extend the investigation', 'cases.enforce', Type.Object({ ...Version, approvedBy: Text(50) }, Strict), ({ ctx, id, body }) => service.extendCase(ctx, id, body));
  act('order', '责令限期支付 / order to pay by a deadline', 'cases.enforce', Type.Object({ ...Version, docNo: DocNo, dueOn: DateOnly, amountFen: Amount }, Strict), ({ ctx, id, body }) => service.orderCase(ctx, id, body));
  act('enforce', '逾期未改正 / record the order unmet', 'cases.enforce', Type.Object(Version, Strict), ({ ctx, id, body }) => service.enforceCase(ctx, id, body));
  act('transfer-police', '移送公安机关（CRM-01 达标） / transfer to the police (CRM-02)', 'cases.enforce', Type.Object({ ...Version, docNo: DocNo }, Strict), ({ ctx, id, body }) => service.transferToPolice(ctx, id, body));
  act('unfounded', '核查不属实办结 / close as unfounded', 'cases.handle', Type.Object({ ...Version, conclusion: StringEnum(CONCLUSION_KEYS) }, Strict), ({ ctx, id, body }) => service.unfoundedCase(ctx, id, body));
  act('settle', '办理完毕（全部支付或转入其他程序） / mark handled', 'cases.handle', Type.Object({ ...Version, conclusion: StringEnum(CONCLUSION_KEYS) }, Strict), ({ ctx, id, body }) => service.settleCase(ctx, id, body));
  act(
    'close',
    '回访办结 / call back and close',
    'cases.handle',
    Type.Object({ ...Version, satisfaction: StringEnum(['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'] as const) }, Strict),
    ({ ctx, id, body }) => service.closeCase(ctx, id, body),
  );

  app.post('/api/cases/:id/findings', {
    config: { access: 'cases.handle' },
    schema: {
      tags,
      summary: '登记核查认定的欠薪金额 / record what verification found owed',
      params: IdParams,
      body: Type.Object({ findings: Type.Array(Type.Object({ caseWorkerId: Uuid, foundOwedFen: Fen }, Strict), { minItems: 1, maxItems: 500 }) }, Strict),
      response: withProblems({ 200: CaseDetail }),
    },
    handler: async (req) => presentCaseDetail(await service.recordFindings(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/payments', {
    config: { access: 'cases.handle', idempotent: true },
    schema: {
      tags,
      summary: '登记追发工资（用人单位、总包先行清偿、建设单位垫付、保证金、应急周转金） / record a payment to a worker',
      params: IdParams,
      body: Type.Object(
        { caseWorkerId: Uuid, amountFen: Amount, paidOn: DateOnly, source: StringEnum(PAYMENT_SOURCE_KEYS), reference: Text(100) },
        Strict,
      ),
      response: withProblems({ 200: CaseDetail }),
    },
    handler: async (req) => presentCaseDetail(await service.recordCasePayment(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/workers/:caseWorkerId/confirmation', {
    config: { access: 'cases.handle' },
    schema: {
      tags,
      summary: '农民工确认收到工资（或无法联系） / the worker confirms receipt, or cannot be reached',
      params: Type.Object({ id: Uuid, caseWorkerId: Uuid }, Strict),
      body: Type.Object({ reached: Type.Boolean() }, Strict),
      response: withProblems({ 200: CaseDetail }),
    },
    handler: async (req) => presentCaseDetail(await service.confirmWorkerPaid(req.ctx, req.params.id, req.params.caseWorkerId, req.body)),
  });

  app.put('/api/cases/:id/checklist', {
    config: { access: 'cases.handle' },
    schema: {
      tags,
      summary: '一案双查：欠薪案件线索核查表（附件4） / the 11-item verification checklist',
      params: IdParams,
      body: Type.Object(
        { version: Type.Integer({ minimum: 1 }), items: Type.Array(Type.Object({ item: StringEnum(CHECKLIST_KEYS), violation: Type.Boolean(), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) }, Strict), { minItems: 1, maxItems: 11 }) },
        Strict,
      ),
      response: withProblems({ 200: CaseDetail }),
    },
    handler: async (req) => presentCaseDetail(await service.answerChecklist(req.ctx, req.params.id, req.body)),
  });

  app.put('/api/cases/:id/supervision', {
    config: { access: 'cases.supervise' },
    schema: {
      tags,
      summary: '挂牌督办、领导包案、专案组 / listed supervision, a leader, a task force',
      params: IdParams,
      body: Type.Object(
        {
          version: Type.Integer({ minimum: 1 }),
          supervision: Type.Array(StringEnum(SUPERVISION_KEYS), { maxItems: 3 }),
          leaderName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
          taskForceUnitIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
        },
        Strict,
      ),
      response: withProblems({ 200: CaseDetail }),
    },
    handler: async (req) => presentCaseDetail(await service.superviseCase(req.ctx, req.params.id, req.body)),
  });

  app.post('/api/cases/:id/reveal-phone', {
    config: { access: 'pii.view_full' },
    schema: {
      tags,
      summary: '查看完整电话（留痕） / read a full phone number, audited',
      params: IdParams,
      body: Type.Object({ clueId: Type.Optional(Uuid), caseWorkerId: Type.Optional(Uuid), reason: Type.String({ minLength: 4, maxLength: 200 }) }, Strict),
      response: withProblems({ 200: Type.Object({ phone: Nullable(Type.String()) }, Strict) }),
    },
    handler: async (req) => service.revealPhone(req.ctx, req.params.id, req.body),
  });

  app.post('/api/incidents', {
    config: { access: 'cases.handle' },
    schema: {
      tags,
      summary: '登记群体性事件 / record a group incident',
      body: Type.Object(
        {
          projectId: Type.Optional(Nullable(Uuid)),
          regionCode: Type.Optional(Nullable(RegionCode)),
          occurredAt: Timestamp,
          place: Text(200),
          people: Type.Integer({ minimum: 1, maximum: 100_000 }),
          responseLevel: StringEnum(['i', 'ii', 'iii', 'iv'] as const),
          extreme: Type.Boolean(),
          measures: Text(5000),
          caseIds: Type.Array(Uuid, { maxItems: 50 }),
        },
        Strict,
      ),
      response: withProblems({ 201: Type.Object({ id: Type.String(), suspensionMarked: Type.Boolean() }, Strict) }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.recordIncident(req.ctx, req.body)),
  });

  app.get('/api/incidents', {
    config: { access: 'cases.read' },
    schema: {
      tags,
      summary: '群体性事件列表 / group incidents in the jurisdiction',
      querystring: Type.Object(PageQuery, Strict),
      response: withProblems({
        200: Paged(
          Type.Object(
            {
              id: Type.String(),
              regionCode: Type.String(),
              projectId: Nullable(Type.String()),
              projectName: Nullable(Type.String()),
              occurredAt: Timestamp,
              place: Type.String(),
              people: Type.Integer(),
              responseLevel: Type.String(),
              extreme: Type.Boolean(),
              measures: Type.String(),
              caseIds: Type.Array(Type.String()),
              suspensionMarked: Type.Boolean(),
              recordedBy: Type.String(),
            },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) => {
      const r = await service.listIncidents(req.ctx, { page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 });
      return {
        ...r,
        items: r.items.map((i) => ({
          id: i.id,
          regionCode: i.region_code,
          projectId: i.project_id,
          projectName: i.project_name,
          occurredAt: i.occurred_at.toISOString(),
          place: i.place,
          people: i.people,
          responseLevel: i.response_level,
          extreme: i.extreme,
          measures: i.measures,
          caseIds: i.case_ids,
          suspensionMarked: i.suspension_marked,
          recordedBy: i.recorded_by,
        })),
      };
    },
  });
}
