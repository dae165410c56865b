import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, luhnCheckDigit } from '../../platform/validators';
import {
  type NationalAttendanceInput,
  type NationalProjectInput,
  type NationalProjectWorkerInput,
  decryptFromNational,
  encryptForNational,
  fromNationalAttendance,
  fromNationalDateTime,
  fromNationalProjectWorker,
  methodFromNational,
  toNationalAttendance,
  toNationalDateTime,
  toNationalEntryExit,
  toNationalProject,
  toNationalProjectWorker,
  toNationalProjectWorkerAdd,
  toNationalTeam,
} from './national.mapping';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ID_MAN = id('41030519850312001'); // 17th digit odd: male
const ID_WOMAN = id('65010219920704002');
/** ID_MAN with a wrong check character. */
const BAD_ID = ID_MAN.slice(0, 17) + (ID_MAN[17] === '0' ? '1' : '0');
const CARD = (() => {
  const prefix = '622202100112345678';
  return prefix + luhnCheckDigit(prefix);
})();
const SECRET = '24484b262dd63dd584902a266bdbdca0'; // 32 characters, the platform's usual form
const NOW = new Date('2026-05-01T00:00:00Z');

const worker: NationalProjectWorkerInput = {
  projectCode: 'P410305-0001',
  employerCreditCode: '91410300MA44LW001X',
  employerName: '洛阳某劳务有限公司',
  teamName: '钢筋一班',
  teamSysNo: 1500161164,
  name: '张三',
  idNumber: ID_MAN,
  isTeamLeader: true,
  trade: '020',
  phone: '13800138000',
  bankCardNumber: CARD,
  bankName: '中国工商银行洛阳涧西支行',
  bankCode: '102493000123',
  nativePlace: '河南省洛阳市',
  ethnicity: '汉族',
  education: '初中',
  entryDate: '2026-03-02',
  exitDate: null,
  contractKind: 'labor_contract',
  contractSignedOn: '2026-03-01',
};

describe('encryptForNational', () => {
  it('is AES-CBC/PKCS#7 with the secret as key and its first 16 bytes as IV, base64', () => {
    const cipherText = encryptForNational(ID_MAN, SECRET);
    expect(cipherText).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const decipher = createDecipheriv('aes-256-cbc', Buffer.from(SECRET), Buffer.from(SECRET.slice(0, 16)));
    const plain = Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64')), decipher.final()]).toString('utf8');
    expect(plain).toBe(ID_MAN);
    expect(decryptFromNational(cipherText, SECRET)).toBe(ID_MAN);
  });

  it('uses AES-128 for a 16-byte secret and refuses other lengths', () => {
    const secret16 = SECRET.slice(0, 16);
    const cipherText = encryptForNational(CARD, secret16);
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(secret16), Buffer.from(secret16));
    expect(Buffer.concat([decipher.update(Buffer.from(cipherText, 'base64')), decipher.final()]).toString()).toBe(CARD);
    expect(() => encryptForNational(CARD, 'short')).toThrow(RangeError);
  });

  it('is applied to the ID and bank card numbers only', () => {
    const out = toNationalProjectWorker(worker, { encrypt: (p) => encryptForNational(p, SECRET) });
    expect(decryptFromNational(out.idCardNumber, SECRET)).toBe(ID_MAN);
    expect(decryptFromNational(out.payRollBankCardNumber!, SECRET)).toBe(CARD);
    expect(out.cellPhone).toBe('13800138000');
    expect(out.workerName).toBe('张三');
  });
});

