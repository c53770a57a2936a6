import crypto from 'node:crypto';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/**
 * Writes need the configured token as `Authorization: Bearer <token>`; with no token configured they are
 * off. Compared in constant time (over digests, so lengths do not leak either).
 */
export function requireWriteAccess(ctx: Pick<Context, 'token' | 'authorization'>): void {
  if (!ctx.token)
    throw forbidden(
      'Changes through the API are disabled: start the server with POLICYGRAPH_TOKEN set (or the `token` option) to enable them.',
    );
  const m = /^Bearer\s+(\S+)\s*$/i.exec(ctx.authorization ?? '');
  if (!m) throw unauthenticated('This change needs the header `Authorization: Bearer <token>`.');
  if (!crypto.timingSafeEqual(digest(m[1]!), digest(ctx.token)))
    throw forbidden('The token given is not the one configured.');
}
