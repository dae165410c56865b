import { describe, expect, it } from 'vitest';
import type { MyComplaintCase, MyPayment } from './api/my-complaints';
import { awaitingCount, complaintBody, deadlineOf, newComplaintKey, paymentState } from './my-complaint-form';

const day = (d: string) => ({ format: () => d });
const o = { idempotencyKey: 'wc-key-0001', defaultEmployerName: '东城建工集团有限公司', fileIds: ['f1'] };

describe('complaintBody', () => {
  it('turns yuan into fen, drops blank co-worker rows and leaves out the registry’s own employer', () => {
    const r = complaintBody(
      {
        projectId: 'p1',
        employerName: ' 东城建工集团有限公司 ',
        claimed: '6800.5',
        period: [day('2026-01-01'), day('2026-02-28')],
        description: ' 两个月工资未发 ',
        coWorkers: [{ name: ' 蒙大壮 ', claimed: 5200 }, {}, undefined, { name: '  ' }],
      },
      o,
    );
    expect(r.problems).toEqual([]);
    expect(r.body).toEqual({
      idempotencyKey: 'wc-key-0001',
      projectId: 'p1',
      claimedFen: 680_050,
      coWorkers: [{ name: '蒙大壮', claimedFen: 520_000 }],
      periodFrom: '2026-01-01',
      periodTo: '2026-02-28',
      description: '两个月工资未发',
      fileIds: ['f1'],
    });
  });

  it('names another employer only when the worker wrote one', () => {
    const r = complaintBody({ projectId: 'p1', employerName: '包工头王某', claimed: '100', description: '未发' }, o);
    expect(r.body).toMatchObject({ employerName: '包工头王某', periodFrom: null, periodTo: null });
  });

  it('marks each field in the way: no project, an amount that is not yuan, a co-worker without name or amount', () => {
    const r = complaintBody({ claimed: '12.345', description: ' ', coWorkers: [{ claimed: '10' }, { name: '韦二', claimed: '0' }] }, o);
    expect(r.body).toBeNull();
    expect(r.problems.map((p) => p.name)).toEqual([['projectId'], ['claimed'], ['coWorkers', 0, 'name'], ['coWorkers', 1, 'claimed'], ['description']]);
  });
});

describe('what a case and a payment wait for', () => {
  const payment = (o: Partial<MyPayment> = {}): MyPayment => ({ id: 'x', amountFen: 1, paidOn: '2026-03-02', sourceLabel: { zh: '', en: '' }, reference: 'r', answer: null, answeredAt: null, note: null, awaiting: false, ...o });

  it('tells a payment waiting for the worker from one answered, one confirmed by the official’s call, one in a closed case', () => {
    expect(paymentState(payment({ awaiting: true }), 'accepted')).toBe('awaiting');
    expect(paymentState(payment({ answer: 'confirmed', answeredAt: 't' }), 'accepted')).toBe('confirmed');
    expect(paymentState(payment({ answer: 'disputed', answeredAt: 't' }), 'closed')).toBe('disputed');
    expect(paymentState(payment(), 'accepted')).toBe('confirmed_for_you');
    expect(paymentState(payment(), 'closed')).toBe('closed');
  });

  it('shows the acceptance deadline while received, the stage deadline after, none once closed', () => {
    expect(deadlineOf({ status: 'received', acceptBy: '2026-03-09', stageDueOn: '2026-03-03' })).toEqual({ kind: 'accept', on: '2026-03-09' });
    expect(deadlineOf({ status: 'accepted', acceptBy: null, stageDueOn: '2026-03-04' })).toEqual({ kind: 'stage', on: '2026-03-04' });
    expect(deadlineOf({ status: 'closed', acceptBy: null, stageDueOn: null })).toBeNull();
  });

  it('counts the payments awaiting the worker across their cases', () => {
    const c = (payments: MyPayment[]) => ({ payments }) as MyComplaintCase;
    expect(awaitingCount([c([payment({ awaiting: true }), payment()]), c([payment({ awaiting: true })])])).toBe(2);
  });

  it('makes a fresh key for each form', () => {
    expect(newComplaintKey()).toMatch(/^wc-[0-9a-f]{32}$/);
    expect(newComplaintKey()).not.toBe(newComplaintKey());
  });
});
