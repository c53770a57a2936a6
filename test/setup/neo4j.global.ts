import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalNeo4j, type RunningNeo4j } from '@policygraph/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let server: RunningNeo4j | undefined;
let home: string | undefined;

/**
 * A throwaway Neo4j for the whole test run: its own port and data folder, removed
 * afterwards. With NEO4J_URI set, tests use that server instead (it will be wiped).
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return;
  }
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-test-neo4j-'));
  const port = await freePort();
  const started = Date.now();
  server = await startLocalNeo4j({ home, boltPort: port, log: (m) => console.log(`[neo4j] ${m}`) });
  console.log(`[neo4j] test server ready in ${((Date.now() - started) / 1000).toFixed(1)}s at ${server.uri}`);
  project.provide('neo4jUri', server.uri);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (home) fs.rmSync(home, { recursive: true, force: true });
}
