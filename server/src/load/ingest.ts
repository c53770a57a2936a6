import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { AnalyzedReport } from '../pipeline/analyze.js';
import { analyseInThread, analyseInWorkers } from '../pipeline/pool.js';
import { collectFiles } from '../read/read-file.js';
import { writeSource, type WriteOutcome } from './write-report.js';

export interface IngestSummary {
  /** Files newly stored, replaced, unchanged. */
  created: number;
  replaced: number;
  unchanged: number;
  /** Reports written (a file may hold several). */
  reports: number;
  sentences: number;
  mentions: number;
  bytes: number;
  seconds: number;
  failures: Array<{ file: string; reason: string }>;
}

export interface IngestProgress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  reports: number;
  seconds: number;
}

export interface IngestOptions {
  database?: string;
  force?: boolean;
  /** Worker threads for reading and analysis; 0 analyses in this thread. */
  workers?: number;
  /** One line per file (plain logs). */
  log?: (m: string) => void;
  /** Called after each file (progress bars). */
  progress?: (p: IngestProgress) => void;
}

/**
 * Reads and analyses files (in worker threads when asked) and writes each file's
 * reports in one transaction, in input order. A bad file is reported and skipped;
 * the others still land.
 */
export async function ingestPaths(driver: Driver, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const { files, errors } = collectFiles(paths);
  const totalBytes = files.reduce((n, f) => n + (fs.statSync(f.path, { throwIfNoEntry: false })?.size ?? 0), 0);
  const summary: IngestSummary = {
    created: 0,
    replaced: 0,
    unchanged: 0,
    reports: 0,
    sentences: 0,
    mentions: 0,
    bytes: 0,
    seconds: 0,
    failures: [],
  };
  for (const e of errors) summary.failures.push({ file: e.file, reason: e.reason });
  const workers = opts.workers ?? 0;
  const stream = workers > 0 ? analyseInWorkers(files, workers) : analyseInThread(files);
  let n = 0;
  for await (const { path, result } of stream) {
    n++;
    if (!result.ok) {
      if (result.fatal) throw new Error(`${result.file}: ${result.reason}`);
      summary.failures.push({ file: result.file, reason: result.reason });
      log(`[${n}/${files.length}] ${path}: FAILED ${result.reason}`);
    } else {
      const reports: AnalyzedReport[] = result.reports;
      const outcome: WriteOutcome = await writeSource(driver, reports, opts);
      const sentences = reports.reduce((k, r) => k + r.sentences.length, 0);
      const mentions = reports.reduce((k, r) => k + r.mentions.length, 0);
      if (outcome !== 'unchanged') {
        summary.sentences += sentences;
        summary.mentions += mentions;
        summary.reports += reports.length;
      }
      summary.bytes += result.bytes;
      summary[outcome]++;
      const parts = reports.length > 1 ? `${reports.length} reports, ` : '';
      log(`[${n}/${files.length}] ${path}: ${outcome} (${parts}${sentences} sentences, ${mentions} mentions)`);
    }
    opts.progress?.({
      files: n,
      totalFiles: files.length,
      bytes: summary.bytes,
      totalBytes,
      reports: summary.reports,
      seconds: (Date.now() - started) / 1000,
    });
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
