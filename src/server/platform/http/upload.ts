import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** The one file of a multipart upload (field name free), read whole: uploads are capped in app.ts. */
export async function readUpload(req: FastifyRequest): Promise<{ name: string; content: Buffer }> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', { detail: { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' } });
  }
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION_FAILED', { detail: { zh: '没有收到文件', en: 'No file received' } });
  const content = await part.toBuffer();
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
  return { name: part.filename || 'upload', content };
}
