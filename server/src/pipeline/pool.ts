import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedReport } from './analyze.js';
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

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, (os.availableParallelism?.() ?? os.cpus().length) - 1));
}

export type { AnalyzedReport };
