import crypto from 'node:crypto';
import type { Context } from './context.js';
import { forbidden, unauthenticated } from './errors.js';

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/**
 * Writes need the configured token as `Authorization: Bearer <token>`; with no token configured they are
 * off. Compared in constant time (over digests, so lengths do not leak either).
 */
export function requireWriteAccess(ctx: Pick<Context, 'token' | 'authorization'>): void {
  const problem = writeAccessProblem(ctx.token, ctx.authorization);
  if (problem) throw problem.status === 401 ? unauthenticated(problem.message) : forbidden(problem.message);
}

/** Why a request may not write (null when it may): shared by the mutations and the upload guard. */
export function writeAccessProblem(
  token: string | null,
  authorization: string | null,
): { status: 401 | 403; message: string } | null {
  if (!token)
    return {
      status: 403,
      message:
        'Changes through the API are disabled: start the server with POLICYGRAPH_TOKEN set (or the `token` option) to enable them.',
    };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return { status: 401, message: 'This change needs the header `Authorization: Bearer <token>`.' };
  if (!crypto.timingSafeEqual(digest(m[1]!), digest(token)))
    return { status: 403, message: 'The token given is not the one configured.' };
  return null;
}
