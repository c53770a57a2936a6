import { describe, expect, it } from 'vitest';
import { fromOriginal } from '../normalise/mapped-text.js';
import { splitReports } from './split-reports.js';

const split = (text: string) => splitReports(fromOriginal(text));

describe('splitReports', () => {
  it('splits a page holding several numbered reports and keeps the page title out of them', () => {
    const r = split(
      '某区政府工作报告\n下面是整理的范文。\n教育局季度工作总结一\n区教育局上半年工作。\n教育局季度工作总结二\n区教育局工作情况。\n',
    );
    expect(r.parts.map((p) => p.heading)).toEqual(['教育局季度工作总结一', '教育局季度工作总结二']);
    expect(r.parts.map((p) => p.text.text.trim())).toEqual(['区教育局上半年工作。', '区教育局工作情况。']);
    expect(r.preamble).toBe('某区政府工作报告\n下面是整理的范文。');
  });

  it('recognises 【篇一】 style headings', () => {
    expect(split('【篇一】\n第一篇内容。\n【篇二】\n第二篇内容。').parts).toHaveLength(2);
  });

  it('does not split on section headings or a single numbered line', () => {
    expect(split('一、工作回顾\n今年工作。\n二、明年计划\n明年工作。').parts).toHaveLength(1);
    expect(split('工作总结一\n只有一篇。').parts).toHaveLength(1);
  });

  it('needs the numbering to run 1, 2, 3…', () => {
    expect(split('年度工作总结二\n内容。\n年度工作总结三\n内容。').parts).toHaveLength(1);
  });
});
