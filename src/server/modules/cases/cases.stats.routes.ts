import { Readable } from 'node:stream';
import { type TInteger, type TNull, type TUnion, Type } from '@sinclair/typebox';
import { sendXlsx } from '../../platform/http/files';
import { Bilingual, DateOnly, Nullable, RegionCode, RegionQuery, Strict, Timestamp, withProblems } from '../../platform/http/schemas';
import type { App } from '../../platform/http/types';
import { FIGURE_KEYS, type FigureKey, PROJECT_KINDS, type ProjectKind } from './cases.stats.layout';
import { caseDashboard, caseStatistics } from './cases.stats';
import { presentDashboard } from './cases.stats.presenter';
import { statisticsFileName, statisticsWorkbook } from './cases.stats.xlsx';

const tags = ['cases'];

const StatisticsQuery = Type.Object(
  {
    from: DateOnly,
    to: DateOnly,
    regionCode: Type.Optional(RegionCode),
    campaign: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: '专项行动名称（用于表头） / campaign name for the title' })),
  },
  Strict,
);

const Figures = Type.Object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, Nullable(Type.Integer())])) as Record<FigureKey, TUnion<[TInteger, TNull]>>, {
  ...Strict,
  description: '每项数字；金额以分计（键名以 Fen 结尾）；null 表示平台无数据来源（报表填「—」） / figures; money in fen; null where the platform has no source',
});

const ProjectFigures = Type.Object({ checkedProjects: Type.Integer(), arrearsProjects: Type.Integer(), arrearsFen: Type.Integer(), arrearsWorkers: Type.Integer() }, Strict);

const Statistics = Type.Object(
  {
    regionCode: Type.String(),
    regionName: Type.String(),
    reportingUnit: Type.String(),
    from: DateOnly,
    to: DateOnly,
    campaign: Nullable(Type.String()),
    preparedBy: Type.String(),
    preparedOn: DateOnly,
    rows: Type.Array(Type.Object({ key: Type.String(), label: Bilingual, figures: Figures }, Strict)),
    other: Type.Object(
      {
        projects: Type.Object(Object.fromEntries(PROJECT_KINDS.map((k) => [k.key, ProjectFigures])) as Record<ProjectKind, typeof ProjectFigures>, Strict),
        publishedViolators: Nullable(Type.Integer()),
        blacklisted: Nullable(Type.Integer()),
      },
      Strict,
    ),
    empty: Type.Boolean(),
  },
  Strict,
);

const DashboardCase = Type.Object(
  {
    id: Type.String(),
    caseNo: Type.String(),
    title: Type.String(),
    status: Type.String(),
    statusLabel: Bilingual,
    regionName: Type.String(),
    handlingUnitName: Nullable(Type.String()),
    stageDueOn: Nullable(DateOnly),
    daysOverdue: Nullable(Type.Integer()),
    escalationLevel: Type.Integer(),
    major: Type.Boolean(),
    supervision: Type.Array(Type.String()),
    leaderName: Nullable(Type.String()),
    owedFen: Type.Integer(),
    recoveredFen: Type.Integer(),
  },
  Strict,
);

const Dashboard = Type.Object(
  {
    regionCode: Type.String(),
    regionName: Type.String(),
    today: DateOnly,
    month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
    asOf: Timestamp,
    open: Type.Object({ total: Type.Integer(), byStage: Type.Array(Type.Object({ status: Type.String(), label: Bilingual, count: Type.Integer() }, Strict)) }, Strict),
    overdue: Type.Object({ count: Type.Integer(), escalated: Type.Integer(), items: Type.Array(DashboardCase) }, Strict),
    supervised: Type.Object({ listed: Type.Integer(), leader: Type.Integer(), taskForce: Type.Integer(), major: Type.Integer(), items: Type.Array(DashboardCase) }, Strict),
    money: Type.Object(
      {
        monthRecoveredFen: Type.Integer(),
        monthRecoveredWorkers: Type.Integer(),
        monthNewOwedFen: Type.Integer(),
        openOwedFen: Type.Integer(),
        openRecoveredFen: Type.Integer(),
        openOutstandingFen: Type.Integer(),
      },
      Strict,
    ),
    incidents: Type.Object(
      {
        count: Type.Integer(),
        people: Type.Integer(),
        extreme: Type.Integer(),
        items: Type.Array(
          Type.Object(
            { id: Type.String(), occurredAt: Timestamp, place: Type.String(), people: Type.Integer(), responseLevel: Type.String(), extreme: Type.Boolean(), projectName: Nullable(Type.String()), caseCount: Type.Integer() },
            Strict,
          ),
        ),
      },
      Strict,
    ),
    byRegion: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), open: Type.Integer(), overdue: Type.Integer(), major: Type.Integer() }, Strict)),
  },
  Strict,
);

/** 附件1 statistics (JSON and the official .xlsx) and the leader's case dashboard. */
export async function casesStatsRoutes(app: App) {
  app.get('/api/cases/statistics', {
    config: { access: 'cases.read' },
    schema: {
      tags,
      summary: '根治欠薪专项行动情况统计（附件1，按用人单位类型） / the 附件1 statistics by employer type',
      querystring: StatisticsQuery,
      response: withProblems({ 200: Statistics }),
    },
    handler: async (req) => caseStatistics(req.ctx, req.query),
  });

  app.get('/api/cases/statistics.xlsx', {
    config: { access: 'cases.read' },
    schema: { tags, summary: '导出附件1统计表（官方格式） / export the 附件1 table (.xlsx, official layout)', querystring: StatisticsQuery },
    handler: async (req, reply) => {
      const s = await caseStatistics(req.ctx, req.query);
      return sendXlsx(reply, statisticsFileName(s), Readable.from([await statisticsWorkbook(s)]));
    },
  });

  app.get('/api/cases/dashboard', {
    config: { access: 'cases.read' },
    schema: { tags, summary: '领导案件看板 / the leader’s case dashboard', querystring: RegionQuery, response: withProblems({ 200: Dashboard }) },
    handler: async (req) => presentDashboard(await caseDashboard(req.ctx, req.query)),
  });
}
