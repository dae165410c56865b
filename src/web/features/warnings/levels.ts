import type { WarningLevel } from './api/get-warnings';

/**
 * The colours of the warning levels, one list for the charts, the map and the tags. Green is for
 * a project with a score but no open warning.
 */
export const LEVEL_COLOR: Record<WarningLevel | 'green', string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#fadb14',
  green: '#52c41a',
};

/** antd Tag presets for the same levels (gold reads better than yellow on white). */
export const LEVEL_TAG: Record<WarningLevel, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

export const LEVELS: readonly WarningLevel[] = ['red', 'orange', 'yellow'];
const RANK: Record<WarningLevel, number> = { yellow: 1, orange: 2, red: 3 };

/** The more serious of two levels (null when neither is set). */
export const worse = (a: WarningLevel | null, b: WarningLevel | null): WarningLevel | null => (!a ? b : !b ? a : RANK[a] >= RANK[b] ? a : b);
