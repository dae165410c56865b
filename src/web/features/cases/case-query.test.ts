import { describe, expect, it } from 'vitest';
import { caseSearch, caseTabOf, clueSearch, queueSearch, readCaseQuery, readClueQuery, readQueueQuery, readTab, switchCaseTab } from './case-query';

const read = (qs: string) => readCaseQuery(new URLSearchParams(qs));

describe('the cases list address', () => {
  it('means the open cases when no stage filter is given', () => {
    expect(read('')).toEqual({ open: true, page: 1, pageSize: 20, status: undefined, overdue: undefined, supervised: undefined, major: undefined, q: undefined });
    expect(caseSearch(read('')).toString()).toBe('');
  });

  it('reads the API names and drops what is not valid', () => {
    const q = read('status=accepted&major=true&q=%20甲公司%20&page=3&size=50&overdue=maybe&supervised=1');
    expect(q).toMatchObject({ status: 'accepted', major: true, q: '甲公司', page: 3, pageSize: 50 });
    expect(q.overdue).toBeUndefined();
    expect(q.supervised).toBeUndefined();
    expect(read('status=lost').status).toBeUndefined();
    expect(read('page=-2&size=7')).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('round-trips each tab through the address', () => {
    for (const tab of ['open', 'overdue', 'supervised', 'closed'] as const) {
      const q = switchCaseTab(read('q=x&major=true&status=accepted&page=4'), tab);
      expect(q.page).toBe(1);
      expect(q.q).toBe('x');
      expect(q.major).toBe(true);
      expect(q.status === 'accepted').toBe(false);
      const back = read(caseSearch(q).toString());
      expect(caseTabOf(back)).toBe(tab);
      expect(back).toEqual(q);
    }
    expect(caseSearch(switchCaseTab(read(''), 'overdue')).toString()).toBe('overdue=true');
    expect(caseSearch(switchCaseTab(read(''), 'supervised')).toString()).toBe('open=true&supervised=true');
    expect(caseSearch(switchCaseTab(read(''), 'closed')).toString()).toBe('status=closed');
  });

  it('places a link with only a stage on the tab of that stage', () => {
    expect(caseTabOf(read('status=closed'))).toBe('closed');
    expect(caseTabOf(read('open=false'))).toBe('closed');
    expect(caseTabOf(read('status=ordered'))).toBe('open');
    expect(readTab(new URLSearchParams('tab=clues&overdue=true'), read('overdue=true'))).toBe('clues');
  });

  it('reads and writes the clue list filters', () => {
    const q = readClueQuery(new URLSearchParams('tab=clues&clueStatus=intelligence&channel=anonymous_tip&size=50'));
    expect(q).toEqual({ status: 'intelligence', channel: 'anonymous_tip', page: 1, pageSize: 50 });
    expect(clueSearch(q).toString()).toBe('tab=clues&clueStatus=intelligence&channel=anonymous_tip&size=50');
    expect(readClueQuery(new URLSearchParams('clueStatus=x&channel=fax'))).toEqual({ status: undefined, channel: undefined, page: 1, pageSize: 20 });
  });

  it('reads and writes the 待分派 list, set-aside only or all', () => {
    const search = new URLSearchParams('tab=queue&setAside=true&page=2');
    expect(readTab(search, read('overdue=true'))).toBe('queue');
    const q = readQueueQuery(search);
    expect(q).toEqual({ setAside: true, page: 2, pageSize: 20 });
    expect(queueSearch(q).toString()).toBe('tab=queue&setAside=true&page=2');
    expect(queueSearch(readQueueQuery(new URLSearchParams('tab=queue&setAside=no&size=7'))).toString()).toBe('tab=queue');
    expect(readTab(new URLSearchParams('tab=other'), read(''))).toBe('open');
  });
});
