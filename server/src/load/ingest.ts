import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { SetupError } from '../neo4j/provision.js';
import type { AnalyzedReport } from '../pipeline/analyze.js';
import { analyseInThread, analyseInWorkers } from '../pipeline/pool.js';
import { collectFiles } from '../read/read-file.js';
import { claimedIds, writeSources, type WriteOutcome } from './write-report.js';
import { refreshTermCandidates } from './term-candidates.js';

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
  /** New-term candidates stored by the discovery run after the write (absent when the corpus did not change). */
  termCandidates?: number;
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
  /** Most files and bytes written in one transaction (defaults: 64 files, 4 MB). */
  maxGroupFiles?: number;
  maxGroupBytes?: number;
  /** Rerun new-term discovery after a run that changed the corpus (default true). */
  discover?: boolean;
}

interface Analysed {
  path: string;
  reports: AnalyzedReport[];
  bytes: number;
}

/** Errors that say the database is gone: every further write would fail the same way. */
function isConnectionLost(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'ServiceUnavailable' || code === 'SessionExpired';
}

function connectionLost(e: unknown): SetupError {
  return new SetupError(
    `lost the connection to Neo4j while writing (${(e as Error).message}). Every file written so far is complete; run the same ingest again to go on (unchanged files are skipped).`,
  );
}

/**
 * Writes a group of files in one transaction. If that fails, each file is tried on its
 * own, so one bad file fails alone and the others still land. Returns per file its
 * outcome or the reason it failed.
 */
async function writeGroup(
  driver: Driver,
  group: Analysed[],
  opts: IngestOptions,
): Promise<Array<WriteOutcome | { error: string }>> {
  const files = group.map((g) => g.reports);
  try {
    return await writeSources(driver, files, opts);
  } catch (e) {
    if (isConnectionLost(e)) throw connectionLost(e);
    if (group.length === 1) return [{ error: (e as Error).message }];
  }
  const out: Array<WriteOutcome | { error: string }> = [];
  for (const reports of files) {
    try {
      out.push((await writeSources(driver, [reports], opts))[0]!);
    } catch (e) {
      if (isConnectionLost(e)) throw connectionLost(e);
      out.push({ error: (e as Error).message });
    }
  }
  return out;
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
  const progress = () =>
    opts.progress?.({
      files: n,
      totalFiles: files.length,
      bytes: summary.bytes,
      totalBytes,
      reports: summary.reports,
      seconds: (Date.now() - started) / 1000,
    });
  const record = (a: Analysed, outcome: WriteOutcome | { error: string }) => {
    n++;
    const { reports } = a;
    if (typeof outcome === 'object') {
      summary.failures.push({ file: a.path, reason: outcome.error });
      log(`[${n}/${files.length}] ${a.path}: FAILED ${outcome.error}`);
    } else {
      const sentences = reports.reduce((k, r) => k + r.sentences.length, 0);
      const mentions = reports.reduce((k, r) => k + r.mentions.length, 0);
      if (outcome !== 'unchanged') {
        summary.sentences += sentences;
        summary.mentions += mentions;
        summary.reports += reports.length;
      }
      summary.bytes += a.bytes;
      summary[outcome]++;
      const parts = reports.length > 1 ? `${reports.length} reports, ` : '';
      log(`[${n}/${files.length}] ${a.path}: ${outcome} (${parts}${sentences} sentences, ${mentions} mentions)`);
    }
    progress();
  };

  // Analysis runs ahead while one group is being written: whatever is ready when the
  // writer comes free forms the next group (capped), so slow writes mean bigger groups
  // and fewer commits, fast writes mean small groups and steady progress.
  const maxFiles = opts.maxGroupFiles ?? 64;
  const maxBytes = opts.maxGroupBytes ?? 4_000_000;
  let group: Analysed[] = [];
  let groupBytes = 0;
  let claimed = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  let busy = false;
  const flush = async () => {
    await writing;
    if (group.length === 0) return;
    const g = group;
    group = [];
    groupBytes = 0;
    claimed = new Set();
    busy = true;
    writing = writeGroup(driver, g, opts)
      .then((outcomes) => g.forEach((a, i) => record(a, outcomes[i]!)))
      .finally(() => {
        busy = false;
      });
    // Observed by the next flush; this only keeps Node from calling it unhandled meanwhile.
    writing.catch(() => {});
  };
  for await (const { path, result } of stream) {
    if (!result.ok) {
      if (result.fatal) throw new Error(`${result.file}: ${result.reason}`);
      n++;
      summary.failures.push({ file: result.file, reason: result.reason });
      log(`[${n}/${files.length}] ${path}: FAILED ${result.reason}`);
      progress();
      continue;
    }
    const a: Analysed = { path, reports: result.reports, bytes: result.bytes };
    // Two files claiming one id (a.txt and a.html) go in separate groups, in input order.
    const ids = claimedIds(a.reports);
    if (group.length >= maxFiles || groupBytes + a.bytes > maxBytes || ids.some((id) => claimed.has(id))) {
      await flush();
    }
    group.push(a);
    groupBytes += a.bytes;
    for (const id of ids) claimed.add(id);
    if (!busy) await flush();
  }
  await flush();
  await writing;
  if (opts.discover !== false && summary.created + summary.replaced > 0) {
    // Slogans absent from the lexicon surface as the corpus grows: stored for review (termCandidates, discover).
    const d = await refreshTermCandidates(driver, { database: opts.database });
    summary.termCandidates = d.candidates.length;
    log(`New-term discovery over ${d.sampled} of ${d.total} sentences: ${d.candidates.length} candidates stored.`);
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
