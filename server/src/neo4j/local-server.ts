import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { explainExit, jvmArgs, neo4jConf, type LocalNeo4jOptions } from './config.js';
import { assertJava, javaBinary, provisionNeo4j, SetupError } from './provision.js';

export interface RunningNeo4j {
  uri: string;
  pid: number;
  /** Present when this process started the server. */
  child?: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

function dirsOf(home: string) {
  return {
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    run: path.join(home, 'run'),
  };
}

function pidFile(home: string): string {
  return path.join(home, 'run', 'policygraph-neo4j.json');
}

interface PidInfo {
  pid: number;
  boltPort: number;
}

export function readPidInfo(home: string): PidInfo | null {
  try {
    return JSON.parse(fs.readFileSync(pidFile(home), 'utf8')) as PidInfo;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(false)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Ready means Bolt answers `RETURN 1`. */
export async function waitForBolt(uri: string, timeoutMs: number, isDead: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    const dead = isDead();
    if (dead) throw new SetupError(dead);
    const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2000, logging: undefined });
    try {
      await driver.executeQuery('RETURN 1');
      return;
    } catch (e) {
      lastError = (e as Error).message;
    } finally {
      await driver.close();
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new SetupError(`Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)}s (${lastError}).`);
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts Neo4j as a child process on 127.0.0.1, or reuses the one already running
 * for this home folder. `detached` lets `policygraph neo4j start` return while the
 * server keeps running; otherwise the server dies with its parent's stop().
 */
export async function startLocalNeo4j(
  opts: LocalNeo4jOptions & { detached?: boolean; log?: (m: string) => void; timeoutMs?: number },
): Promise<RunningNeo4j> {
  const log = opts.log ?? (() => {});
  const d = dirsOf(opts.home);
  const uri = `bolt://127.0.0.1:${opts.boltPort}`;
  const logFile = path.join(d.logs, 'console.log');

  const existing = readPidInfo(opts.home);
  if (existing && isAlive(existing.pid)) {
    const existingUri = `bolt://127.0.0.1:${existing.boltPort}`;
    await waitForBolt(existingUri, opts.timeoutMs ?? 120_000, () =>
      isAlive(existing.pid) ? null : `Neo4j (pid ${existing.pid}) exited while starting; see ${logFile}`,
    );
    log(`Neo4j already running (pid ${existing.pid}) at ${existingUri}; reusing it.`);
    return { uri: existingUri, pid: existing.pid, logFile, stop: async () => {} };
  }

  if (await portInUse(opts.boltPort)) {
    throw new SetupError(
      `Port ${opts.boltPort} on 127.0.0.1 is already in use by another program. Stop it, or choose another port with POLICYGRAPH_BOLT_PORT.`,
    );
  }
  assertJava();
  const libDir = provisionNeo4j(log);
  for (const dir of Object.values(d)) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(d.conf, 'neo4j.conf'), neo4jConf(opts, d));

  const out = fs.openSync(logFile, 'a');
  const args = [
    ...jvmArgs(libDir, opts.heap),
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${opts.home}`,
    `--config-dir=${d.conf}`,
    '--console-mode',
  ];
  log(`Starting Neo4j on ${uri} (data in ${d.data})…`);
  const child = spawn(javaBinary(), args, {
    cwd: opts.home,
    stdio: ['ignore', out, out],
    detached: opts.detached ?? false,
  });
  fs.closeSync(out);
  let exitCode: number | null | undefined;
  child.on('exit', (code) => {
    exitCode = code;
  });
  if (child.pid === undefined) throw new SetupError('Could not start java for Neo4j.');
  fs.writeFileSync(pidFile(opts.home), JSON.stringify({ pid: child.pid, boltPort: opts.boltPort }));
  if (opts.detached) child.unref();

  try {
    await waitForBolt(uri, opts.timeoutMs ?? 180_000, () =>
      exitCode === undefined
        ? null
        : `Neo4j stopped while starting: ${explainExit(exitCode, opts.boltPort)}\nLast lines of ${logFile}:\n${tail(logFile)}`,
    );
  } catch (e) {
    if (exitCode === undefined) child.kill('SIGKILL');
    fs.rmSync(pidFile(opts.home), { force: true });
    throw e;
  }
  log(`Neo4j ready at ${uri} (pid ${child.pid}).`);
  const pid = child.pid;
  return {
    uri,
    pid,
    child,
    logFile,
    stop: () => stopPid(opts.home, pid),
  };
}

/** SIGTERM shuts Neo4j down cleanly; escalate only if it hangs. */
export async function stopPid(home: string, pid: number, timeoutMs = 60_000): Promise<void> {
  if (isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  const info = readPidInfo(home);
  if (info?.pid === pid) fs.rmSync(pidFile(home), { force: true });
}

export async function stopLocalNeo4j(home: string): Promise<boolean> {
  const info = readPidInfo(home);
  if (!info) return false;
  await stopPid(home, info.pid);
  return true;
}

export function localStatus(home: string): { running: boolean; pid?: number; uri?: string } {
  const info = readPidInfo(home);
  if (!info || !isAlive(info.pid)) return { running: false };
  return { running: true, pid: info.pid, uri: `bolt://127.0.0.1:${info.boltPort}` };
}
