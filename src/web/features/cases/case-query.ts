import type { CaseQuery } from './api/get-cases';
import type { ClueQuery, ClueStatus } from './api/get-clues';
import { CASE_STATUS_KEYS, type CaseStatus, clueChannelLabels } from './labels';

/**
 * The cases page keeps its filters in the address, named as the API names them (`status`, `open`,
 * `overdue`, `supervised`, `major`, `q`, plus `page` and `size`), so other pages and notifications
 * can link to a filtered list: `/cases?overdue=true`. An address with no stage filter at all means
 * the open cases. `tab=clues` shows the clue list instead (`clueStatus`, `channel`), and `tab=queue`
 * the public complaints not yet routed (`setAside`). Pure.
 */
export type CaseTab = 'open' | 'overdue' | 'supervised' | 'closed' | 'clues' | 'queue';
export const CASE_TABS: readonly CaseTab[] = ['open', 'overdue', 'supervised', 'closed', 'clues', 'queue'];
/** The tabs that list cases. */
export type CaseListTab = Exclude<CaseTab, 'clues' | 'queue'>;

/** 待分派: `setAside` lists only the complaints that failed to route. */
export interface QueueQuery {
  setAside?: boolean;
  page: number;
  pageSize: number;
}

const PAGE_SIZES = new Set([10, 20, 50, 100]);
const CLUE_STATUSES: readonly ClueStatus[] = ['open', 'in_case', 'intelligence'];

const flag = (v: string | null): boolean | undefined => (v === 'true' ? true : v === 'false' ? false : undefined);
const paging = (search: URLSearchParams) => {
  const page = Number(search.get('page'));
  const size = Number(search.get('size'));
  return { page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: PAGE_SIZES.has(size) ? size : 20 };
};

export function readCaseQuery(search: URLSearchParams): CaseQuery {
  const status = search.get('status') as CaseStatus | null;
  const query: CaseQuery = {
    status: status && CASE_STATUS_KEYS.includes(status) ? status : undefined,
    open: flag(search.get('open')),
    overdue: flag(search.get('overdue')) || undefined,
    supervised: flag(search.get('supervised')),
    major: flag(search.get('major')),
    q: search.get('q')?.trim().slice(0, 100) || undefined,
    ...paging(search),
  };
  if (query.status === undefined && query.open === undefined && query.overdue === undefined && query.supervised === undefined) query.open = true;
  return query;
}

export function readClueQuery(search: URLSearchParams): ClueQuery {
  const status = search.get('clueStatus') as ClueStatus | null;
  const channel = search.get('channel');
  return {
    status: status && CLUE_STATUSES.includes(status) ? status : undefined,
    channel: channel && channel in clueChannelLabels ? channel : undefined,
    ...paging(search),
  };
}

export const readQueueQuery = (search: URLSearchParams): QueueQuery => ({ setAside: flag(search.get('setAside')) || undefined, ...paging(search) });

export function readTab(search: URLSearchParams, query: CaseQuery): CaseTab {
  const tab = search.get('tab');
  return tab === 'clues' || tab === 'queue' ? tab : caseTabOf(query);
}

/** The tab a case query belongs to. */
export function caseTabOf(q: CaseQuery): CaseListTab {
  if (q.status === 'closed' || q.open === false) return 'closed';
  if (q.overdue) return 'overdue';
  if (q.supervised) return 'supervised';
  return 'open';
}

const TAB_FILTERS: Record<CaseListTab, Partial<CaseQuery>> = {
  open: { open: true },
  overdue: { overdue: true },
  supervised: { supervised: true, open: true },
  closed: { status: 'closed' },
};

/** The query on another tab: the keyword and the major filter stay, the stage and the page reset. */
export const switchCaseTab = (q: CaseQuery, tab: CaseListTab): CaseQuery => ({ q: q.q, major: q.major, page: 1, pageSize: q.pageSize, ...TAB_FILTERS[tab] });

/** The address for a case query; defaults (page 1, 20 a page, the open cases) are left out. */
export function caseSearch(q: CaseQuery): URLSearchParams {
  const params = new URLSearchParams();
  const defaultOpen = q.open === true && q.status === undefined && !q.overdue && q.supervised === undefined;
  if (q.status) params.set('status', q.status);
  if (q.open !== undefined && !defaultOpen) params.set('open', String(q.open));
  if (q.overdue) params.set('overdue', 'true');
  if (q.supervised !== undefined) params.set('supervised', String(q.supervised));
  if (q.major !== undefined) params.set('major', String(q.major));
  if (q.q) params.set('q', q.q);
  if (q.page !== 1) params.set('page', String(q.page));
  if (q.pageSize !== 20) params.set('size', String(q.pageSize));
  return params;
}

export function clueSearch(q: ClueQuery): URLSearchParams {
  const params = new URLSearchParams({ tab: 'clues' });
  if (q.status) params.set('clueStatus', q.status);
  if (q.channel) params.set('channel', q.channel);
  if (q.page !== 1) params.set('page', String(q.page));
  if (q.pageSize !== 20) params.set('size', String(q.pageSize));
  return params;
}

export function queueSearch(q: QueueQuery): URLSearchParams {
  const params = new URLSearchParams({ tab: 'queue' });
  if (q.setAside) params.set('setAside', 'true');
  if (q.page !== 1) params.set('page', String(q.page));
  if (q.pageSize !== 20) params.set('size', String(q.pageSize));
  return params;
}
