import { downloadFile } from '../../../lib/api-client';
import type { ProjectFilters } from './get-projects';

/** Downloads the ledger (附件2 layout) with the list's filters; the file also serves as the import template. */
export const exportProjects = (filters: ProjectFilters) => downloadFile('/api/projects/export', { ...filters }, '在建项目台账.xlsx');
