import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned so every machine runs the same server; override with POLICYGRAPH_NEO4J_VERSION. */
export const DEFAULT_NEO4J_VERSION = '5.26.30';

export function neo4jVersion(): string {
  return process.env.POLICYGRAPH_NEO4J_VERSION ?? DEFAULT_NEO4J_VERSION;
}

/** Jars are big (~150 MB) and identical across checkouts, so they live in a user cache. */
export function jarCacheDir(version = neo4jVersion()): string {
  const base =
    process.env.POLICYGRAPH_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'policygraph');
  return path.join(base, `neo4j-${version}`);
}

/** The repository root (server/dist/neo4j -> ../../..). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/** Per-checkout state (data, logs, pid file): git-ignored `.policygraph/`. */
export function stateDir(): string {
  return process.env.POLICYGRAPH_STATE ?? path.join(repoRoot(), '.policygraph');
}
