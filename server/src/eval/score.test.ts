import { describe, expect, it } from 'vitest';
import { matchReport, scoreByKind } from './score.js';

const id = (s: string) => s.replace(/[“”"]/g, '');

describe('entity scoring', () => {
  it('matches by kind and by canonical, surface or alias, one to one', () => {
    const r = matchReport(
      'r',
      [
        { kind: 'POLICY', canonical: '两学一做', surfaces: ['“两学一做”'] },
        { kind: 'POLICY', canonical: '县管校聘', surfaces: ['县(区)管校聘'] },
        { kind: 'SCHOOL', canonical: '龙昌中学', surfaces: ['龙昌中学'] },
      ],
      [
        { kind: 'POLICY', name: '两学一做', aliases: [] },
        { kind: 'POLICY', name: '县管校聘', aliases: ['县(区)管校聘'] },
        { kind: 'PROGRAM', name: '龙昌中学', aliases: [] },
        { kind: 'POLICY', name: '快捷键', aliases: [] },
      ],
      id,
    );
    expect(r.hits.map((h) => h.gold)).toEqual(['两学一做', '县管校聘']);
    expect(r.misses.map((m) => m.canonical)).toEqual(['龙昌中学']);
    expect(r.falsePositives.map((p) => p.name)).toEqual(['龙昌中学', '快捷键']);
    const [policy, school] = scoreByKind([r], ['POLICY', 'SCHOOL']);
    expect(policy).toMatchObject({ tp: 2, fp: 1, fn: 0, recall: 1 });
    expect(policy!.precision).toBeCloseTo(2 / 3);
    expect(school).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
  });
});

describe('lenient matching, reported beside the strict one', () => {
  it('accepts place prefixes and generic suffixes only in boundary mode', () => {
    const gold = [
      { kind: 'PROGRAM', canonical: '广东省教育强市', surfaces: [] },
      { kind: 'PROGRAM', canonical: '平安校园建设', surfaces: [] },
    ];
    const pred = [
      { kind: 'PROGRAM', name: '教育强市', aliases: [] },
      { kind: 'PROGRAM', name: '平安校园', aliases: [] },
    ];
    expect(matchReport('r', gold, pred, id).hits).toHaveLength(0);
    expect(matchReport('r', gold, pred, id, { boundary: true }).hits).toHaveLength(2);
    // An affix must be a place or a generic word, not any extra text.
    const other = matchReport('r', [{ kind: 'PROGRAM', canonical: '教育强市建设规划', surfaces: [] }], [pred[0]!], id, {
      boundary: true,
    });
    expect(other.hits).toHaveLength(0);
  });

  it('merges POLICY and PROGRAM only when asked', () => {
    const gold = [{ kind: 'POLICY', canonical: '联校走教', surfaces: [] }];
    const pred = [{ kind: 'PROGRAM', name: '联校走教', aliases: [] }];
    expect(matchReport('r', gold, pred, id).hits).toHaveLength(0);
    expect(matchReport('r', gold, pred, id, { policyProgram: true }).hits).toHaveLength(1);
  });
});

describe('optional gold (entities the annotator marked doubtful)', () => {
  const gold = [
    { kind: 'PROGRAM', canonical: '营养改善计划', surfaces: [] },
    { kind: 'PROGRAM', canonical: '示范校建设', surfaces: [], note: 'designation; doubtful' },
    { kind: 'PROGRAM', canonical: '全市职业技能大赛', surfaces: [], note: 'named competition; doubtful' },
  ];
  const pred = [
    { kind: 'PROGRAM', name: '营养改善计划', aliases: [] },
    { kind: 'PROGRAM', name: '示范校建设', aliases: [] },
    { kind: 'PROGRAM', name: '快捷键', aliases: [] },
  ];

  it('counts a doubtful entity found or missed as neither, only when asked', () => {
    const all = scoreByKind([matchReport('r', gold, pred, id)], ['PROGRAM'])[0]!;
    expect(all).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    const r = matchReport('r', gold, pred, id, { optional: true });
    expect(r.optionalHits).toBe(1);
    expect(r.falsePositives.map((p) => p.name)).toEqual(['快捷键']);
    expect(scoreByKind([r], ['PROGRAM'])[0]).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('lets a required entity take a prediction before an optional one does', () => {
    const g = [
      { kind: 'POLICY', canonical: '联校走教', surfaces: [], note: 'doubtful' },
      { kind: 'POLICY', canonical: '联校走教', surfaces: [] },
    ];
    const r = matchReport('r', g, [{ kind: 'POLICY', name: '联校走教', aliases: [] }], id, { optional: true });
    expect(r.hits).toHaveLength(1);
    expect(r.misses).toHaveLength(0);
  });
});

describe('what counts as doubtful', () => {
  it('is a doubted inclusion, not a doubted kind', async () => {
    const { isDoubtful } = await import('./score.js');
    const g = (note: string) => ({ kind: 'PROGRAM', canonical: 'x', surfaces: [], note });
    expect(isDoubtful(g('designation; doubtful'))).toBe(true);
    expect(isDoubtful(g('doubtful (kind and inclusion)'))).toBe(true);
    expect(isDoubtful(g('in 《》 but names a project; doubtful kind'))).toBe(false);
    expect(isDoubtful(g('POLICY/PROGRAM doubtful'))).toBe(false);
    expect(isDoubtful(g(''))).toBe(false);
  });
});
