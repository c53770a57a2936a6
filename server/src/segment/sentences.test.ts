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

  it('reads across a page line inside a sentence, even when the page ended a short line', () => {
    const s = split(
      '全市推进劳动教育,新城一小、二小和老城小学被评为铁\n岭市\n- 3 -\n劳动教育示范校。认真落实农村义务教育学生营养\n第 4 页 共 5 页\n改善计划,惠及学生5.1万人次。',
    );
    expect(s.map((x) => x.clean.text)).toEqual([
      '全市推进劳动教育,新城一小、二小和老城小学被评为铁岭市劳动教育示范校。',
      '认真落实农村义务教育学生营养改善计划,惠及学生5.1万人次。',
    ]);
    // A heading before a page line stays a heading.
    expect(split('二、主要做法\n- 2 -\n全面落实控辍保学责任制。').map((x) => x.clean.text)).toEqual([
      '二、主要做法',
      '全面落实控辍保学责任制。',
    ]);
  });

  it('keeps short heading lines as their own paragraphs', () => {
    const s = split('一、工作回顾\n今年工作进展顺利。');
    expect(s.map((x) => [x.paragraph, x.clean.text])).toEqual([
      [0, '一、工作回顾'],
      [1, '今年工作进展顺利。'],
    ]);
  });
});
