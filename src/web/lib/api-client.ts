import type { Page as ServerPage } from '../../server/db/paging';
import type { ProblemBody } from '../../server/platform/http/schemas';
import { common, getLang, translate, type Lang } from './i18n';

/** A page of a list endpoint, as the server's `Paged(...)` schema defines it. */
export type Page<T> = ServerPage<T>;
export type FieldProblem = NonNullable<ProblemBody['errors']>[number];

/** A problem+json answer (RFC 9457) from the server, or a network failure in the same shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: ProblemBody;

  constructor(problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get requestId(): string {
    return this.problem.requestId;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }

  /** Title and detail in one language. */
  text(lang: Lang = getLang()): string {
    const p = this.problem;
    const title = lang === 'zh' ? p.title : p.title_en;
    const detail = lang === 'zh' ? p.detail : (p.detail_en ?? p.detail);
    return detail && detail !== title ? `${title}：${detail}` : title;
  }
}

function localProblem(status: number, code: string, key: 'networkError' | 'unexpected'): ProblemBody {
  return {
    type: 'about:blank',
    title: translate('zh', common[key]),
    title_en: translate('en', common[key]),
    status,
    code,
    requestId: '',
  };
}

/** Any error as one line for an alert or a toast. */
export function errorText(error: unknown, lang: Lang = getLang()): string {
  if (error instanceof ApiError) return error.text(lang);
  return translate(lang, common.unexpected);
}

// ---- CSRF token: kept in memory only, from the login response or GET /api/auth/me ----
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

// ---- what to do when the server says the session cannot go on ----
export type AuthInterruption = 'UNAUTHENTICATED' | 'MFA_REQUIRED' | 'PASSWORD_CHANGE_REQUIRED';
let onAuthInterruption: (code: AuthInterruption) => void = (code) => {
  const target = code === 'UNAUTHENTICATED' ? '/login' : code === 'MFA_REQUIRED' ? '/mfa' : '/change-password';
  if (window.location.pathname !== target) window.location.assign(target);
};
/** The app installs a handler that navigates inside the SPA instead of reloading. */
export const setAuthInterruptionHandler = (handler: (code: AuthInterruption) => void) => {
  onAuthInterruption = handler;
};

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  /** JSON, or a FormData for a file upload (the browser sets the multipart boundary). */
  body?: unknown;
  /** true for downloads: the successful Response itself, unread. */
  raw?: boolean;
  signal?: AbortSignal;
  /** false for calls that expect a 401 as an answer (who-am-I). */
  redirectOnAuth?: boolean;
  /** Payment and refund commands: the key that makes a retry of this one call harmless. */
  idempotencyKey?: string;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 128 random bits as hex; getRandomValues works outside secure contexts too (randomUUID does not). */
const newIdempotencyKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const INTERRUPTIONS = new Set<string>(['UNAUTHENTICATED', 'MFA_REQUIRED', 'PASSWORD_CHANGE_REQUIRED']);

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(localProblem(0, 'NETWORK', 'networkError'));
  }

  if (options.raw && res.ok) return res as T;
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;

  const problem =
    data && typeof data === 'object' && 'code' in data && 'title' in data ? (data as ProblemBody) : localProblem(res.status, 'UNEXPECTED', 'unexpected');
  const error = new ApiError({ ...problem, status: problem.status ?? res.status });
  if (options.redirectOnAuth !== false && INTERRUPTIONS.has(error.code)) {
    if (error.code === 'UNAUTHENTICATED') setCsrfToken(null);
    onAuthInterruption(error.code as AuthInterruption);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body }),
  /** A payment or refund command: one fresh Idempotency-Key per call, so a retried request pays once. */
  command: <T>(path: string, body: unknown = {}) => request<T>('POST', path, { body, idempotencyKey: newIdempotencyKey() }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** One file as multipart/form-data (field `file`), POST by default. */
  upload: <T>(path: string, file: Blob, options: { method?: 'POST' | 'PUT'; query?: Query } = {}) => {
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'upload');
    return request<T>(options.method ?? 'POST', path, { query: options.query, body: form });
  },
};

/** The file name a download's Content-Disposition gives (the RFC 5987 UTF-8 name first). */
function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      /* a malformed name: fall through */
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a file with the session and saves it under the server's name. A refusal arrives as an
 * ApiError like any other call, so pages can show it instead of a broken download.
 */
export async function downloadFile(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const res = await request<Response>('GET', path, { query, raw: true });
  saveBlob(await res.blob(), dispositionName(res.headers.get('content-disposition'), fallbackName));
}

/** Saves data the page already holds (a JSON answer, say) as a file under the given name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