describe('project worker', () => {
  it('maps to the national field names', () => {
    expect(toNationalProjectWorker(worker)).toEqual({
      projectCode: 'P410305-0001',
      corpCode: '91410300MA44LW001X',
      corpName: '洛阳某劳务有限公司',
      teamSysNo: 1500161164,
      teamName: '钢筋一班',
      workerName: '张三',
      isTeamLeader: 1,
      idCardType: '01',
      idCardNumber: ID_MAN,
      workType: '020',
      workRole: 20,
      cellPhone: '13800138000',
      nation: '汉族',
      address: '河南省洛阳市',
      cultureLevelType: '02',
      payRollBankCardNumber: CARD,
      payRollBankName: '中国工商银行洛阳涧西支行',
      bankLinkNumber: '102493000123',
      payRollTopBankCode: '102',
    });
  });

  it('round-trips through the national shape, encrypted on the wire', () => {
    const secret = { encrypt: (p: string) => encryptForNational(p, SECRET), decrypt: (c: string) => decryptFromNational(c, SECRET), now: NOW };
    const back = fromNationalProjectWorker(JSON.parse(JSON.stringify(toNationalProjectWorker(worker, secret))), secret);
    expect(back).toEqual({
      ok: true,
      value: {
        projectCode: worker.projectCode,
        employerCreditCode: worker.employerCreditCode,
        employerName: worker.employerName,
        teamName: worker.teamName,
        teamSysNo: worker.teamSysNo,
        name: worker.name,
        idNumber: ID_MAN,
        gender: 'male',
        birthDate: '1985-03-12',
        isTeamLeader: true,
        trade: '020',
        phone: worker.phone,
        bankCardNumber: CARD,
        bankName: worker.bankName,
        bankCode: worker.bankCode,
        nativePlace: worker.nativePlace,
        ethnicity: worker.ethnicity,
        education: '初中',
      },
    });
  });

  it('reports an invalid ID number as a field error', () => {
    const bad = { ...toNationalProjectWorker(worker), idCardNumber: BAD_ID };
    const result = fromNationalProjectWorker(bad, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].field).toBe('idCardNumber');
    expect(result.errors[0].message.zh).toContain('校验位');
    expect(result.errors[0].message.en).toBeTruthy();
  });

  it('lists every problem, not just the first', () => {
    const result = fromNationalProjectWorker({ projectCode: 'P1', corpCode: 'x', workType: '999', cellPhone: '123', idCardType: '02', idCardNumber: ID_MAN }, { now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['cellPhone', 'corpCode', 'corpName', 'idCardType', 'workType', 'workerName']);
  });

  it('reports a value it cannot decrypt', () => {
    const out = toNationalProjectWorker(worker, { encrypt: (p) => encryptForNational(p, SECRET) });
    const result = fromNationalProjectWorker(out, { decrypt: (c) => decryptFromNational(c, 'ffffffffffffffffffffffffffffffff'), now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toContain('idCardNumber');
  });

  it('groups ProjectWorker.Add bodies by company and team, and entry/exit with the exit when there is one', () => {
    const other = { ...worker, name: '李四', idNumber: ID_WOMAN, isTeamLeader: false, exitDate: '2026-04-30' };
    const elsewhere = { ...worker, teamName: '木工班', teamSysNo: 1500161165 };
    const bodies = toNationalProjectWorkerAdd([worker, elsewhere, other]);
    expect(bodies.map((b) => [b.teamName, b.workerList.map((w) => w.workerName)])).toEqual([
      ['钢筋一班', ['张三', '李四']],
      ['木工班', ['张三']],
    ]);
    const [entryExit] = toNationalEntryExit([worker, other]);
    expect(entryExit.workerList).toEqual([
      { idCardType: '01', idCardNumber: ID_MAN, date: '2026-03-02', type: 1 },
      { idCardType: '01', idCardNumber: ID_WOMAN, date: '2026-03-02', type: 1 },
      { idCardType: '01', idCardNumber: ID_WOMAN, date: '2026-04-30', type: 0 },
    ]);
  });
});

describe('date conversion', () => {
  it('writes Beijing local time, across midnight from UTC', () => {
    // 17:30 UTC on 1 March is 01:30 on 2 March in Shanghai.
    expect(toNationalDateTime('2026-03-01T17:30:05Z')).toBe('2026-03-02 01:30:05');
    expect(toNationalDateTime('2026-03-02T01:30:05+08:00')).toBe('2026-03-02 01:30:05');
    // 23:59 in Shanghai is still 15:59 UTC the same day.
    expect(toNationalDateTime('2026-12-31T15:59:59Z')).toBe('2026-12-31 23:59:59');
    expect(toNationalDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
    expect(() => toNationalDateTime('2026-03-01 17:30:05')).toThrow(RangeError);
  });

  it('reads Beijing local time as +08:00, so an early-morning event is the previous UTC day', () => {
    const iso = fromNationalDateTime('2026-03-02 01:30:05');
    expect(iso).toBe('2026-03-02T01:30:05+08:00');
    expect(new Date(iso!).toISOString()).toBe('2026-03-01T17:30:05.000Z');
    expect(fromNationalDateTime('2026-02-30 08:00:00')).toBeNull();
    expect(fromNationalDateTime('2026-03-02 24:00:00')).toBeNull();
    expect(fromNationalDateTime('2026-03-02T08:00:00')).toBeNull();
  });
});

describe('attendance', () => {
  const events: NationalAttendanceInput[] = [
    { projectCode: 'P410305-0001', teamSysNo: 1500161164, idNumber: ID_MAN, occurredAt: '2026-03-01T23:55:00Z', direction: 'in', method: 'FACE' },
    { projectCode: 'P410305-0001', teamSysNo: 1500161165, idNumber: ID_WOMAN, occurredAt: '2026-03-02T07:58:00+08:00', direction: 'in', method: 'FACE' },
    { projectCode: 'P410305-0001', teamSysNo: 1500161164, idNumber: ID_MAN, occurredAt: '2026-03-02T10:02:00Z', direction: 'out', method: 'FACE' },
  ];

  it('groups by project and team like WorkerAttendance.Add', () => {
    const bodies = toNationalAttendance(events);
    expect(bodies).toEqual([
      {
        projectCode: 'P410305-0001',
        teamSysNo: 1500161164,
        dataList: [
          { idCardType: '01', idCardNumber: ID_MAN, date: '2026-03-02 07:55:00', direction: '01' },
          { idCardType: '01', idCardNumber: ID_MAN, date: '2026-03-02 18:02:00', direction: '02' },
        ],
      },
      { projectCode: 'P410305-0001', teamSysNo: 1500161165, dataList: [{ idCardType: '01', idCardNumber: ID_WOMAN, date: '2026-03-02 07:58:00', direction: '01' }] },
    ]);
  });

  it('round-trips, encrypted on the wire', () => {
    const [body] = toNationalAttendance(events, { encrypt: (p) => encryptForNational(p, SECRET) });
    const parsed = fromNationalAttendance(JSON.parse(JSON.stringify(body)), { decrypt: (c) => decryptFromNational(c, SECRET), now: NOW });
    expect(parsed.errors).toEqual([]);
    expect(parsed.projectCode).toBe('P410305-0001');
    expect(parsed.teamSysNo).toBe(1500161164);
    expect(parsed.events.map(({ sourceEventId: _, ...e }) => e)).toEqual([
      { index: 0, idNumber: ID_MAN, occurredAt: '2026-03-02T07:55:00+08:00', direction: 'in', method: 'FACE' },
      { index: 1, idNumber: ID_MAN, occurredAt: '2026-03-02T18:02:00+08:00', direction: 'out', method: 'FACE' },
    ]);
    expect(new Date(parsed.events[0].occurredAt).getTime()).toBe(new Date(events[0].occurredAt).getTime());
  });

  it('gives a stable sourceEventId, so a re-sent body is idempotent', () => {
    const body = { projectCode: 'P1', teamSysNo: '1500161164', dataList: [{ idCardType: '01', idCardNumber: ID_MAN, date: '2026-03-02 07:55:00', direction: '01' }] };
    const first = fromNationalAttendance(body, { now: NOW }).events[0];
    const again = fromNationalAttendance(structuredClone(body), { now: NOW }).events[0];
    expect(first.sourceEventId).toMatch(/^[0-9a-f]{32}$/);
    expect(again.sourceEventId).toBe(first.sourceEventId);
    // The same event sent encrypted, or with a lower-case x, is still the same event.
    const lower = fromNationalAttendance({ ...body, dataList: [{ ...body.dataList[0], idCardNumber: ID_MAN.toLowerCase() }] }, { now: NOW }).events[0];
    expect(lower.sourceEventId).toBe(first.sourceEventId);
    const out = fromNationalAttendance({ ...body, dataList: [{ ...body.dataList[0], direction: '02' }] }, { now: NOW }).events[0];
    expect(out.sourceEventId).not.toBe(first.sourceEventId);
  });

  it('reports bad items by index and keeps the good ones', () => {
    const parsed = fromNationalAttendance(
      {
        projectCode: 'P1',
        teamSysNo: 1,
        dataList: [
          { idCardType: '01', idCardNumber: ID_MAN, date: '2026-03-02 07:55:00', direction: '01', attendType: '指纹' },
          { idCardType: '01', idCardNumber: BAD_ID, date: '2026-03-02 07:56:00', direction: '03' },
          'junk',
        ],
      },
      { now: NOW },
    );
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0].method).toBe('FINGER');
    expect(parsed.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'dataList[1].idCardNumber'],
      [1, 'dataList[1].direction'],
      [2, 'dataList[2]'],
    ]);
    expect(fromNationalAttendance({ dataList: 'x' }).errors.map((e) => [e.index, e.field])).toEqual([
      [null, 'projectCode'],
      [null, 'dataList'],
    ]);
  });

  it('maps channel and attendType to our method, face by default', () => {
    expect(methodFromNational('GPS_FENCE', null)).toBe('GPS_FENCE');
    expect(methodFromNational(null, '东门闸机卡口')).toBe('FACE');
    expect(methodFromNational(null, '1号门刷卡')).toBe('CARD');
    expect(methodFromNational('虹膜识别', '1号门')).toBe('IRIS');
    expect(methodFromNational('001', null)).toBe('FACE');
  });
});

