import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../../db/client';
import type { Ctx, Platform } from '../context';
import { AppError } from '../errors';

/**
 * Attachments (board photos, labour contracts) on local disk under DATA_DIR/files, named by their
 * SHA-256 so the same content is stored once. A file has no route of its own: it is read through
 * the record that owns it, so the owner's scope check guards it.
 */
export interface StoredFile {
  id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
}

export const ATTACHMENT_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const blobPath = (platform: Pick<Platform, 'dataDir'>, sha256: string) => path.join(platform.dataDir, 'files', sha256.slice(0, 2), sha256);

/** Content sniffing: the declared type must match the bytes, so a renamed executable is refused. */
function sniff(content: Buffer): string | null {
  if (content.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

export async function storeFile(ctx: Ctx, tx: DbOrTx, file: { name: string; content: Buffer }, allowed: readonly string[]): Promise<StoredFile> {
  const mime = sniff(file.content);
  if (!mime || !allowed.includes(mime)) {
    throw new AppError('BUSINESS_RULE', {
      detail: { zh: `文件类型不支持，请上传 ${allowed.map((m) => ATTACHMENT_TYPES[m]).join('/')} 文件`, en: `Unsupported file; upload ${allowed.map((m) => ATTACHMENT_TYPES[m]).join('/')}` },
    });
  }
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  return persist(ctx, tx, file.name, mime, file.content);
}

/**
 * A file the platform made itself (a Word document from a template): stored like an upload, its
 * type declared rather than sniffed, since no person supplied the bytes.
 */
export const storeGeneratedFile = (ctx: Ctx, tx: DbOrTx, file: { name: string; mime: string; content: Buffer }): Promise<StoredFile> =>
  persist(ctx, tx, file.name, file.mime, file.content);

async function persist(ctx: Ctx, tx: DbOrTx, name: string, mime: string, content: Buffer): Promise<StoredFile> {
  const file = { name, content };
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const target = blobPath(ctx, sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Write then rename: a crash never leaves a half file under the final name.
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, file.content);
  await fs.rename(temp, target);
  const stored: StoredFile = { id: uuidv7(), sha256, name: file.name.slice(0, 200), mime, size: file.content.length };
  await tx.query('INSERT INTO files (id, sha256, name, mime, size, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    stored.id,
    sha256,
    stored.name,
    mime,
    stored.size,
    ctx.actor.name,
    ctx.clock.now(),
  ]);
  return stored;
}

export async function readStoredFile(platform: Platform, db: DbOrTx, id: string): Promise<(StoredFile & { content: Buffer }) | undefined> {
  const { rows } = await db.query<StoredFile>('SELECT id, sha256, name, mime, size FROM files WHERE id = $1', [id]);
  if (!rows[0]) return undefined;
  return { ...rows[0], content: await fs.readFile(blobPath(platform, rows[0].sha256)) };
}

/** Which of these files the actor stored themself (an upload offered as evidence must be one's own). */
export async function filesStoredBy(db: DbOrTx, ids: readonly string[], actorName: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>('SELECT id FROM files WHERE id = ANY ($1::uuid[]) AND created_by = $2', [ids, actorName]);
  return new Set(rows.map((r) => r.id));
}
