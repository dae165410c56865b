import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * `n` UUIDv7 ids from one draw of random bytes. Asking the system for 16 bytes per id costs ~6 µs
 * each; a 1,000-event device batch needs 1,000 ids on the request path.
 */
export function newIds(n: number): string[] {
  const random = crypto.randomBytes(16 * n);
  return Array.from({ length: n }, (_, i) => uuidv7({ random: random.subarray(i * 16, i * 16 + 16) }));
}
