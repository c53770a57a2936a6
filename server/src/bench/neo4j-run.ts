/** Shared bench plumbing: the synthetic corpus on disk and a throwaway Neo4j. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { atShutdown } from '../cli/shutdown.js';
import { migrate } from '../load/migrate.js';
import { createDriver } from '../neo4j/connection.js';
import { freePort, startLocalNeo4j } from '../neo4j/local-server.js';
import { repoRoot, stateDir } from '../neo4j/paths.js';
import { collectFiles } from '../read/read-file.js';
import { defaultGazetteer } from '../resolve/gazetteer.js';
import { paragraphPool, reportStream } from './corpus.js';

/** `.policygraph/bench/corpus-<n>`, generated once and streamed to disk one report at a time. */
export function corpusDir(n: number, seed = 2026): string {
  const dir = path.join(stateDir(), 'bench', seed === 2026 ? `corpus-${n}` : `corpus-${n}-seed${seed}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  const seeds = collectFiles([path.join(repoRoot(), 'seeds')]).files.map((f) => fs.readFileSync(f.path, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const r of reportStream(n, paragraphPool(seeds), defaultGazetteer(), { seed })) {
    fs.writeFileSync(path.join(dir, r.name), r.text);
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

export function duBytes(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return 0;
  }
}

/**
 * A fresh, migrated Neo4j in a temporary folder for `fn`; removed afterwards. `onStopped` sees
 * the folder after a clean shutdown, when the store files hold everything (Community has no
 * `db.checkpoint()`; until a checkpoint new data lives in the transaction log).
 */
export async function withNeo4j<T>(
  opts: { heap?: string; pageCache?: string; onStopped?: (home: string) => void },
  fn: (driver: Driver, info: { uri: string; home: string }) => Promise<T>,
): Promise<T> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-bench-'));
  const server = await startLocalNeo4j({
    home,
    boltPort: await freePort(),
    heap: opts.heap,
    pageCache: opts.pageCache,
  });
  const driver = createDriver({ uri: server.uri });
  const cleanUp = async () => {
    await driver.close();
    await server.stop();
    opts.onStopped?.(home);
    fs.rmSync(home, { recursive: true, force: true });
  };
  // Ctrl-C mid-bench: the throwaway server and its folder go too.
  const forget = atShutdown(cleanUp);
  try {
    await migrate(driver);
    return await fn(driver, { uri: server.uri, home });
  } finally {
    forget();
    await cleanUp();
  }
}
