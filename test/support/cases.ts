import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { smsParamsAad } from '../../src/server/modules/cases/cases.repo';
import type { TestPlatform } from './platform';

/** A hotline complaint about project A's carpenters, as the cases tests receive it (`POST /api/clues`). */
export const hotlineClue = (projectId: string, externalId: string) => ({
  channel: 'hotline_12345',
  externalId,
  projectId,
  employerName: '东城建工集团有限公司',
  complainant: { name: '张三', phone: '13800138001' },
  workers: [
    { name: '张三', phone: '13800138001', claimedFen: 800_000 },
    { name: '李四', phone: '13900139002', claimedFen: 600_000 },
  ],
  periodFrom: '2025-12-01',
  periodTo: '2026-02-28',
  description: '东城第一中学改扩建工程拖欠木工班组三个月工资',
});

/** The answer's body, after checking it is a 200 (the body is shown when it is not). */
export const okJson = async (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Record<string, any>;
};

/** The text of a .docx: its document.xml, with the XML tags taken out. */
export function docxText(content: Buffer): { xml: string; text: string } {
  const files = unzipSync(new Uint8Array(content));
  expect(Object.keys(files)).toContain('word/document.xml');
  const xml = strFromU8(files['word/document.xml']);
  return { xml, text: xml.replace(/<[^>]+>/g, '') };
}

/** The code texted for a phone verification, read from the SMS outbox as the gateway would. */
export async function codeSentTo(platform: TestPlatform, verificationId: string): Promise<string> {
  const { rows } = await platform.db.query<{ id: string; params_enc: string }>(`SELECT id, params_enc FROM sms_outbox WHERE ref_id = $1`, [verificationId]);
  return JSON.parse(platform.cipher.decrypt(rows[0].params_enc, smsParamsAad(rows[0].id))).code;
}
