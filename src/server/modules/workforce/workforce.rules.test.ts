import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../platform/validators';
import { CONTRACT_KINDS, ID_TYPES, NATIONAL_DIRECTION, TRADES, WAGE_TYPES } from './workforce.codes';
import { type EmploymentFacts, MIN_WORKING_AGE, type WorkerFacts, ageOn, checkEmployment, checkExit, checkWorker } from './workforce.rules';

// The validators themselves (every single-character change, province codes, dates from 1900, the
// Luhn and mobile vectors) are tested in src/server/platform/validators.test.ts; here, how the
// registry applies them to a worker.

/** GB 11643-1999 (ISO 7064 MOD 11-2), computed independently of the code under test. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (first17: string) => '10X98765432'[[...first17].reduce((sum, ch, i) => sum + Number(ch) * WEIGHTS[i], 0) % 11];
/** A valid ID number: region, birth date YYYYMMDD, sequence (odd = man), check character. */
const idOf = (region: string, birth: string, seq: string) => {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  return first17 + checkChar(first17);
};

// The specimen number printed in GB 11643-1999 and most descriptions of it (a woman born 1949-12-31).
const PUBLISHED = '11010519491231002X';
const NOW = new Date('2026-03-01T04:00:00Z'); // 12:00 in Beijing
const MAN = idOf('440305', '1990-03-07', '123');
const CARD = '622848004123456789' + luhnCheckDigit('622848004123456789');

const worker = (over: Partial<WorkerFacts> = {}): WorkerFacts => ({ name: '张三丰', idNumber: MAN, phone: '13912345678', bankCard: CARD, ...over });
const problemsOf = (w: WorkerFacts, now = NOW) => {
  const result = checkWorker(w, now);
  return result.ok ? [] : result.problems;
};
const fieldsOf = (w: WorkerFacts, now = NOW) => problemsOf(w, now).map((p) => p.field);

describe('RN-02 ID number (GB 11643)', () => {
  it('RN-02 the test helper agrees with the published specimen 11010519491231002X', () => {
    expect(checkChar(PUBLISHED.slice(0, 17))).toBe('X');
  });

  it('RN-02 accepts the published specimen and derives a woman born 1949-12-31', () => {
    const result = checkWorker(worker({ idNumber: PUBLISHED }), NOW);
    expect(result).toEqual({
      ok: true,
      value: { name: '张三丰', idNumber: PUBLISHED, birthDate: '1949-12-31', gender: 'female', phone: '13912345678', bankCard: CARD },
    });
  });

  it('RN-02 refuses the specimen with one digit changed (sequence 002 → 003), on the check character', () => {
    const problems = problemsOf(worker({ idNumber: '11010519491231003X' }));
    expect(problems).toEqual([{ field: 'idNumber', message: expect.objectContaining({ zh: expect.stringContaining('校验位') }) }]);
  });

  it('RN-02 refuses a wrong check character and two swapped digits', () => {
    expect(fieldsOf(worker({ idNumber: `${PUBLISHED.slice(0, 17)}0` }))).toEqual(['idNumber']);
    // 0 and 2 of the sequence swapped: 11010519491231 200 X.
    expect(fieldsOf(worker({ idNumber: '11010519491231200X' }))).toEqual(['idNumber']);
  });

  it('RN-02 stores the number normalized: trimmed, with an upper-case X', () => {
    const result = checkWorker(worker({ idNumber: ` ${PUBLISHED.toLowerCase()} ` }), NOW);
    expect(result.ok && result.value.idNumber).toBe(PUBLISHED);
  });

  it('RN-02 derives birth date and gender from a generated number (odd sequence = man, even = woman)', () => {
    const man = checkWorker(worker({ idNumber: MAN }), NOW);
    expect(man.ok && { birthDate: man.value.birthDate, gender: man.value.gender }).toEqual({ birthDate: '1990-03-07', gender: 'male' });
    const woman = checkWorker(worker({ idNumber: idOf('650102', '2000-02-29', '468') }), NOW);
    expect(woman.ok && { birthDate: woman.value.birthDate, gender: woman.value.gender }).toEqual({ birthDate: '2000-02-29', gender: 'female' });
  });

  it('RN-02 refuses a birth date that is not a real day or lies after today in Beijing', () => {
    expect(fieldsOf(worker({ idNumber: idOf('440305', '1990-02-30', '123') }))).toEqual(['idNumber']);
    expect(fieldsOf(worker({ idNumber: idOf('440305', '2026-03-02', '123') }))).toEqual(['idNumber']);
    // 2026-03-01T16:30Z is already 2 March in Beijing.
    expect(fieldsOf(worker({ idNumber: idOf('440305', '2026-03-02', '123') }), new Date('2026-03-01T16:30:00Z'))).toEqual([]);
  });

  it('RN-02 checks a gender given on import against the ID number', () => {
    expect(fieldsOf(worker({ gender: 'male' }))).toEqual([]);
    const problems = problemsOf(worker({ gender: 'female' }));
    expect(problems).toEqual([{ field: 'gender', message: { zh: '性别与身份证号不符', en: 'The gender does not match the ID number' } }]);
    expect(fieldsOf(worker({ idNumber: PUBLISHED, gender: 'male' }))).toEqual(['gender']);
    // A broken number is reported once, not again as a gender mismatch.
    expect(fieldsOf(worker({ idNumber: '11010519491231003X', gender: 'male' }))).toEqual(['idNumber']);
  });
});

