import { useMutation } from '@tanstack/react-query';
import type {
  NationalAttendanceBody,
  NationalEntryExitBody,
  NationalParticipant,
  NationalProject,
  NationalProjectWorkerBody,
  NationalTeam,
} from '../../../../server/modules/national/national.mapping';
import { api, saveBlob } from '../../../lib/api-client';

/** The body of POST /api/projects/:id/national-export: at most 31 days of attendance, and why. */
export interface NationalExportInput {
  from: string;
  to: string;
  reason: string;
}

/**
 * The answer: the bodies of Project.Add, ProjectSubContractor.Add, Team.Add, ProjectWorker.Add,
 * WorkerEntryExit.Add and WorkerAttendance.Add, ID and card numbers encrypted with the project's
 * platform secret (the route passes them through as open objects; the mapping's types describe them).
 */
export interface NationalExport {
  projectCode: string;
  from: string;
  to: string;
  project: NationalProject;
  participants: NationalParticipant[];
  teams: NationalTeam[];
  projectWorkers: NationalProjectWorkerBody[];
  entryExits: NationalEntryExitBody[];
  attendance: NationalAttendanceBody[];
  teamsWithoutSysNo: number;
}

export interface NationalExportSummary {
  participants: number;
  teams: number;
  workers: number;
  entryExits: number;
  attendance: number;
  teamsWithoutSysNo: number;
}

const sum = <T>(list: readonly T[], size: (item: T) => number) => list.reduce((n, item) => n + size(item), 0);

/** What an export holds, counted the way the platform receives it (people and records, not bodies). */
export const summarizeExport = (e: NationalExport): NationalExportSummary => ({
  participants: e.participants.length,
  teams: e.teams.length,
  workers: sum(e.projectWorkers, (b) => b.workerList.length),
  entryExits: sum(e.entryExits, (b) => b.workerList.length),
  attendance: sum(e.attendance, (b) => b.dataList.length),
  teamsWithoutSysNo: e.teamsWithoutSysNo,
});

const nationalExportFileName = (e: Pick<NationalExport, 'projectCode' | 'from' | 'to'>) => `${e.projectCode}-全国平台数据-${e.from}至${e.to}.json`;

/**
 * Asks for the export (a full-value personal-data export, audited with the reason) and saves it as
 * a JSON file; the page keeps only the file's name and the counts, not the personal data.
 */
export async function exportNational({ projectId, ...body }: NationalExportInput & { projectId: string }): Promise<{ fileName: string; summary: NationalExportSummary }> {
  const data = await api.post<NationalExport>(`/api/projects/${projectId}/national-export`, body);
  const fileName = nationalExportFileName(data);
  saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), fileName);
  return { fileName, summary: summarizeExport(data) };
}

export const useExportNational = () => useMutation({ mutationFn: exportNational });
