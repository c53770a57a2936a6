import { describe, expect, it } from 'vitest';
import { normalise, originalSpan } from './index.js';
import { fromOriginal, mapCodePoints } from './mapped-text.js';
import { displayForm, nfkc } from './rules.js';

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

describe('chrome removal by general signals', () => {
  it('cuts a related-links list glued before the report text', () => {
    const line =
      '【某某专栏】标题 更新时间:2023-11-13 来源:网站 热门标语大全 2023-03-23 范文五篇 2023-03-21 心得体会 2023-03-16 【-政策】 2023年,依据市委、市政府的工作部署,我局深入贯彻落实。';
    expect(normalise(line).clean.text).toBe('2023年,依据市委、市政府的工作部署,我局深入贯彻落实。');
  });

  it('drops a block that repeats earlier text (a duplicated abstract)', () => {
    const body = '今天,我们召开全市教育工作会议,主要任务是总结工作、安排部署任务,动员全市广大教育工作者凝心聚力。';
    const r = normalise(`${body}\n下面我讲两点意见。\n摘要:\n${body}再次重复的摘要。`);
    expect(r.clean.text.split(body).length - 1).toBe(1);
    expect(r.dropped.map((d) => d.reason)).toContain('repeats earlier text');
  });

  it('drops the short lines of a site footer after a chrome line near the end', () => {
    const text = `${'教育工作取得明显成效。'.repeat(30)}\n推荐阅读:某区政府工作报告\n某某区政府工作报告某某县政府工作报告\n热点文章阅读`;
    expect(normalise(text).clean.text.trim()).toBe('教育工作取得明显成效。'.repeat(30));
  });
});

describe('per-code-point mapping', () => {
  it('NFKC gives every code point the form NFKC gives it alone, whether or not it is asked about', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => c)
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCharCode(c));
    const text = all.join('') + '\u{1d400}\u{2f800}';
    const clean = nfkc(fromOriginal(text));
    expect(clean.text).toBe([...text].map((cp) => cp.normalize('NFKC')).join(''));
    // Each form still points at the code point it came from.
    const short = nfkc(fromOriginal('中Ａ文㎏'));
    expect(short.text).toBe('中A文kg');
    expect([1, 3, 4].map((i) => originalSpan(short, i, i + 1))).toEqual([
      [1, 2],
      [3, 4],
      [3, 4],
    ]);
  });

  it('keeps surrogate pairs together and copies unchanged text as it was', () => {
    const m = fromOriginal('a\u{20000}b\ud800c');
    const seen: string[] = [];
    const out = mapCodePoints(m, (cp) => (seen.push(cp), cp === 'b' ? 'BB' : cp));
    expect(seen).toEqual(['a', '\u{20000}', 'b', '\ud800', 'c']);
    expect(out.text).toBe('a\u{20000}BB\ud800c');
    expect(out.starts).toEqual([0, 1, 2, 3, 3, 4, 5]);
    expect(mapCodePoints(m, (cp) => cp).text).toBe(m.text);
  });
});
