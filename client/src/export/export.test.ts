import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { toGraphML } from './graphml';

describe('CSV export', () => {
  it('round-trips Chinese text, commas, quotes and line breaks', () => {
    const rows = [
      ['控辍保学', '“七长”责任制,层层落实', 3],
      ['say "yes"', '第一行\n第二行', null],
    ];
    const csv = toCsv(['term', 'sentence', 'n'], rows);
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel needs the BOM to read UTF-8
    expect(parseCsv(csv)).toEqual([
      ['term', 'sentence', 'n'],
      ['控辍保学', '“七长”责任制,层层落实', '3'],
      ['say "yes"', '第一行\n第二行', ''],
    ]);
  });
});

describe('CSV export in a spreadsheet', () => {
  it('keeps text that looks like a formula from running, and leaves numbers alone', () => {
    const rows = parseCsv(toCsv(['a', 'b', 'c'], [['=HYPERLINK("x")', '-3', -3]]));
    expect(rows[1]).toEqual(['\'=HYPERLINK("x")', "'-3", '-3']);
  });
});

describe('GraphML export', () => {
  it('escapes markup in labels and keeps every node and edge', () => {
    const xml = toGraphML({
      nodes: [
        {
          id: 'DOCUMENT:《关于<加强>控辍保学的通知》',
          label: '《关于<加强>控辍保学的通知》',
          kind: 'DOCUMENT',
          weight: 2,
        },
        { id: 'POLICY:控辍保学', label: '控辍保学 & more', kind: 'POLICY', weight: 5 },
      ],
      edges: [
        {
          id: 'e1',
          source: 'POLICY:控辍保学',
          target: 'DOCUMENT:《关于<加强>控辍保学的通知》',
          weight: 3,
          kind: 'CO_OCCURS',
        },
      ],
    });
    expect(xml).not.toMatch(/<加强>/);
    expect(xml).toContain('&lt;加强&gt;');
    expect(xml).toContain('控辍保学 &amp; more');
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(1);
  });
});
