import { describe, expect, it } from 'vitest';
import { normalise } from './index.js';
import { findPlaceholders } from './repairs.js';

describe('repairs', () => {
  it('restores 《》 from ?…? only around a document title', () => {
    expect(normalise('强力推动?Xx县中学校布局调整实施方案?的落实').clean.text).toBe(
      '强力推动《Xx县中学校布局调整实施方案》的落实',
    );
    expect(normalise('你知道是什么方案?我们的方案?').clean.text).toBe('你知道是什么方案?我们的方案?');
  });

  it('restores a ?…? title broken by a hard line break or ending in its years', () => {
    expect(normalise('深入实施?乡村教师支持计划(2015—2020年\n)?,用好特岗计划').clean.text).toBe(
      '深入实施《乡村教师支持计划(2015—2020年\n)》,用好特岗计划',
    );
    expect(normalise('认真贯彻?关于加强中小学\n教师队伍建设的意见?,开展培训').clean.text).toBe(
      '认真贯彻《关于加强中小学\n教师队伍建设的意见》,开展培训',
    );
    expect(normalise('按照?揭西县落实“双减”工作实施方案?要求').clean.text).toBe(
      '按照《揭西县落实“双减”工作实施方案》要求',
    );
    // Two paragraphs are never one title.
    expect(normalise('对照?县里\n\n的方案?').clean.text).toBe('对照?县里\n\n的方案?');
    // The kind of document itself may be wrapped.
    expect(normalise('先后制定了?阳原县推进县域义务教育均衡发展实施方\n案(2014—2018年)?和').clean.text).toBe(
      '先后制定了《阳原县推进县域义务教育均衡发展实施方\n案(2014—2018年)》和',
    );
  });

  it('drops page lines printed inside the text, joining what they cut', () => {
    const n = normalise(
      '全面落实?阳原县乡村教员支持计划(2015—2020年)\n第 3 页 共 6 页\n实施办法?,发放补助。\n- 4 -\n二、主要做法\n3/6\n全面落实控辍保学。',
    );
    expect(n.clean.text).toBe(
      '全面落实《阳原县乡村教员支持计划(2015—2020年)实施办法》,发放补助。\n二、主要做法\n全面落实控辍保学。',
    );
    expect(n.fired['page lines dropped']).toBe(3);
    // Headings keep their line, and two page lines in a row both go.
    expect(normalise('一是强化党建引领\n- 3 -\n二是压实责任。').clean.text).toBe('一是强化党建引领\n二是压实责任。');
    expect(normalise('第一部分 2023年工作回顾\n- 1 -\n2023年,全县教育事业稳步发展。').clean.text).toBe(
      '第一部分 2023年工作回顾\n2023年,全县教育事业稳步发展。',
    );
    expect(normalise('全县投入资金3200\n第 3 页\n第 4 页\n万元。').clean.text).toBe('全县投入资金3200万元。');
    // A line that opens like a heading but holds a sentence is text the page cut.
    expect(normalise('2.落实资助政策。发放补助8.9\n- 5 -\n万元。').clean.text).toBe(
      '2.落实资助政策。发放补助8.9万元。',
    );
  });

  it('puts back a closing quote lost before a conjunction', () => {
    expect(normalise('实施“科教兴县和“人才强县战略').clean.text).toBe('实施“科教兴县”和“人才强县战略');
  });

  it('flags anonymised placeholders without changing them', () => {
    const found = findPlaceholders('20xx年,Xx县与xx市的XX一中上线率x.xx%,20**年');
    expect(found.map((p) => `${p.kind}:${p.text}`)).toEqual([
      'year:20xx',
      'year:20**',
      'number:x.xx%',
      'place:Xx县',
      'place:xx市',
      'name:XX一中',
    ]);
  });
});
