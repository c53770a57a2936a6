import type { IngestProgress } from '../load/ingest.js';

const mb = (b: number) => (b / 1e6).toFixed(1);

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One status line: files, MB, reports/s and ETA (by bytes, the better predictor of work). */
export function progressLine(p: IngestProgress): string {
  const rate = p.seconds > 0 ? p.reports / p.seconds : 0;
  const remaining = p.bytes > 0 ? (p.seconds / p.bytes) * (p.totalBytes - p.bytes) : Infinity;
  return `${p.files}/${p.totalFiles} files  ${mb(p.bytes)}/${mb(p.totalBytes)} MB  ${rate.toFixed(1)} reports/s  ETA ${eta(remaining)}`;
}

/** A progress bar redrawn in place on a terminal, at most ten times a second. */
export function terminalProgress(stream: NodeJS.WriteStream): { update(p: IngestProgress): void; done(): void } {
  let last = 0;
  let width = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.files < p.totalFiles) return;
      last = now;
      const share = p.totalBytes ? p.bytes / p.totalBytes : p.files / Math.max(1, p.totalFiles);
      const bar = '█'.repeat(Math.round(share * 20)).padEnd(20, '░');
      const line = `${bar} ${progressLine(p)}`;
      stream.write(`\r${line.padEnd(width)}`);
      width = line.length;
    },
    done() {
      if (width) stream.write('\n');
    },
  };
}
