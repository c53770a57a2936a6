import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalKey } from '../resolve/index.js';
import { defaultGazetteer } from '../resolve/gazetteer.js';
import { isStockWord, stockFrequency, tag } from '../segment/jieba.js';
import { extractMentions } from './index.js';
import { buildLexicon, defaultLexicon } from './lexicon.js';

const lex = defaultLexicon();
const know = {
  isWord: isStockWord,
  frequency: stockFrequency,
  isPlace: (w: string) => defaultGazetteer().byName.has(w),
};
const extract = (text: string) => extractMentions(text, tag(text, lex), lex, know);
const names = (text: string) => extract(text).map((m) => `${m.kind}:${m.name}`);

// Loading jieba's dictionaries takes seconds on a busy machine: setup, not part of any one test.
beforeAll(() => void tag('预热', lex), 60_000);

describe('extractMentions', () => {
  it('keeps lexicon slogans whole that stock jieba would split', () => {
    expect(names('全面落实控辍保学和县管校聘,深入开展两学一做。')).toEqual([
      'POLICY:控辍保学',
      'POLICY:县管校聘',
      'POLICY:两学一做',
    ]);
  });

  it('maps variants to the canonical entry (spun spelling, bracketed form)', () => {
    expect(names('全面落实科学进展观,推进县(区)管校聘改革。')).toEqual(['POLICY:科学发展观', 'POLICY:县管校聘']);
  });

  it('takes quoted phrases as programs or slogans by their ending and the words glued after them', () => {
    expect(names('开展“书香润童年”读书活动,实施“蓝天护苗工程”。')).toEqual([
      'PROGRAM:书香润童年',
      'PROGRAM:蓝天护苗工程',
    ]);
    expect(names('认真落实“七长”责任制。')).toEqual(['POLICY:七长责任制']);
    expect(names('坚持“为民、务实、清廉”的要求。')).toEqual(['POLICY:为民、务实、清廉']);
  });

  it('names the duty that organises a known policy with it, and keeps the policy inside', () => {
    expect(names('落实控辍保学责任制,严格控辍保学目标责任制。')).toEqual([
      'POLICY:控辍保学',
      'POLICY:控辍保学责任制',
      'POLICY:控辍保学',
      'POLICY:控辍保学目标责任制',
    ]);
    expect(names('全面落实控辍保学“双线”责任制。')).toEqual(['POLICY:控辍保学', 'POLICY:控辍保学双线责任制']);
    expect(names('落实控辍保学工作目标责任制。')).toEqual(['POLICY:控辍保学', 'POLICY:控辍保学目标责任制']);
    // The abbreviation before it names the duty as written.
    expect(names('落实“双线四级”控辍保学责任制。')).toEqual(['POLICY:双线四级控辍保学责任制', 'POLICY:控辍保学']);
  });

  it('leaves quoted rhetoric alone', () => {
    expect(names('按下“快捷键”,跑出“加速度”。')).toEqual([]);
  });

  it('finds documents in title marks', () => {
    const m = extract('制定了《xx市师德师风建设考核办法》。');
    expect(m[0]).toMatchObject({ kind: 'DOCUMENT', name: 'xx市师德师风建设考核办法', anonymised: true });
  });

  it('merges school names across jieba tokens and skips categories', () => {
    expect(names('龙昌中学和金湾区林伟民纪念小学获奖,全市中小学和农村中学参加。')).toEqual([
      'SCHOOL:龙昌中学',
      'SCHOOL:金湾区林伟民纪念小学',
    ]);
  });

  it('finds places by jieba POS and administrative suffix, not pronoun-like words', () => {
    const found = names('珠海市金湾区和将乐县的经验值得全市推广,我县也将学习。');
    expect(found).toEqual(expect.arrayContaining(['PLACE:珠海市', 'PLACE:金湾区', 'PLACE:将乐县']));
    expect(found).not.toContain('PLACE:全市');
    expect(found).not.toContain('PLACE:我县');
  });

  it('scopes anonymised names to their report so two reports never share one', () => {
    const [m] = extract('XX一中教学质量稳步提升。');
    expect(m).toMatchObject({ kind: 'SCHOOL', name: 'XX一中', anonymised: true });
    expect(canonicalKey({ ...m!, surface: m!.surface }, 'a')).not.toBe(
      canonicalKey({ ...m!, surface: m!.surface }, 'b'),
    );
  });

  it('rejects a lexicon entry of unknown kind', () => {
    expect(() => buildLexicon([{ kind: 'SLOGAN' as never, name: 'x', aliases: [] }])).toThrow(/unknown kind/);
  });
});

describe('numeric slogans, programs and organisations', () => {
  it('takes a numeral-led slogan where a policy sits, not a count of things', () => {
    expect(names('全面推行一校一品一特工作。')).toContain('POLICY:一校一品一特');
    expect(names('深入开展两反三转专题教育。')).toContain('POLICY:两反三转');
    expect(names('三中两所学校合并办学。').filter((n) => n.startsWith('POLICY'))).toEqual([]);
  });

  it('joins a program suffix with the name before it, skipping category words', () => {
    expect(names('实施农村中小学校舍维修改造工程,完成年度工作计划。')).toContain('PROGRAM:农村中小学校舍维修改造工程');
    expect(names('完成年度工作计划。').filter((n) => n.startsWith('PROGRAM'))).toEqual([]);
  });

  it('finds organisations by their heads, with a place before them, but not words ending like one', () => {
    const found = names('将乐县人民政府、县疾病防控中心联合部署,形成工作新格局,胜利举办运动会。');
    expect(found).toEqual(expect.arrayContaining(['ORGANIZATION:将乐县人民政府', 'ORGANIZATION:县疾病防控中心']));
    expect(found.some((n) => /格局|举办/u.test(n))).toBe(false);
  });
});

describe('school names jieba cuts apart', () => {
  it('keeps single-character pieces after a list mark, ordinal local schools, and a common noun that starts the name', () => {
    expect(names('哲港幼儿园、甘粑哨幼儿园等已建成。')).toEqual(['SCHOOL:哲港幼儿园', 'SCHOOL:甘粑哨幼儿园']);
    expect(names('完成市四小、乐岗小学信息化设备安装。')).toEqual(['SCHOOL:市四小', 'SCHOOL:乐岗小学']);
    expect(names('航空新城小学建成投入使用。')).toEqual(['SCHOOL:航空新城小学']);
  });

  it('stops at sentence words and list counts', () => {
    expect(names('专家组成员雍阳中专教师参加。')).toEqual(['SCHOOL:雍阳中专']);
    expect(names('利用三中两所学校场地。').filter((n) => n.startsWith('SCHOOL'))).toEqual([]);
  });
});

describe('quotes whose closing mark was lost', () => {
  it('reads a multi-part slogan up to the first function word', () => {
    // The lexicon's 控辍保学 inside it is a mention too (a nested term counts, as in the gold annotation).
    expect(names('真正实现了“控辍保学,一个不少的目的。')).toEqual(['POLICY:控辍保学', 'POLICY:控辍保学、一个不少']);
  });
});
