#!/usr/bin/env node
/**
 * `npm run bench [-- --n 100,1000,10000 --workers 1]`: pipeline and ingest throughput on
 * a synthetic corpus recombined from the seeds, against a throwaway local Neo4j.
 * Results go to .policygraph/bench/results-<time>.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../load/ingest.js';
import { migrate } from '../load/migrate.js';
import { writeSource } from '../load/write-report.js';
import { createDriver } from '../neo4j/connection.js';
import { freePort, startLocalNeo4j } from '../neo4j/local-server.js';
import { repoRoot, stateDir } from '../neo4j/paths.js';
import { analyzeSource, type AnalyzedReport } from '../pipeline/analyze.js';
import { analyseInWorkers, defaultWorkers } from '../pipeline/pool.js';
import { collectFiles, readSourceFile } from '../read/read-file.js';
import { defaultGazetteer } from '../resolve/gazetteer.js';
import { generateReports, paragraphPool } from './corpus.js';
import { writeNaively } from './naive.js';

const mb = (bytes: number) => bytes / 1e6;

function corpusDir(n: number): string {
  const dir = path.join(stateDir(), 'bench', `corpus-${n}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  const seeds = collectFiles([path.join(repoRoot(), 'seeds')]).files.map((f) => fs.readFileSync(f.path, 'utf8'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const r of generateReports(n, paragraphPool(seeds), defaultGazetteer(), { seed: 2026 })) {
    fs.writeFileSync(path.join(dir, r.name), r.text);
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

function duBytes(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return 0;
  }
}

async function pipelineRates(dir: string, workers: number) {
  const files = collectFiles([dir]).files;
  const sample = files.slice(0, Math.min(files.length, 300));
  analyzeSource(await readSourceFile(sample[0]!.path, dir)); // warm: dictionaries, gazetteer
  let bytes = 0;
  let t = Date.now();
  for (const f of sample) {
    const s = await readSourceFile(f.path, f.root);
    bytes += s.bytes;
    analyzeSource(s);
  }
  const single = mb(bytes) / ((Date.now() - t) / 1000);
  bytes = 0;
  t = Date.now();
  for await (const r of analyseInWorkers(files, workers)) if (r.result.ok) bytes += r.result.bytes;
  const total = mb(bytes) / ((Date.now() - t) / 1000);
  return { perCoreMBps: single, totalMBps: total, workers };
}

async function withNeo4j<T>(fn: (d: ReturnType<typeof createDriver>, home: string) => Promise<T>): Promise<T> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-bench-'));
  const server = await startLocalNeo4j({ home, boltPort: await freePort(), heap: '2g', pageCache: '1g' });
  const driver = createDriver({ uri: server.uri });
  try {
    await migrate(driver);
    return await fn(driver, home);
  } finally {
    await driver.close();
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

interface Row {
  n: number;
  mb: number;
  pipelinePerCoreMBps: number;
  pipelineTotalMBps: number;
  workers: number;
  ingestSeconds: number;
  reportsPerSecond: number;
  ingestMBps: number;
  peakRssMB: number;
  storeMB: number;
  naiveSeconds?: number;
  batchedVsNaive?: number;
}

async function main() {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '100,1000' }, workers: { type: 'string' } },
  });
  const sizes = values.n.split(',').map(Number);
  const workers = values.workers ? Number(values.workers) : defaultWorkers();
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = corpusDir(n);
    const bytes = collectFiles([dir]).files.reduce((s, f) => s + fs.statSync(f.path).size, 0);
    console.log(`\nN = ${n} (${mb(bytes).toFixed(1)} MB)`);
    const rates = await pipelineRates(dir, workers);
    console.log(
      `  pipeline: ${rates.perCoreMBps.toFixed(2)} MB/s on one core, ${rates.totalMBps.toFixed(2)} MB/s with ${workers} worker(s)`,
    );
    const row = await withNeo4j(async (driver, home) => {
      const s = await ingestPaths(driver, [dir], { workers });
      const store = duBytes(path.join(home, 'data'));
      const r: Row = {
        n,
        mb: mb(bytes),
        pipelinePerCoreMBps: rates.perCoreMBps,
        pipelineTotalMBps: rates.totalMBps,
        workers,
        ingestSeconds: s.seconds,
        reportsPerSecond: s.reports / s.seconds,
        ingestMBps: mb(s.bytes) / s.seconds,
        peakRssMB: process.resourceUsage().maxRSS / 1024,
        storeMB: mb(store),
      };
      console.log(
        `  ingest: ${s.reports} reports in ${s.seconds.toFixed(1)} s = ${r.reportsPerSecond.toFixed(1)} reports/s, ${r.ingestMBps.toFixed(2)} MB/s; peak RSS ${r.peakRssMB.toFixed(0)} MB; store ${r.storeMB.toFixed(0)} MB`,
      );
      return r;
    });
    if (n === sizes[0] && n <= 200) {
      // The naive path on the smallest corpus, same analysis, one statement per row.
      const reports: AnalyzedReport[] = [];
      for (const f of collectFiles([dir]).files) reports.push(...analyzeSource(await readSourceFile(f.path, f.root)));
      row.naiveSeconds = await withNeo4j(async (driver) => {
        const t = Date.now();
        await writeNaively(driver, reports);
        return (Date.now() - t) / 1000;
      });
      const batched = await withNeo4j(async (driver) => {
        const bySource = new Map<string, typeof reports>();
        for (const r of reports) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r]);
        const t = Date.now();
        for (const group of bySource.values()) await writeSource(driver, group);
        return (Date.now() - t) / 1000;
      });
      row.batchedVsNaive = row.naiveSeconds / batched;
      console.log(
        `  writes only: batched ${batched.toFixed(1)} s vs naive ${row.naiveSeconds.toFixed(1)} s = ${row.batchedVsNaive.toFixed(1)}x`,
      );
    }
    rows.push(row);
  }
  const md = [
    `| N | MB | pipeline MB/s (1 core) | pipeline MB/s (${workers} workers) | ingest s | reports/s | ingest MB/s | peak RSS MB | store MB | batched/naive |`,
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.mb.toFixed(1)} | ${r.pipelinePerCoreMBps.toFixed(2)} | ${r.pipelineTotalMBps.toFixed(2)} | ${r.ingestSeconds.toFixed(1)} | ${r.reportsPerSecond.toFixed(1)} | ${r.ingestMBps.toFixed(2)} | ${r.peakRssMB.toFixed(0)} | ${r.storeMB.toFixed(0)} | ${r.batchedVsNaive ? `${r.batchedVsNaive.toFixed(1)}x` : '—'} |`,
    ),
  ].join('\n');
  const out = path.join(stateDir(), 'bench');
  fs.mkdirSync(out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(
    path.join(out, `results-${stamp}.json`),
    JSON.stringify({ when: new Date().toISOString(), cpus: os.cpus().length, rows }, null, 2),
  );
  fs.writeFileSync(path.join(out, `results-${stamp}.md`), md + '\n');
  console.log(`\n${md}\n\nWritten to ${path.relative(process.cwd(), out)}/results-${stamp}.{json,md}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
