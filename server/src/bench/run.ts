#!/usr/bin/env node
/**
 * `npm run bench [-- --n 100,1000,10000 --workers 2 --fulltext]`: pipeline and ingest throughput
 * on a synthetic corpus recombined from the seeds, against a throwaway local Neo4j.
 * Nothing holds the corpus: it is generated to disk one report at a time, and the ingest is
 * the real `policygraph ingest` in a child process, so its peak RSS is its own.
 * Results go to .policygraph/bench/results-<time>.{json,md}.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { writeSources } from '../load/write-report.js';
import { repoRoot, stateDir } from '../neo4j/paths.js';
import { analyzeSource, type AnalyzedReport } from '../pipeline/analyze.js';
import { analyseInWorkers, defaultWorkers } from '../pipeline/pool.js';
import { collectFiles, readSourceFile } from '../read/read-file.js';
import { compareFulltext, fulltextMarkdown, type FulltextResult } from './fulltext.js';
import { writeNaively } from './naive.js';
import { installShutdown } from '../cli/shutdown.js';
import { corpusDir, duBytes, withNeo4j } from './neo4j-run.js';

const NEO4J_MEMORY = { heap: '2g', pageCache: '1g' };
/** Files timed for the pipeline rates: enough for a steady rate, few enough to stay quick at N = 10k. */
const PIPELINE_SAMPLE = { single: 200, workers: 1000 };

/** Reports (of another corpus) each server writes before the naive/batched timing. */
const NAIVE_WARM_UP = 100;

const mb = (bytes: number) => bytes / 1e6;
const load = () => os.loadavg()[0]!;

async function pipelineRates(dir: string, workers: number) {
  const files = collectFiles([dir]).files;
  const single = files.slice(0, Math.min(files.length, PIPELINE_SAMPLE.single));
  analyzeSource(await readSourceFile(single[0]!.path, dir)); // warm: dictionaries, gazetteer
  let bytes = 0;
  const t = performance.now();
  for (const f of single) {
    const s = await readSourceFile(f.path, f.root);
    bytes += s.bytes;
    analyzeSource(s);
  }
  const perCore = mb(bytes) / ((performance.now() - t) / 1000);
  // Timed from the first result: each worker's start-up (dictionaries, gazetteer: seconds)
  // would otherwise swamp a small corpus. The ingest figures below include it.
  bytes = 0;
  let first: number | undefined;
  const sample = files.slice(0, Math.min(files.length, PIPELINE_SAMPLE.workers));
  for await (const r of analyseInWorkers(sample, workers)) {
    if (!r.result.ok) continue;
    if (first === undefined) first = performance.now();
    else bytes += r.result.bytes;
  }
  const total = mb(bytes) / ((performance.now() - (first ?? 0)) / 1000);
  return { perCoreMBps: perCore, totalMBps: total, perWorkerMBps: total / workers };
}

/** Linux: the high-water mark of a process's resident set, in kB (0 elsewhere). */
function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/u.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

interface IngestRun {
  seconds: number;
  reports: number;
  failed: number;
  peakRssMB: number;
  summary: string;
}

/** `policygraph ingest <dir>` against `uri` in a child process, its RSS sampled as it runs. */
async function ingestInChild(dir: string, uri: string, workers: number): Promise<IngestRun> {
  const cli = path.join(repoRoot(), 'server', 'dist', 'cli.js');
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: uri };
  delete env.NEO4J_USERNAME;
  delete env.NEO4J_PASSWORD;
  delete env.NEO4J_DATABASE;
  const child = spawn(process.execPath, [cli, 'ingest', dir, '--workers', String(workers)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid!))), 100);
  let summary = '';
  const stderr: string[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (l) => {
    if (l.startsWith('Ingested:')) summary = l;
  });
  readline.createInterface({ input: child.stderr }).on('line', (l) => stderr.push(l));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const reports = Number(/(\d+) reports/u.exec(summary)?.[1] ?? NaN);
  if (code !== 0 || !summary) throw new Error(`ingest exited with ${code}:\n${stderr.slice(-20).join('\n')}`);
  return {
    seconds,
    reports,
    failed: Number(/(\d+) failed/u.exec(summary)?.[1] ?? 0),
    peakRssMB: peakKb / 1024,
    summary,
  };
}

interface Row {
  n: number;
  mb: number;
  workers: number;
  pipelinePerCoreMBps: number;
  pipelinePerWorkerMBps: number;
  pipelineTotalMBps: number;
  ingestSeconds: number;
  reportsPerSecond: number;
  ingestMBps: number;
  ingestPeakRssMB: number;
  storeMB: number;
  txLogMB: number;
  loadBefore: number;
  loadAfter: number;
  naiveSeconds?: number;
  batchedSeconds?: number;
  batchedVsNaive?: number;
}

/**
 * Writes only, same analysis: one statement per row vs the ingest's grouped UNWIND transactions.
 * Each server first writes the same other reports its own way (JVM warm-up, first query plans),
 * so the ratio compares the write methods, not how cold a fresh server is.
 */
