import { describe, expect, it } from 'vitest';
import { normalise } from '../normalise/index.js';
import { splitSentences } from './sentences.js';

const split = (text: string) => splitSentences(normalise(text).clean);

describe('splitSentences', () => {
  it('splits on Chinese sentence ends and keeps closing quotes with the sentence', () => {
    const s = split('今年中考成绩优异。“控辍保学”工作扎实推进!还有问题吗?');
    expect(s.map((x) => x.clean.text)).toEqual(['今年中考成绩优异。', '“控辍保学”工作扎实推进!', '还有问题吗?']);
  });

  it('joins hard-wrapped lines back into one sentence (seed 002)', () => {
    const s = split('今天,我们召开 20XX 年全市教育工作会议,主要任务是:总结 20XX 年工\n作,安排部署 20XX 年任务。');
    expect(s).toHaveLength(1);
    expect(s[0]!.clean.text).toContain('20XX 年工作');
  });

  it('treats a page number glued to a continued line as page furniture, not a list item (seed 000)', () => {
    const original = '今年中考,全市前100名中,我县占19名,前10名中占4名。高考\n2、本二上线人数1817人,上线率为46.9%。';
    const s = split(original);
    const joined = s.map((x) => x.clean.text).join('');
    expect(joined).toContain('高考本二上线人数1817人');
    // Evidence still shows the text as written.
    const last = s[s.length - 1]!;
    expect(original.slice(last.start, last.end)).toBe('高考\n2、本二上线人数1817人,上线率为46.9%。');
  });

  it('keeps short heading lines as their own paragraphs', () => {
    const s = split('一、工作回顾\n今年工作进展顺利。');
    expect(s.map((x) => [x.paragraph, x.clean.text])).toEqual([
      [0, '一、工作回顾'],
      [1, '今年工作进展顺利。'],
    ]);
  });
});
