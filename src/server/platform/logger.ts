import type { Writable } from 'node:stream';
import pino from 'pino';
import { redactPersonalData } from './crypto/masking';

// Paths pino must never print: credentials, session tokens, personal data in bodies.
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.idNumber',
  '*.phone',
  '*.bankCard',
];

interface LoggedRequest {
  method: string;
  url: string;
  id: string;
  ip: string;
}

/**
 * The process logger: structured JSON, secrets redacted by path, and request URLs scrubbed of
 * anything shaped like an ID number, card or phone (a search box can put one in a query string).
 */
export function createLogger(level: string, destination?: Writable) {
  return pino(
    {
      level,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: {
        req: (req: LoggedRequest) => ({ method: req.method, url: redactPersonalData(req.url), id: req.id, ip: req.ip }),
      },
    },
    destination,
  );
}
