import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode, type FieldProblem } from '../errors';
import type { ProblemBody } from './schemas';

function problem(req: FastifyRequest, code: ErrorCode, extra: { detail?: { zh: string; en: string }; errors?: FieldProblem[] } = {}): ProblemBody {
  const def = ERROR_CODES[code];
  return {
    type: `urn:xindun:problem:${code.toLowerCase()}`,
    title: def.zh,
    title_en: def.en,
    status: def.status,
    code,
    ...(extra.detail && { detail: extra.detail.zh, detail_en: extra.detail.en }),
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...(extra.errors && extra.errors.length > 0 && { errors: extra.errors }),
  };
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, extra?: Parameters<typeof problem>[2]) {
  const body = problem(req, code, extra);
  if (code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '5');
  return reply.code(body.status).type('application/problem+json').send(body);
}

// Validation messages say which field and what is expected, in both languages.
function validationProblems(error: FastifyError): FieldProblem[] {
  return (error.validation ?? []).map((v) => {
    const missing = v.keyword === 'required' ? String((v.params as { missingProperty?: string }).missingProperty ?? '') : '';
    const extra = v.keyword === 'additionalProperties' ? String((v.params as { additionalProperty?: string }).additionalProperty ?? '') : '';
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = [base, missing || extra].filter(Boolean).join('.') || error.validationContext || 'body';
    if (missing) return { field, message: { zh: '必填', en: 'Required' } };
    if (extra) return { field, message: { zh: '不允许的字段', en: 'Unknown field, not allowed' } };
    return { field, message: { zh: `格式不正确（${v.message ?? v.keyword}）`, en: v.message ?? v.keyword } };
  });
}

const DB_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/**
 * The one mapping from errors to HTTP: AppError codes by their table, schema failures as
 * VALIDATION_FAILED with every field, database outages as 503, anything else as a 500 whose
 * details stay in the log (without request bodies) and never reach the client.
 */
export function errorHandler(error: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(req, reply, error.code, { detail: error.detail, errors: error.fields });
  const fe = error as FastifyError & { code?: string };
  if (fe.validation) return sendProblem(req, reply, 'VALIDATION_FAILED', { errors: validationProblems(fe) });
  if (fe.statusCode === 429) return sendProblem(req, reply, 'RATE_LIMITED');
  if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(req, reply, 'PAYLOAD_TOO_LARGE');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
    return sendProblem(req, reply, 'VALIDATION_FAILED', { detail: { zh: '请求格式不正确', en: fe.message } });
  }
  // A uniqueness race lost between a use case's check and its insert: the other request won.
  if (fe.code === '23505') return sendProblem(req, reply, 'CONFLICT');
  if (fe.code && DB_DOWN.has(fe.code)) {
    req.log.error({ err: { code: fe.code } }, 'database unavailable');
    return sendProblem(req, reply, 'SERVICE_UNAVAILABLE');
  }
  req.log.error({ err: { type: fe.name, message: fe.message, stack: fe.stack, code: fe.code } }, 'unhandled error');
  return sendProblem(req, reply, 'INTERNAL');
}
