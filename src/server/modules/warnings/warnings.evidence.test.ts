import { describe, expect, it } from 'vitest';
import { RULES } from './rules';
import { EVIDENCE_LABELS } from './warnings.evidence';
import type { SignalInput } from './warnings.signals';

/**
 * The arguments of the SQL call whose `(` is at `open`, split at its top-level commas. String
 * literals ('' escapes included) and `--` comments are skipped over, so a comma or a parenthesis in
 * them does not count.
 */
function callArguments(sql: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = open; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      current += sql.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (c === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (c === ')') {
      depth--;
      if (depth === 0) {
        args.push(current.trim());
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  throw new Error(`unbalanced call at ${open}`);
}

/** Every key of every jsonb_build_object call in `sql` (its arguments at even positions), or what stands there when it is not a literal. */
function evidenceKeys(sql: string): { keys: string[]; notLiteral: string[] } {
  const keys: string[] = [];
  const notLiteral: string[] = [];
  for (const m of sql.matchAll(/jsonb_build_object\s*\(/gi)) {
    const args = callArguments(sql, m.index + m[0].length - 1);
    for (let k = 0; k < args.length; k += 2) {
      const literal = /^'(\w+)'$/.exec(args[k]!);
      if (literal) keys.push(literal[1]!);
      else notLiteral.push(args[k]!);
    }
  }
  return { keys, notLiteral };
}

/**
 * W16's `kinds` is a jsonb_object_agg keyed by enterprise_risk_signals.kind, so these keys are data,
 * not literals in the SQL. `satisfies` makes tsc fail when a kind is added to SignalInput and not here.
 */
const RISK_SIGNAL_KINDS = { water: true, power: true, gas: true, tax: true, social_insurance: true } satisfies Record<SignalInput['kind'], true>;
/** The rules building an evidence object with keys from data (jsonb_object_agg), whose keys are listed above. */
const DATA_KEYED = ['W16'];

const byRule = RULES.map((r) => ({ code: r.code, ...evidenceKeys(r.sql) }));
const allKeys = new Set([...byRule.flatMap((r) => r.keys), ...Object.keys(RISK_SIGNAL_KINDS)]);

describe('evidence labels', () => {
  it('reads keys, not string values, from a jsonb_build_object call', () => {
    const sql = `SELECT jsonb_build_object('month', to_char(m, 'YYYY-MM'), 'problem', CASE WHEN x THEN 'no_account' END,
                   -- the month's note, (unbalanced
                   'note', 'it''s, (odd)', 'list', jsonb_agg(jsonb_build_object('name', n, 'kind', 'card')), 'count', count(*))`;
    expect(evidenceKeys(sql)).toEqual({ keys: ['month', 'problem', 'note', 'list', 'count', 'name', 'kind'], notLiteral: [] });
  });

  it('finds the evidence keys of every rule', () => {
    for (const r of byRule) expect(r.keys.length, `${r.code} returns no evidence keys`).toBeGreaterThan(0);
    // Nested objects are read too: W06's per-employer list, W13's employers, W24's months, W26's counterparties, W16's per-kind figures.
    for (const k of ['unpaidByEmployer', 'employerName', 'employerId', 'workers', 'accountMask', 'overdueMonths']) expect(allKeys).toContain(k);
  });

  it('has every key of a jsonb_build_object call as a plain literal', () => {
    expect(byRule.filter((r) => r.notLiteral.length > 0).map((r) => `${r.code}: ${r.notLiteral.join(' | ')}`)).toEqual([]);
  });

  it('knows every rule whose evidence has keys from data', () => {
    expect(RULES.filter((r) => /jsonb_object_agg\s*\(/i.test(r.sql)).map((r) => r.code)).toEqual(DATA_KEYED);
  });

  it('labels every key a rule can return, in Chinese and English', () => {
    const unlabelled = byRule.flatMap((r) => r.keys.filter((k) => !EVIDENCE_LABELS[k]).map((k) => `${r.code}.${k}`));
    expect(unlabelled).toEqual([]);
    for (const k of Object.keys(RISK_SIGNAL_KINDS)) expect(EVIDENCE_LABELS[k], k).toBeDefined();
    for (const k of allKeys) {
      const label = EVIDENCE_LABELS[k]!;
      expect(label.zh.trim(), `${k}.zh`).not.toBe('');
      expect(label.en.trim(), `${k}.en`).not.toBe('');
      expect(label.zh, `${k}.zh is the key again`).not.toBe(k);
    }
  });

  it('labels no key that no rule returns', () => {
    expect(Object.keys(EVIDENCE_LABELS).filter((k) => !allKeys.has(k))).toEqual([]);
  });

  it('names money as an amount', () => {
    // 余额 (balance) is itself an amount.
    const unnamed = [...allKeys].filter((k) => k.endsWith('Fen') && !/金额|余额/.test(EVIDENCE_LABELS[k]?.zh ?? ''));
    expect(unnamed).toEqual([]);
  });
});
