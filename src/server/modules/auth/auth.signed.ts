import type { App } from '../../platform/http/types';
import { verifySignedRequest } from './auth.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's bytes as sent, for signature checks (signed machine routes only). */
    rawBody?: Buffer;
  }
}

/**
 * Routes whose JSON body a bank signs (`verifySignedRequest`): inside `register`, the body's bytes
 * are kept as sent and every route checks the signature headers before its schema runs.
 */
export async function signedRoutes(app: App, register: (signed: App) => void | Promise<void>) {
  await app.register(async (scoped) => {
    const signed = scoped as App;
    const json = signed.getDefaultJsonParser('error', 'error');
    signed.removeContentTypeParser('application/json');
    signed.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      req.rawBody = body as Buffer;
      json(req, (body as Buffer).toString('utf8'), done);
    });
    signed.addHook('preValidation', async (req) => {
      const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
      await verifySignedRequest(req.ctx, { timestamp: header('x-xd-timestamp'), nonce: header('x-xd-nonce'), signature: header('x-xd-signature') }, req.rawBody ?? Buffer.alloc(0));
    });
    await register(signed);
  });
}

/** The signature scheme, for the route descriptions. */
export const SIGNATURE_DESCRIPTION =
  'Bearer bank key; headers X-XD-Timestamp (Unix seconds, ±300 s), X-XD-Nonce (8–64 of [A-Za-z0-9_-], single use), X-XD-Signature = hex HMAC-SHA256(signing secret, timestamp + "\\n" + nonce + "\\n" + raw body).';
