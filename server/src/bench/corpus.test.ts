import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../resolve/gazetteer.js';
import { generateReports, paragraphPool } from './corpus.js';

describe('benchmark corpus', () => {
  const pool = paragraphPool(['第一段很长的报告内容。'.repeat(20), '短行\n' + '第二段也很长的报告内容。'.repeat(20)]);

  it('is deterministic for a seed and sized as asked', () => {
    const a = generateReports(5, pool, defaultGazetteer(), { seed: 7, bytesPerReport: 3000 });
    const b = generateReports(5, pool, defaultGazetteer(), { seed: 7, bytesPerReport: 3000 });
    expect(a).toEqual(b);
    for (const r of a) expect(Buffer.byteLength(r.text)).toBeGreaterThanOrEqual(3000);
    expect(new Set(a.map((r) => r.name)).size).toBe(5);
  });

  it('names a real county and its year in each report', () => {
    const [r] = generateReports(1, pool, defaultGazetteer(), { seed: 1 });
    const code = r!.name.split('_')[1]!;
    const county = defaultGazetteer().byCode.get(code)!;
    expect(r!.text.startsWith(`${county.name}教育局`)).toBe(true);
  });
});
