/** Worker thread: reads and analyses files for the ingest pool; the main thread writes. */
import { parentPort } from 'node:worker_threads';
import { InputError, readSourceFile } from '../read/read-file.js';
import { analyzeSource } from './analyze.js';

export interface WorkRequest {
  seq: number;
  path: string;
  root?: string;
}

export type WorkResult =
  | { seq: number; ok: true; reports: ReturnType<typeof analyzeSource>; bytes: number }
  | { seq: number; ok: false; file: string; reason: string; fatal: boolean };

parentPort?.on('message', async (req: WorkRequest) => {
  try {
    const source = await readSourceFile(req.path, req.root);
    const reports = analyzeSource(source);
    parentPort!.postMessage({ seq: req.seq, ok: true, reports, bytes: source.bytes } satisfies WorkResult);
  } catch (e) {
    const input = e instanceof InputError;
    parentPort!.postMessage({
      seq: req.seq,
      ok: false,
      file: input ? e.file : req.path,
      reason: input ? e.reason : String((e as Error).stack ?? e),
      fatal: !input,
    } satisfies WorkResult);
  }
});