describe('RN-02 basic information: name, mobile, payroll card', () => {
  it('RN-02 accepts Chinese names, names with the middle dot, and Latin names; trims them', () => {
    for (const name of ['王五', '阿卜杜热合曼·买买提', 'Li Wei']) expect(fieldsOf(worker({ name }))).toEqual([]);
    const result = checkWorker(worker({ name: '  张三丰 ' }), NOW);
    expect(result.ok && result.value.name).toBe('张三丰');
  });

  it('RN-02 refuses a one-character name, digits and over-long names', () => {
    for (const name of ['王', '', '张三1', 'A'.repeat(31), '张三<script>']) expect(fieldsOf(worker({ name })), name).toEqual(['name']);
  });

  it('RN-02 mobile: optional, trimmed, and a mainland number when given', () => {
    for (const phone of [null, undefined, '', '   ']) {
      const result = checkWorker(worker({ phone }), NOW);
      expect(result.ok && result.value.phone).toBeNull();
    }
    const trimmed = checkWorker(worker({ phone: ' 13912345678 ' }), NOW);
    expect(trimmed.ok && trimmed.value.phone).toBe('13912345678');
    expect(fieldsOf(worker({ phone: '12912345678' }))).toEqual(['phone']);
  });

  it('RN-02 payroll card: optional, stored without spaces, Luhn-checked', () => {
    const spaced = CARD.replace(/(\d{4})(?=\d)/g, '$1 ');
    const result = checkWorker(worker({ bankCard: spaced }), NOW);
    expect(result.ok && result.value.bankCard).toBe(CARD);
    for (const bankCard of [null, '', '  ']) {
      const none = checkWorker(worker({ bankCard }), NOW);
      expect(none.ok && none.value.bankCard).toBeNull();
    }
    const wrong = CARD.slice(0, -1) + String((Number(CARD.at(-1)) + 1) % 10);
    expect(fieldsOf(worker({ bankCard: wrong }))).toEqual(['bankCard']);
  });

  it('RN-02 reports every field problem at once', () => {
    expect(fieldsOf({ name: '1', idNumber: '11010519491231003X', phone: '123', bankCard: '1234' })).toEqual(['name', 'idNumber', 'phone', 'bankCard']);
  });
});

