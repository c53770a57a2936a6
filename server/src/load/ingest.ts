import type { Driver } from 'neo4j-driver';
import { analyze } from '../pipeline/analyze.js';
import { collectFiles, InputError, readSourceFile } from '../read/read-file.js';
import { writeReport, type WriteOutcome } from './write-report.js';

export interface IngestSummary {
  created: number;
  replaced: number;
  unchanged: number;
  sentences: number;
  mentions: number;
  failures: Array<{ file: string; reason: string }>;
}

/**
 * Reads, analyses and writes each file in turn. A bad file is reported and
 * skipped; the others still land.
 */
export async function ingestPaths(
  driver: Driver,
  paths: string[],
  opts: { database?: string; force?: boolean; log?: (m: string) => void } = {},
): Promise<IngestSummary> {
  const log = opts.log ?? (() => {});
  const { files, errors } = collectFiles(paths);
  const summary: IngestSummary = { created: 0, replaced: 0, unchanged: 0, sentences: 0, mentions: 0, failures: [] };
  for (const e of errors) summary.failures.push({ file: e.file, reason: e.reason });
  let n = 0;
  for (const ref of files) {
    n++;
    let outcome: WriteOutcome;
    try {
      const report = analyze(await readSourceFile(ref.path, ref.root));
      outcome = await writeReport(driver, report, opts);
      if (outcome !== 'unchanged') {
        summary.sentences += report.sentences.length;
        summary.mentions += report.mentions.length;
      }
      log(
        `[${n}/${files.length}] ${ref.path}: ${outcome} (${report.sentences.length} sentences, ${report.mentions.length} mentions)`,
      );
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