async function naiveVsBatched(dir: string, row: Row) {
  // 100 reports are small enough to hold; the comparison needs the same reports twice.
  const analyse = async (d: string) => {
    const files: AnalyzedReport[][] = [];
    for (const f of collectFiles([d]).files) files.push(analyzeSource(await readSourceFile(f.path, f.root)));
    return files;
  };
  const warm = await analyse(corpusDir(NAIVE_WARM_UP, 7));
  const timed = await analyse(dir);
  const grouped = async (driver: Driver, files: AnalyzedReport[][]) => {
    for (let i = 0; i < files.length; i += 64) await writeSources(driver, files.slice(i, i + 64));
  };
  row.naiveSeconds = await withNeo4j(NEO4J_MEMORY, async (driver) => {
    await writeNaively(driver, warm.flat());
    const t = performance.now();
    await writeNaively(driver, timed.flat());
    return (performance.now() - t) / 1000;
  });
  row.batchedSeconds = await withNeo4j(NEO4J_MEMORY, async (driver) => {
    await grouped(driver, warm);
    const t = performance.now();
    await grouped(driver, timed);
    return (performance.now() - t) / 1000;
  });
  row.batchedVsNaive = row.naiveSeconds / row.batchedSeconds;
  console.log(
    `  writes only (${timed.length} files, after ${warm.length} others to warm up): batched ${row.batchedSeconds.toFixed(1)} s vs naive ${row.naiveSeconds.toFixed(1)} s = ${row.batchedVsNaive.toFixed(1)}x`,
  );
}

function markdown(rows: Row[], command: string): string {
  const f = (x: number | undefined, d = 1) => (x === undefined ? '—' : x.toFixed(d));
  return [
    `\`${command}\` on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'cpu'}), ${new Date().toISOString()}`,
    '',
    '| N | MB | pipeline MB/s 1 core | MB/s per worker | MB/s total | ingest s | reports/s | ingest MB/s | ingest peak RSS MB | store MB | batched/naive | load avg before → after |',
    '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${f(r.mb)} | ${f(r.pipelinePerCoreMBps, 2)} | ${f(r.pipelinePerWorkerMBps, 2)} (${r.workers}) | ${f(r.pipelineTotalMBps, 2)} | ${f(r.ingestSeconds)} | ${f(r.reportsPerSecond)} | ${f(r.ingestMBps, 2)} | ${f(r.ingestPeakRssMB, 0)} | ${f(r.storeMB, 0)} | ${r.batchedVsNaive ? `${f(r.batchedVsNaive)}x` : '—'} | ${f(r.loadBefore)} → ${f(r.loadAfter)} |`,
    ),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100,1000' },
      workers: { type: 'string' },
      fulltext: { type: 'boolean', default: false },
      'fulltext-n': { type: 'string', default: '1000' },
    },
  });
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  // `--n none` skips the throughput runs (with --fulltext: only the search comparison).
  const sizes = values.n === 'none' ? [] : values.n.split(',').map(Number);
  const workers = values.workers ? Number(values.workers) : defaultWorkers();
  const rows: Row[] = [];
  for (const n of sizes) {
    const dir = corpusDir(n);
    const bytes = collectFiles([dir]).files.reduce((s, f) => s + fs.statSync(f.path).size, 0);
    const loadBefore = load();
    console.log(`\nN = ${n} (${mb(bytes).toFixed(1)} MB), load average ${loadBefore.toFixed(2)}`);
    const rates = await pipelineRates(dir, workers);
    console.log(
      `  pipeline: ${rates.perCoreMBps.toFixed(2)} MB/s on one core; ${rates.totalMBps.toFixed(2)} MB/s with ${workers} worker(s) = ${rates.perWorkerMBps.toFixed(2)} per worker`,
    );
    const disk = { store: 0, txLog: 0 };
    const onStopped = (home: string) => {
      disk.store = duBytes(path.join(home, 'data', 'databases'));
      disk.txLog = duBytes(path.join(home, 'data', 'transactions'));
    };
    const row = await withNeo4j({ ...NEO4J_MEMORY, onStopped }, async (_driver, { uri }) => {
      const run = await ingestInChild(dir, uri, workers);
      const r: Row = {
        n,
        mb: mb(bytes),
        workers,
        pipelinePerCoreMBps: rates.perCoreMBps,
        pipelinePerWorkerMBps: rates.perWorkerMBps,
        pipelineTotalMBps: rates.totalMBps,
        ingestSeconds: run.seconds,
        reportsPerSecond: run.reports / run.seconds,
        ingestMBps: mb(bytes) / run.seconds,
        ingestPeakRssMB: run.peakRssMB,
        storeMB: 0,
        txLogMB: 0,
        loadBefore,
        loadAfter: load(),
      };
      console.log(`  ${run.summary}`);
      console.log(
        `  ingest end to end: ${run.seconds.toFixed(1)} s = ${r.reportsPerSecond.toFixed(1)} reports/s, ${r.ingestMBps.toFixed(2)} MB/s; peak RSS ${r.ingestPeakRssMB.toFixed(0)} MB`,
      );
      return r;
    });
    // The store proper, after the server's closing checkpoint; transaction logs (preallocated
    // in 256 MB files) apart.
    row.storeMB = mb(disk.store);
    row.txLogMB = mb(disk.txLog);
    console.log(`  store ${row.storeMB.toFixed(0)} MB + transaction logs ${row.txLogMB.toFixed(0)} MB`);
    if (n === sizes[0] && n <= 200) await naiveVsBatched(dir, row);
    rows.push(row);
  }
  let fulltext: FulltextResult | undefined;
  if (values.fulltext) fulltext = await compareFulltext(corpusDir(Number(values['fulltext-n'])), NEO4J_MEMORY);
  const md = [rows.length ? markdown(rows, command) : `\`${command}\``, fulltext ? fulltextMarkdown(fulltext) : '']
    .filter(Boolean)
    .join('\n\n');
  const out = path.join(stateDir(), 'bench');
  fs.mkdirSync(out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(
    path.join(out, `results-${stamp}.json`),
    JSON.stringify({ when: new Date().toISOString(), command, cpus: os.cpus().length, rows, fulltext }, null, 2),
  );
  fs.writeFileSync(path.join(out, `results-${stamp}.md`), md + '\n');
  console.log(`\n${md}\n\nWritten to ${path.relative(process.cwd(), out)}/results-${stamp}.{json,md}`);
}

installShutdown();
main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
