/**
 * Typed error codes. Use cases throw `AppError` with a code from this table; the HTTP layer maps
 * each code to its status in one place (platform/http/problem.ts). Messages are shown to users,
 * so they say what to do, in Chinese first.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容不符合要求，请按提示修改', en: 'The request is invalid; see the listed fields' },
  IDEMPOTENCY_KEY_REQUIRED: { status: 400, zh: '付款类操作须带 Idempotency-Key 请求头（8—100位字母、数字或-_:.）', en: 'Payment commands need an Idempotency-Key header (8–100 of letters, digits, -_:.)' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, zh: '该 Idempotency-Key 已用于另一请求', en: 'This Idempotency-Key was used for another request' },
  IDEMPOTENCY_IN_PROGRESS: { status: 409, zh: '相同的请求正在处理，请稍候查看结果', en: 'The same request is still being processed' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误，或账号已被暂时锁定',
    en: 'Wrong username or password, or the account is temporarily locked',
  },
  MFA_REQUIRED: { status: 401, zh: '请输入动态口令完成双因素认证', en: 'Enter your one-time code to finish signing in' },
  MFA_INVALID: { status: 401, zh: '动态口令错误或已使用', en: 'The one-time code is wrong or was already used' },
  MFA_SETUP_REQUIRED: {
    status: 403,
    zh: '您的角色要求双因素认证，请先绑定动态口令',
    en: 'Your role requires a second factor; set up an authenticator first',
  },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '密码已过期或为初始密码，请先修改密码', en: 'Your password must be changed first' },
  PASSWORD_POLICY: { status: 422, zh: '密码不符合安全要求', en: 'The password does not meet the policy' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, zh: '请求来源校验失败，请刷新页面后重试', en: 'Cross-site request check failed; reload and retry' },
  NOT_FOUND: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Not found, or outside your jurisdiction' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  CONFLICT: { status: 409, zh: '与已有记录冲突', en: 'Conflicts with an existing record' },
  VERSION_CONFLICT: { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  BUSINESS_RULE: { status: 422, zh: '不符合业务规则', en: 'A business rule forbids this' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  SERVICE_UNAVAILABLE: { status: 503, zh: '服务暂时不可用，请稍后再试', en: 'The service is temporarily unavailable' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员并提供请求编号', en: 'Internal error; give the request id to the administrator' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Bilingual {
  zh: string;
  en: string;
}

/** One field's problem, so forms can mark each field (`field` is a JSON pointer-ish path: `creditCode`). */
export interface FieldProblem {
  field: string;
  message: Bilingual;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Bilingual;
  readonly fields?: FieldProblem[];

  constructor(code: ErrorCode, options: { detail?: Bilingual; fields?: FieldProblem[] } = {}) {
    super(options.detail?.en ?? ERROR_CODES[code].en);
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields;
  }
}

export const notFound = () => new AppError('NOT_FOUND');

/** A failed business check on named fields (422 with every field's message). */
export const invalidFields = (fields: FieldProblem[]) =>
  new AppError('BUSINESS_RULE', { fields, detail: fields[0]?.message });
