import crypto from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { buildApp } from '../../src/server/app';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface Session {
  cookie: string;
  csrfToken: string;
}

const COOKIE = /(?:__Host-)?xd_sid=([^;]+)/;

export function sessionCookie(res: LightMyRequestResponse): string | undefined {
  const header = res.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  for (const c of all) {
    const m = COOKIE.exec(c);
    if (m && m[1]) return c.split(';')[0];
  }
  return undefined;
}

export async function login(app: TestApp, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { cookie: sessionCookie(res)!, csrfToken: res.json().csrfToken };
}

/** A request as a logged-in user: cookie plus CSRF header on writes, as the SPA sends them. */
export function as(app: TestApp, session: Session | null) {
  const send = (method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      ...(payload !== undefined && { payload: payload as InjectOptions['payload'] }),
      headers: {
        ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
        ...headers,
      },
    });
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body?: unknown) => send('POST', url, body ?? {}),
    /** A payment or refund command, with a fresh Idempotency-Key (SECURITY.md 26). */
    command: (url: string, body?: unknown, key = `test-${crypto.randomUUID()}`) => send('POST', url, body ?? {}, { 'idempotency-key': key }),
    put: (url: string, body: unknown) => send('PUT', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    delete: (url: string) => send('DELETE', url),
    send,
  };
}

/** A multipart upload of one file, as the SPA's upload control sends it. */
export function upload(app: TestApp, session: Session | null, method: 'POST' | 'PUT', url: string, fileName: string, content: Buffer) {
  const boundary = `----xindun${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return app.inject({
    method,
    url,
    payload: Buffer.concat([head, content, tail]),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
    },
  });
}
