import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { writeAccessProblem } from './auth.js';
import { createContext } from './context.js';
import { resolveLimits, useQueryLimits, type QueryLimits } from './limits.js';
import { schema } from './schema.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves the built viewer; unknown paths get index.html (client-side routes). */
function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Malformed URL.');
    return;
  }
  const rel = path.normalize(decoded).replace(/^([/\\])+/, '');
  let file = path.join(root, rel);
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
    file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Viewer not built: run `npm run build` (GraphQL is at /graphql).');
    return;
  }
  res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

export interface HandlerOptions {
  database?: string;
  /** Enables the mutations and is then required as `Authorization: Bearer <token>` (default: POLICYGRAPH_TOKEN). */
  token?: string;
  /** Depth, aliases, cost, page size and timeout; unset ones come from POLICYGRAPH_* variables or defaults. */
  limits?: Partial<QueryLimits>;
}

export interface ServeOptions extends HandlerOptions {
  driver: Driver;
  port: number;
  host?: string;
  clientDir?: string;
}

/** Uploads are refused before their body is read unless the request may write: no parsing work for strangers. */
function useUploadGuard(token: string | null): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) return;
      const problem = writeAccessProblem(token, request.headers.get('authorization'));
      if (problem)
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: problem.message }] }), {
            status: problem.status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
    },
  };
}

export function createGraphQLHandler(driver: Driver, opts: HandlerOptions = {}) {
  const token = opts.token ?? process.env.POLICYGRAPH_TOKEN ?? null;
  const limits = resolveLimits(opts.limits);
  return createYoga({
    schema,
    plugins: [useQueryLimits(limits), useUploadGuard(token || null)],
    graphqlEndpoint: '/graphql',
    // Same origin only: a web page elsewhere must not read a researcher's local corpus through their browser.
    cors: false,
    graphiql: { title: 'PolicyGraph GraphQL' },
    context: ({ request }) =>
      createContext(driver, {
        database: opts.database,
        timeoutMs: limits.timeoutMs,
        token: token || null,
        authorization: request.headers.get('authorization'),
      }),
    logging: 'warn',
  });
}

/** GraphQL at /graphql, the viewer at /. Resolves once listening. */
export async function startHttpServer(
  opts: ServeOptions,
): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const yoga = createGraphQLHandler(opts.driver, opts);
  const clientDir = opts.clientDir;
  const server = http.createServer((req, res) => {
    if ((req.url ?? '').startsWith('/graphql')) {
      void yoga(req, res);
      return;
    }
    if (clientDir) serveStatic(clientDir, req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(`Port ${opts.port} on ${host} is in use: stop what uses it or pass --port.`)
          : e,
      ),
    );
    server.listen(opts.port, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    server,
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
