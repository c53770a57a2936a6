import { describe, expect, it } from 'vitest';
import { normalise, originalSpan } from './index.js';
import { displayForm } from './rules.js';

describe('normalise', () => {
  it('converts traditional to simplified and drops pinyin glosses, keeping real parentheticals', () => {
    const { clean } = normalise('緊密結(jié)合"兩學(xué)一做"專(zhuān)題(一)(暫定名)');
    expect(clean.text).toBe('紧密结合"两学一做"专题(一)(暂定名)');
  });

  it('maps every clean character back to the text as written', () => {
    const original = '區(qū)教育局落實(shí)"兩學(xué)一做"';
    const { clean } = normalise(original);
    const at = clean.text.indexOf('两学一做');
    const [s, e] = originalSpan(clean, at, at + 4);
    expect(original.slice(s, e)).toBe('兩學(xué)一做');
  });

  it('turns full-width digits and punctuation into ASCII (NFKC)', () => {
    expect(normalise('２０２３年（一）：').clean.text).toBe('2023年(一):');
  });

  it('collapses a duplicated year', () => {
    expect(normalise('1、2023年2023年以来教育体育局').clean.text).toBe('1、2023年以来教育体育局');
  });

  it('drops document-site chrome lines but keeps report text', () => {
    const r = normalise(
      '好文档 - 专业文书写作范文服务资料分享网站\n市教育局年度工作总结\n999+\n20.56KB\n一年来,教育工作进展顺利。',
    );
    expect(r.clean.text.split('\n').filter(Boolean)).toEqual(['市教育局年度工作总结', '一年来,教育工作进展顺利。']);
    expect(r.dropped.map((d) => d.reason)).toEqual(['site phrase "好文档"', 'metadata', 'metadata']);
  });

  it('names an alias as a reader would: no glosses, no line breaks', () => {
    expect(displayForm('兩學(xué)一做')).toBe('兩學一做');
    expect(displayForm('党的群众路线教育实\n践活动')).toBe('党的群众路线教育实践活动');
  });
});
