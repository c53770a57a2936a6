/**
 * The whole text path on a scraped copy: normalisation repairs and the rejoining of hard-wrapped lines must
 * leave extraction a title it can find.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSource } from './analyze.js';

const documents = (text: string) =>
  analyzeSource({ id: 't', path: 't.txt', text, sha256: 'x' })
    .flatMap((r) => r.mentions)
    .filter((m) => m.kind === 'DOCUMENT')
    .map((m) => m.name);

describe('analyzeSource on a scraped copy', () => {
  it('finds a ?…? title broken by a hard line break inside a long wrapped paragraph', () => {
    const text = [
      '会泽县教育体育局2020年工作总结',
      '（二）着力建设高素质教师队伍。认真贯彻?中共中央 国务院关于全面深化新时代',
      '教师队伍建设改革的意见?,深入实施?乡村教师支持计划(2015—2020年',
      ')?,用好特岗计划,全年补充教师120名,组织教师参加国培计划和省级培训。',
    ].join('\n');
    expect(documents(text)).toEqual([
      '中共中央 国务院关于全面深化新时代教师队伍建设改革的意见',
      '乡村教师支持计划(2015—2020年)',
    ]);
  });
});
