import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { markSections } from './sections.js';
import { splitSentences } from './sentences.js';

const sectioned = (text: string) => markSections(splitSentences(normalise(text).clean));

describe('markSections', () => {
  it('marks headings and gives each sentence the headings above it', () => {
    const s = sectioned(
      '一、工作回顾\n(一)教育实践活动取得明显成效\n全系统开展活动。\n(二)民生工程扎实推进\n食堂开工建设。\n二、明年计划\n继续努力。',
    );
    expect(s.map((x) => [x.heading, x.section])).toEqual([
      [true, '一、工作回顾'],
      [true, '一、工作回顾 › (一)教育实践活动取得明显成效'],
      [false, '一、工作回顾 › (一)教育实践活动取得明显成效'],
      [true, '一、工作回顾 › (二)民生工程扎实推进'],
      [false, '一、工作回顾 › (二)民生工程扎实推进'],
      [true, '二、明年计划'],
      [false, '二、明年计划'],
    ]);
  });

  it('splits a heading glued to its first sentence by a space, keeping original offsets', () => {
    const original = '报告如下。 一、取得的成果 今年以来,我局认真贯彻落实。';
    const s = sectioned(original);
    expect(s.map((x) => x.clean.text)).toEqual(['报告如下。', '一、取得的成果', '今年以来,我局认真贯彻落实。']);
    expect(original.slice(s[1]!.start, s[1]!.end)).toBe('一、取得的成果');
    expect(s.map((x) => x.idx)).toEqual([0, 1, 2]);
  });

  it('does not take a long numbered sentence for a heading', () => {
    const s = sectioned('1、今年中考,全市前100名中我县占19名,前10名中占4名,成绩喜人,再创新高,社会满意度持续提升。');
    expect(s.every((x) => !x.heading)).toBe(true);
  });
});
