import nodejieba from 'nodejieba';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultLexicon } from '../extract/lexicon.js';
import { ensureJieba, tag, tagMany } from './jieba.js';

const lex = defaultLexicon();

describe('tagging a report’s sentences in one call', () => {
  beforeAll(() => ensureJieba(lex), 60_000);

  it('gives each sentence the tokens it gets alone, offsets included', () => {
    const sentences = [
      '全县扎实推进控辍保学工作,落实“两免一补”政策。',
      '县一中开展两学一做学习教育!',
      '',
      'Grade 3 学生 120 人……',
      '“双减”落地见效;',
      '新建林伟民纪念小学。',
    ];
    expect(tagMany(sentences, lex)).toEqual(sentences.map((s) => tag(s, lex)));
  });

  it('covers every character of every sentence exactly once', () => {
    const sentences = ['一是抓好营养改善计划。', '。。', '二是实施县管校聘改革'];
    tagMany(sentences, lex).forEach((tokens, i) => {
      expect(tokens.map((t) => t.word).join('')).toBe(sentences[i]);
      for (const t of tokens) expect(sentences[i]!.slice(t.start, t.end)).toBe(t.word);
    });
  });
});

describe('tags', () => {
  beforeAll(() => ensureJieba(lex), 60_000);

  it('are the ones jieba’s own tagger gives: lexicon terms, stock words, numbers, Latin, unknown words', () => {
    const text =
      '全县落实“双减”政策和控辍保学,2023年投入5.6亿元,建成G5高速旁的AT&T C++实验室与x86机房,' +
      '林伟民纪念小学的Grade 3学生120人,a中b、1中2、12ab、A1、ｆｕｌｌ都算,在广州市。';
    const theirs = nodejieba.tag(text);
    expect(tag(text, lex).map((t) => [t.word, t.tag])).toEqual(theirs.map((t) => [t.word, t.tag]));
    expect(theirs.map((t) => t.tag)).toEqual(expect.arrayContaining(['nz', 'm', 'eng', 'x', 'ns', 'nr']));
  });
});
