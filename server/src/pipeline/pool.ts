import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError, readSourceFile } from '../read/read-file.js';
import { analyzeSource, type AnalyzedReport } from './analyze.js';
import type { WorkRequest, WorkResult } from './worker.js';

export interface Analysed {
  path: string;
  result: WorkResult;
}

/**
 * Analyses files in worker threads and yields results in input order, at most
 * `ahead` files ahead of the consumer, so memory stays bounded however many files
 * there are. With workers = 0 the caller analyses in its own thread instead.
 */
export async function* analyseInWorkers(
  files: Array<{ path: string; root?: string }>,
  workers: number,
  ahead = workers * 4,
): AsyncGenerator<Analysed> {
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./worker.js', import.meta.url)));
  const pending = new Map<number, (r: WorkResult) => void>();
  for (const w of pool) {
    w.on('message', (r: WorkResult) => {
      pending.get(r.seq)?.(r);
      pending.delete(r.seq);
    });
  }
  const results: Array<Promise<WorkResult>> = [];
  let next = 0;
  const submit = () => {
    const seq = next++;
    const f = files[seq]!;
    results[seq] = new Promise<WorkResult>((resolve) => pending.set(seq, resolve));
    pool[seq % pool.length]!.postMessage({ seq, path: f.path, root: f.root } satisfies WorkRequest);
  };
  try {
    while (next < files.length && next < ahead) submit();
    for (let i = 0; i < files.length; i++) {
      const result = await results[i]!;
      delete results[i];
      if (next < files.length) submit();
      yield { path: files[i]!.path, result };
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** The same stream as analyseInWorkers, computed in this thread (no start-up cost for a few files). */
export async function* analyseInThread(files: Array<{ path: string; root?: string }>): AsyncGenerator<Analysed> {
  for (const f of files) {
    let result: WorkResult;
    try {
      const source = await readSourceFile(f.path, f.root);
      result = { seq: 0, ok: true, reports: analyzeSource(source), bytes: source.bytes };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      result = { seq: 0, ok: false, file: e.file, reason: e.reason, fatal: false };
    }
    yield { path: f.path, result };
  }
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length) - 1));
}

export type { AnalyzedReport };
