import { describe, expect, it } from 'vitest';
import { cooccurrencePairs } from './cooccurrence.js';

describe('cooccurrencePairs', () => {
  it('counts shared sentences and shared paragraphs per pair, once each', () => {
    const pairs = cooccurrencePairs([
      { sentence: 0, paragraph: 0, key: 'P:控辍保学' },
      { sentence: 0, paragraph: 0, key: 'P:精准扶贫' },
      { sentence: 0, paragraph: 0, key: 'P:控辍保学' }, // twice in one sentence still counts once
      { sentence: 1, paragraph: 0, key: 'P:两免一补' },
      { sentence: 2, paragraph: 1, key: 'P:控辍保学' },
      { sentence: 2, paragraph: 1, key: 'P:精准扶贫' },
    ]);
    const byPair = Object.fromEntries(pairs.map((p) => [`${p.a}+${p.b}`, [p.sentences, p.paragraphs]]));
    expect(byPair).toEqual({
      'P:控辍保学+P:精准扶贫': [2, 2],
      'P:两免一补+P:控辍保学': [0, 1],
      'P:两免一补+P:精准扶贫': [0, 1],
    });
  });
});