describe('project and team', () => {
  const project: NationalProjectInput = {
    code: 'P410305-0001',
    name: '涧西区某安置房项目',
    commonName: null,
    regionCode: '410305001',
    address: '洛阳市涧西区某路1号',
    industry: 'building',
    investmentType: 'government',
    contractPriceFen: 12_345_678_901,
    plannedStart: '2026-03-01',
    plannedEnd: '2027-06-30',
    actualStart: '2026-03-02',
    actualEnd: null,
    status: 'in_progress',
    owner: { creditCode: '11410305MB1234567X', name: '涧西区住房保障中心' },
    generalContractor: { creditCode: '91410300MA40000001', name: '某建设集团有限公司' },
    subcontractors: [{ creditCode: '91410300MA44LW001X', name: '洛阳某劳务有限公司', parentCreditCode: '91410300MA40000001', amountFen: 100_000_00, kind: 'labour' }],
    laborOfficerName: '王五',
    laborOfficerPhone: null,
  };

  it('writes yuan with two decimals and the county area code', () => {
    const { project: out, participants } = toNationalProject(project);
    expect(out).toEqual({
      projectCode: 'P410305-0001',
      name: '涧西区某安置房项目',
      contractorCorpCode: '91410300MA40000001',
      contractorCorpName: '某建设集团有限公司',
      buildCorpCode: '11410305MB1234567X',
      buildCorpName: '涧西区住房保障中心',
      category: '01',
      investType: '01',
      areaCode: '410305',
      address: '洛阳市涧西区某路1号',
      totalContractAmt: '123456789.01',
      startDate: '2026-03-02',
      completeDate: '2027-06-30',
      prjStatus: '003',
      linkMan: '王五',
    });
    expect(participants.map((p) => [p.corpCode, p.corpType])).toEqual([
      ['11410305MB1234567X', '008'],
      ['91410300MA40000001', '009'],
      ['91410300MA44LW001X', '006'],
    ]);
  });

  it('encrypts the team leader ID number', () => {
    const team = toNationalTeam(
      { projectCode: 'P1', employerCreditCode: '91410300MA44LW001X', employerName: '劳务公司', teamName: '钢筋一班', teamSysNo: null, leaderIdNumber: ID_MAN },
      { encrypt: (p) => encryptForNational(p, SECRET) },
    );
    expect(team).toEqual({ projectCode: 'P1', corpCode: '91410300MA44LW001X', corpName: '劳务公司', teamName: '钢筋一班', teamLeaderIdNumber: encryptForNational(ID_MAN, SECRET) });
  });
});
