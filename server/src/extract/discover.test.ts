import { describe, expect, it } from 'vitest';
import { discoverTerms } from './discover.js';

describe('discoverTerms', () => {
  const corpus = [
    '全面推行控低提优改革,各校积极参与。',
    '深化控低提优工作,质量明显提升。',
    '我县以控低提优为抓手,推动均衡发展。',
    '开展“书香润童年”活动,学生踊跃参加。',
    '通过控低提优,薄弱学校进步很大。',
  ];

  it('finds a cohesive term used in varied contexts, and quoted phrases', () => {
    const found = discoverTerms(corpus, { minFreq: 3 });
    expect(found[0]?.term).toBe('控低提优');
    expect(found[0]).toMatchObject({ freq: 4 });
    expect(found[0]!.leftEntropy).toBeGreaterThan(1);
    const quoted = discoverTerms(corpus, { minFreq: 1, top: 500 }).find((c) => c.term === '书香润童年');
    expect(quoted?.quoted).toBe(1);
  });

  it('leaves out what is known: lexicon forms and dictionary words', () => {
    const found = discoverTerms(corpus, { minFreq: 3, known: new Set(['控低提优']), isWord: (w) => w === '学校' });
    expect(found.map((c) => c.term)).not.toContain('控低提优');
    expect(found.map((c) => c.term)).not.toContain('学校');
  });

  it('prefers the whole phrase to its fragments', () => {
    const terms = discoverTerms(corpus, { minFreq: 3 }).map((c) => c.term);
    expect(terms).not.toContain('控低提');
    expect(terms).not.toContain('低提优');
  });
});
