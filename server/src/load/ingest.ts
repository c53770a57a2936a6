import type { Driver } from 'neo4j-driver';
import { analyzeSource } from '../pipeline/analyze.js';
import { collectFiles, InputError, readSourceFile } from '../read/read-file.js';
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
  failures: Array<{ file: string; reason: string }>;
}

/**
 * Reads, analyses and writes each file in turn (all reports of a file in one transaction). A bad file is reported and
 * skipped; the others still land.
 */
export async function ingestPaths(
  driver: Driver,
  paths: string[],
  opts: { database?: string; force?: boolean; log?: (m: string) => void } = {},
): Promise<IngestSummary> {
  const log = opts.log ?? (() => {});
  const { files, errors } = collectFiles(paths);
  const summary: IngestSummary = {
    created: 0,
    replaced: 0,
    unchanged: 0,
    reports: 0,
    sentences: 0,
    mentions: 0,
    failures: [],
  };
  for (const e of errors) summary.failures.push({ file: e.file, reason: e.reason });
  let n = 0;
  for (const ref of files) {
    n++;
    let outcome: WriteOutcome;
    try {
      const reports = analyzeSource(await readSourceFile(ref.path, ref.root));
      outcome = await writeSource(driver, reports, opts);
      const sentences = reports.reduce((k, r) => k + r.sentences.length, 0);
      const mentions = reports.reduce((k, r) => k + r.mentions.length, 0);
      if (outcome !== 'unchanged') {
        summary.sentences += sentences;
        summary.mentions += mentions;
        summary.reports += reports.length;
      }
      const parts = reports.length > 1 ? `${reports.length} reports, ` : '';
      log(`[${n}/${files.length}] ${ref.path}: ${outcome} (${parts}${sentences} sentences, ${mentions} mentions)`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      summary.failures.push({ file: e.file, reason: e.reason });
      log(`[${n}/${files.length}] ${ref.path}: FAILED ${e.reason}`);
      continue;
    }
    summary[outcome]++;
  }
  return summary;
}