describe('RN-01 no site entry without a contract and safety training (checkEmployment)', () => {
  const employment = (over: Partial<EmploymentFacts> = {}): EmploymentFacts => ({
    birthDate: '1990-03-07',
    trade: '020',
    entryDate: '2026-02-10',
    wageType: 'daily',
    wageAmountFen: 35000,
    contractKind: 'labor_contract',
    contractSignedOn: '2026-02-08',
    safetyTrainingOn: '2026-02-09',
    today: '2026-03-01',
    ...over,
  });
  const fields = (over: Partial<EmploymentFacts>) => checkEmployment(employment(over)).map((p) => p.field);

  it('RN-01 accepts a contract and training dated before or on the entry day', () => {
    expect(checkEmployment(employment())).toEqual([]);
    expect(fields({ contractSignedOn: '2026-02-10', safetyTrainingOn: '2026-02-10' })).toEqual([]);
  });

  it('RN-01 refuses a contract signed after entry', () => {
    const problems = checkEmployment(employment({ contractSignedOn: '2026-02-11' }));
    expect(problems).toEqual([{ field: 'contractSignedOn', message: { zh: '须先签订劳动合同（用工书面协议）再进场', en: 'The contract must be signed before entering the site' } }]);
  });

  it('RN-01 refuses safety training given after entry', () => {
    expect(fields({ safetyTrainingOn: '2026-02-11' })).toEqual(['safetyTrainingOn']);
    expect(fields({ contractSignedOn: '2026-03-01', safetyTrainingOn: '2026-03-01' })).toEqual(['contractSignedOn', 'safetyTrainingOn']);
  });

  it('RN-01 accepts a labour contract or a 用工书面协议, nothing else', () => {
    expect(Object.keys(CONTRACT_KINDS)).toEqual(['labor_contract', 'work_agreement']);
    expect(fields({ contractKind: 'work_agreement' })).toEqual([]);
    for (const contractKind of ['verbal', '', 'toString']) expect(fields({ contractKind })).toEqual(['contractKind']);
  });

  it(`RN-01 refuses anyone under MIN_WORKING_AGE (${MIN_WORKING_AGE}) on the entry day, and accepts them from their birthday`, () => {
    expect(MIN_WORKING_AGE).toBe(16);
    const birthDate = '2010-02-10';
    const under = checkEmployment(employment({ birthDate, entryDate: '2026-02-09', contractSignedOn: '2026-02-01', safetyTrainingOn: '2026-02-01' }));
    expect(under).toEqual([{ field: 'idNumber', message: { zh: '进场时未满16周岁，不得招用', en: 'Under 16 on entry: may not be employed' } }]);
    expect(fields({ birthDate, entryDate: '2026-02-10' })).toEqual([]);
  });

  it('RN-01 with RN-02: the age gate uses the birth date read from the ID number', () => {
    const id = idOf('410305', '2010-02-10', '111');
    const registered = checkWorker({ name: '李小龙', idNumber: id }, NOW);
    expect(registered.ok).toBe(true);
    if (!registered.ok) return;
    expect(fields({ birthDate: registered.value.birthDate, entryDate: '2026-02-10' })).toEqual([]);
    expect(fields({ birthDate: registered.value.birthDate, entryDate: '2026-02-09', contractSignedOn: '2026-02-01', safetyTrainingOn: '2026-02-01' })).toEqual(['idNumber']);
  });

  it('RN-01 refuses an entry date after today (register first, enter the same day)', () => {
    expect(fields({ entryDate: '2026-03-01' })).toEqual([]);
    expect(fields({ entryDate: '2026-03-02' })).toEqual(['entryDate']);
  });

  it('RN-02 employment information: national trade code, wage type and a positive whole-fen wage', () => {
    expect(fields({ trade: '999' })).toEqual(['trade']);
    expect(fields({ trade: 'constructor' })).toEqual(['trade']);
    for (const wageType of Object.keys(WAGE_TYPES)) expect(fields({ wageType })).toEqual([]);
    expect(fields({ wageType: 'hourly' })).toEqual(['wageType']);
    for (const wageAmountFen of [0, -100, 350.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) expect(fields({ wageAmountFen }), String(wageAmountFen)).toEqual(['wageAmountFen']);
    expect(fields({ wageAmountFen: 1 })).toEqual([]);
  });
});

describe('exit and age', () => {
  it('RN-02 exit: not before entry, not after today; the entry day itself is fine', () => {
    expect(checkExit('2026-02-10', '2026-02-10', '2026-03-01')).toEqual([]);
    expect(checkExit('2026-02-10', '2026-03-01', '2026-03-01')).toEqual([]);
    expect(checkExit('2026-02-10', '2026-02-09', '2026-03-01')).toEqual([{ field: 'exitDate', message: { zh: '退场日期不能早于进场日期', en: 'Exit precedes entry' } }]);
    expect(checkExit('2026-02-10', '2026-03-02', '2026-03-01').map((p) => p.field)).toEqual(['exitDate']);
  });

  it('ageOn counts whole years, turning on the birthday', () => {
    expect(ageOn('1990-03-07', '2026-03-06')).toBe(35);
    expect(ageOn('1990-03-07', '2026-03-07')).toBe(36);
    expect(ageOn('1990-12-31', '2026-01-01')).toBe(35);
    expect(ageOn('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('ageOn: someone born on 29 February comes of age on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

// RN-06 (national platform mapping, encryption of ID and card numbers) is tested in
// src/server/modules/national/national.mapping.test.ts; here only the shared code lists.
describe('RN-06 code lists are the national platform dictionaries', () => {
  it('RN-06 trades are three-digit national codes, ID type 01 is the resident card, directions are 01/02', () => {
    for (const code of Object.keys(TRADES)) expect(code).toMatch(/^\d{3}$/);
    expect(TRADES['020'].zh).toBe('钢筋工');
    expect(Object.keys(ID_TYPES)).toEqual(['01']);
    expect(NATIONAL_DIRECTION).toEqual({ in: '01', out: '02' });
  });
});
