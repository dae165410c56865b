import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { Bilingual, Nullable, Strict } from './schemas';

/** A download's file name, readable in every browser (RFC 6266 with an RFC 5987 UTF-8 name); `inline` to open it in the browser instead. */
export function attachmentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A spreadsheet download (.xlsx), streamed as it is written. */
export const sendXlsx = (reply: FastifyReply, fileName: string, stream: Readable) =>
  reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachmentDisposition(fileName)).send(stream);

/** The answer to every spreadsheet import: what was found, row by row, and whether anything was written. */
export const ImportReport = Type.Object(
  {
    mode: Type.String(),
    total: Type.Integer(),
    valid: Type.Integer(),
    imported: Type.Integer(),
    committed: Type.Boolean(),
    problems: Type.Array(Type.Object({ row: Type.Integer(), column: Nullable(Type.String()), message: Bilingual }, Strict)),
  },
  Strict,
);
