import { Type } from '@sinclair/typebox';
import { Bilingual, DateOnly, IdParams, Nullable, RegionCode, Strict, StringEnum, Uuid, withProblems } from '../../platform/http/schemas';
import { ImportReport, sendXlsx } from '../../platform/http/files';
import type { App } from '../../platform/http/types';
import { readUpload } from '../../platform/http/upload';
import { IMPORT_MODES } from '../../platform/import-run';
import { ATTENDANCE_METHODS } from '../workforce/workforce.codes';
import { attendanceImportTemplate, importAttendance } from './attendance.import';
import * as service from './attendance.service';

const minutes = (first: Date | null, last: Date | null) => (first && last ? Math.round((last.getTime() - first.getTime()) / 60000) : 0);
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });

/** What a batch of events did, whichever way it came (device, import, national body). */
export const EventCounts = {
  received: Type.Integer(),
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  unknownWorkers: Type.Integer({ description: '未实名登记人员的考勤（已保留）' }),
  notOnRoster: Type.Integer(),
  keyStaff: Type.Integer(),
};

export async function attendanceRoutes(app: App) {
  app.post('/api/attendance/batches', {
    config: { access: 'attendance.ingest' },
    // A device posts about 150 bytes per event; 1,000 events stay well under the body limit.
    schema: {
      tags: ['attendance'],
      summary: '现场设备批量上传考勤 / site device batch upload',
      description: 'Bearer device key bound to the project. Each event is idempotent by eventId; re-sending a batch creates nothing twice.',
      body: Type.Object(
        {
          projectCode: Type.String({ minLength: 1, maxLength: 40 }),
          deviceCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
          events: Type.Array(
            Type.Object(
              {
                eventId: Type.String({ minLength: 1, maxLength: 64 }),
                idNumber: Type.String({ minLength: 15, maxLength: 18 }),
                time: Type.String({ minLength: 19, maxLength: 35, description: 'ISO 8601 with offset, or yyyy-MM-dd HH:mm:ss (Beijing time)' }),
                direction: StringEnum(['in', 'out'] as const),
                method: StringEnum(Object.keys(ATTENDANCE_METHODS)),
              },
              Strict,
            ),
            { minItems: 1, maxItems: 2000 },
          ),
        },
        Strict,
      ),
      response: withProblems({
        200: Type.Object(
          { ...EventCounts, rejected: Type.Array(Type.Object({ index: Type.Integer(), eventId: Type.String(), reason: Bilingual }, Strict)) },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.ingestBatch(req.ctx, req.body),
  });

  app.get('/api/projects/:id/attendance/day', {
    config: { access: 'attendance.read' },
    schema: {
      tags: ['attendance'],
      summary: '项目某日考勤 / a project day',
      params: IdParams,
      querystring: Type.Object({ date: DateOnly }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            date: DateOnly,
            roster: Type.Array(
              Type.Object(
                {
                  workerId: Type.String(),
                  name: Type.String(),
                  idNumber: Type.String(),
                  teamName: Nullable(Type.String()),
                  employerName: Type.String(),
                  present: Type.Boolean(),
                  minutes: Type.Integer(),
                  firstAt: Nullable(Type.String()),
                  lastAt: Nullable(Type.String()),
                  corrected: Type.Boolean(),
                  correctionReason: Nullable(Type.String()),
                },
                Strict,
              ),
            ),
            exceptions: Type.Array(
              Type.Object(
                { at: Type.String(), direction: Type.String(), method: Type.String(), methodAllowed: Type.Boolean(), status: Type.String(), keyStaffRole: Nullable(Type.String()), workerName: Nullable(Type.String()), deviceCode: Nullable(Type.String()) },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => {
      const { roster, exceptions } = await service.projectDay(req.ctx, req.params.id, req.query.date);
      return {
        date: req.query.date,
        roster: roster.map((r) => ({
          workerId: r.worker_id,
          name: r.name,
          idNumber: r.id_mask,
          teamName: r.team_name,
          employerName: r.employer_name,
          present: r.present_override ?? (r.event_count ?? 0) > 0,
          minutes: r.minutes_override ?? minutes(r.first_at, r.last_at),
          firstAt: r.first_at?.toISOString() ?? null,
          lastAt: r.last_at?.toISOString() ?? null,
          corrected: r.present_override !== null,
          correctionReason: r.correction_reason,
        })),
        exceptions: exceptions.map((e) => ({
          at: e.occurred_at.toISOString(),
          direction: e.direction,
          method: e.method,
          methodAllowed: e.method_allowed,
          status: e.status,
          keyStaffRole: e.key_staff_role,
          workerName: e.worker_name,
          deviceCode: e.device_code,
        })),
      };
    },
  });

  app.get('/api/workers/:id/attendance', {
    config: { access: 'attendance.read' },
    schema: {
      tags: ['attendance'],
      summary: '个人考勤月历 / a worker’s month',
      params: IdParams,
      querystring: Type.Object({ month: Month }, Strict),
      response: withProblems({
        200: Type.Array(
          Type.Object(
            { date: DateOnly, projectId: Type.String(), projectName: Type.String(), present: Type.Boolean(), minutes: Type.Integer(), corrected: Type.Boolean(), correctionReason: Nullable(Type.String()) },
            Strict,
          ),
        ),
      }),
    },
    handler: async (req) =>
      (await service.workerMonth(req.ctx, req.params.id, req.query.month)).map((d) => ({
        date: d.work_date,
        projectId: d.project_id,
        projectName: d.project_name,
        present: d.present_override ?? d.event_count > 0,
        minutes: d.minutes_override ?? minutes(d.first_at, d.last_at),
        corrected: d.present_override !== null,
        correctionReason: d.correction_reason,
      })),
  });

  app.put('/api/projects/:id/attendance/daily', {
    config: { access: 'attendance.write' },
    schema: {
      tags: ['attendance'],
      summary: '人工更正考勤（须说明原因，留痕） / correct a day (with reason, audited)',
      params: IdParams,
      body: Type.Object(
        { workerId: Uuid, date: DateOnly, present: Type.Boolean(), minutes: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1440 }))), reason: Type.String({ minLength: 4, maxLength: 200 }) },
        Strict,
      ),
      response: withProblems({ 204: Type.Null() }),
    },
    handler: async (req, reply) => {
      await service.correctDay(req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/projects/:id/attendance/stats', {
    config: { access: 'attendance.read' },
    schema: {
      tags: ['attendance'],
      summary: '关键岗位到岗率与实名制更新率 / key-staff on-site rates and real-name rate',
      params: IdParams,
      querystring: Type.Object({ from: DateOnly, to: DateOnly }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            from: DateOnly,
            to: DateOnly,
            workingDays: Type.Integer(),
            projectManagerDays: Type.Integer(),
            projectManagerRate: Rate,
            chiefSupervisorDays: Type.Integer(),
            chiefSupervisorRate: Rate,
            onSite: Type.Integer(),
            registered: Type.Integer(),
            realNameRate: Rate,
            gateViolations: Type.Integer(),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.projectStats(req.ctx, req.params.id, req.query.from, req.query.to),
  });

  const KeyStaffRates = {
    projectManagerDays: Type.Integer(),
    projectManagerRate: Rate,
    chiefSupervisorDays: Type.Integer(),
    chiefSupervisorRate: Rate,
  };
  app.get('/api/attendance/real-name-rates', {
    config: { access: 'attendance.read' },
    schema: {
      tags: ['attendance'],
      summary: '辖区实名制更新率与关键岗位到岗率 / real-name and key-staff rates of a region',
      description: 'Projects in the caller’s scope (narrowed to regionCode) under construction or with attendance in the period.',
      querystring: Type.Object({ regionCode: Type.Optional(RegionCode), from: DateOnly, to: DateOnly }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            from: DateOnly,
            to: DateOnly,
            workingDays: Type.Integer(),
            total: Type.Object({ projects: Type.Integer(), onSite: Type.Integer(), registered: Type.Integer(), realNameRate: Rate, gateViolations: Type.Integer() }, Strict),
            projects: Type.Array(
              Type.Object(
                {
                  projectId: Type.String(),
                  code: Type.String(),
                  name: Type.String(),
                  regionCode: Type.String(),
                  regionName: Type.String(),
                  status: Type.String(),
                  ...KeyStaffRates,
                  onSite: Type.Integer(),
                  registered: Type.Integer(),
                  realNameRate: Rate,
                  gateViolations: Type.Integer(),
                },
                Strict,
              ),
            ),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => service.regionRealNameRates(req.ctx, req.query),
  });

  app.post('/api/projects/:id/attendance/import', {
    config: { access: 'attendance.write' },
    schema: {
      tags: ['attendance'],
      summary: '导入考勤（无考勤设备的项目） / import attendance (sites without devices)',
      description: 'multipart/form-data with one .xlsx or .csv in the template layout; mode as for the other imports. Re-importing a sheet adds nothing twice.',
      params: IdParams,
      querystring: Type.Object({ mode: Type.Optional(StringEnum(IMPORT_MODES)) }, Strict),
      response: withProblems({
        200: Type.Object(
          {
            ...ImportReport.properties,
            events: Type.Object(EventCounts, Strict),
          },
          Strict,
        ),
      }),
    },
    handler: async (req) => importAttendance(req.ctx, req.params.id, await readUpload(req), req.query.mode ?? 'strict'),
  });

  app.get('/api/projects/:id/attendance/import-template', {
    config: { access: 'attendance.write' },
    schema: { tags: ['attendance'], summary: '考勤导入模板 / the attendance import template', params: IdParams },
    handler: async (req, reply) => {
      const { name, stream } = await attendanceImportTemplate(req.ctx, req.params.id);
      return sendXlsx(reply, name, stream);
    },
  });
}
