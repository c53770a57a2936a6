import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Label, Rel, ReportProps } from '@policygraph/graph-schema';
import { ingestPaths } from '@policygraph/server';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { count, graphFingerprint, repoRoot, resetGraph, testDriver, writeSyntheticCorpus } from '../helpers.js';

let driver: Driver;
let dir: string;

beforeAll(() => {
  driver = testDriver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-crash-'));
  writeSyntheticCorpus(dir, 80, { seed: 9, bytesPerReport: 6000 });
});
afterAll(async () => {
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('kill -9 during ingest, then ingest again: the graph equals a clean run', async () => {
    await resetGraph(driver);
    await ingestPaths(driver, [dir]);
    const clean = await graphFingerprint(driver);
    expect(clean.reports.length).toBe(80);

    await resetGraph(driver);
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'server', 'dist', 'cli.js'), 'ingest', dir, '--workers', '0'],
      {
        env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
        stdio: 'ignore',
      },
    );
    // Let it write some reports, then kill it without warning.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await count(driver, `MATCH (r:${Label.Report}) RETURN count(r)`)) < 10) {
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = await count(driver, `MATCH (r:${Label.Report}) RETURN count(r)`);
    expect(partial).toBeGreaterThanOrEqual(10);
    expect(partial).toBeLessThan(80);
    // Every report that is there is whole: its sentences are all there.
    expect(
      await count(
        driver,
        `MATCH (r:${Label.Report}) WHERE COUNT { (r)-[:${Rel.HAS_SENTENCE}]->() } <> r.${ReportProps.sentenceCount} RETURN count(r)`,
      ),
    ).toBe(0);

    const again = await ingestPaths(driver, [dir]);
    expect(again.failures).toEqual([]);
    expect(await graphFingerprint(driver)).toEqual(clean);
  });
});
