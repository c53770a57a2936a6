/**
 * A deterministic synthetic corpus for benchmarks: reports recombined from the seeds'
 * paragraphs, each attributed to a real county and a year. Pure given the seed texts.
 */
import type { Gazetteer } from '../resolve/gazetteer.js';

/** Small fast PRNG (mulberry32): the same seed gives the same corpus everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraph-sized pieces of the seeds (long lines, split at sentence ends). */
export function paragraphPool(texts: string[]): string[] {
  const pool: string[] = [];
  for (const t of texts) {
    for (const line of t.split('\n')) {
      const s = line.trim();
      if (s.length < 60) continue;
      for (let i = 0; i < s.length; i += 400) {
        const piece = s.slice(i, i + 400);
        const end = piece.lastIndexOf('。');
        pool.push(end > 100 ? piece.slice(0, end + 1) : piece);
      }
    }
  }
  return pool;
}

export interface GeneratedReport {
  name: string;
  text: string;
}

export function generateReports(
  n: number,
  pool: string[],
  g: Gazetteer,
  opts: { seed?: number; bytesPerReport?: number } = {},
): GeneratedReport[] {
  return [...reportStream(n, pool, g, opts)];
}

/** The same reports one at a time, so a 100k-report corpus never sits in memory. */
export function* reportStream(
  n: number,
  pool: string[],
  g: Gazetteer,
  opts: { seed?: number; bytesPerReport?: number } = {},
): Generator<GeneratedReport> {
  const rand = prng(opts.seed ?? 42);
  const counties = [...g.byCode.values()].filter((d) => d.level === 'county' && d.name.endsWith('县'));
  const target = opts.bytesPerReport ?? 10_000;
  for (let i = 0; i < n; i++) {
    const county = counties[Math.floor(rand() * counties.length)]!;
    const year = 2012 + Math.floor(rand() * 12);
    const paras = [
      `${county.name}教育局${year}年工作总结`,
      `${year}年以来,在县委、县政府的正确领导下,我县教育工作取得新进展,${county.name}全县教育系统认真落实各项部署。`,
    ];
    let bytes = Buffer.byteLength(paras.join('\n'));
    while (bytes < target) {
      const p = pool[Math.floor(rand() * pool.length)]!;
      paras.push(p);
      bytes += Buffer.byteLength(p) + 1;
    }
    yield { name: `r${String(i).padStart(6, '0')}_${county.code}_${year}.txt`, text: paras.join('\n') + '\n' };
  }
}
