import { describe, expect, it } from 'vitest';
import { findPlaceholders } from '../normalise/repairs.js';
import { buildGazetteer, defaultGazetteer, shortForms } from './gazetteer.js';
import { attributePlace, selfLevel } from './report-place.js';

const g = defaultGazetteer();
const place = (text: string) => attributePlace(text, g, findPlaceholders(text));

describe('gazetteer', () => {
  it('knows county-level divisions with their GB/T 2260 parents', () => {
    const jl = g.byName.get('将乐县')![0]!.division;
    expect(jl).toMatchObject({ code: '350428', level: 'county', parent: '350400' });
  });

  it('derives the short forms people write', () => {
    expect(shortForms('黔南布依族苗族自治州', 'city')).toEqual(['黔南', '黔南州']);
    expect(shortForms('广西壮族自治区', 'province')).toEqual(['广西']);
    expect(shortForms('金湾区', 'county')).toEqual(['金湾']);
  });

  it('leaves out short forms that are everyday words', () => {
    const tiny = buildGazetteer(
      { '86': { '630000': '青海省' }, '630000': { '630200': '海东市' }, '630200': { '630203': '平安区' } },
      (w) => (w === '平安' ? { freq: 1438, tag: 'a' } : undefined),
    );
    expect(tiny.byName.has('平安区')).toBe(true);
    expect(tiny.byName.has('平安')).toBe(false);
  });
});

describe('attributePlace', () => {
  it('reads the writer’s level from 我县/全县 and 我区/区委', () => {
    expect(selfLevel('我县今年全县工作').level).toBe('县');
    expect(selfLevel('区委区政府领导下,我区').level).toBe('区');
  });

  it('resolves a county named by its short form in a county report, with its parent chain', () => {
    const p = place('今年我县认真落实政策。将乐一中教学质量提升,将乐县获评先进。全县教师参加福建省培训。');
    expect(p.status).toBe('resolved');
    expect(p.place).toMatchObject({ code: '350428', name: '将乐县' });
    expect(p.chain.map((c) => c.name)).toEqual(['三明市', '福建省']);
  });

  it('keeps an anonymised writer anonymised instead of guessing', () => {
    const p = place('Xx县教育体育局报告。我县中考成绩优异,全县上线人数创新高,北京、天津高校录取。');
    expect(p.status).toBe('anonymised');
    expect(p.anonymisedName).toBe('Xx县');
    expect(p.place).toBeNull();
  });

  it('infers the county-level city when the prefecture is named only as a higher scope', () => {
    const p = place('我市推送阳江市级优课。我市考生居阳江市第一名,稳居阳江地区前列。全市学校获广东省表彰。');
    expect(p.status).toBe('inferred');
    expect(p.place).toMatchObject({ code: '441781', name: '阳春市' });
  });

  it('calls a shared name ambiguous when nothing decides between the candidates', () => {
    const p = place('我区朝阳区教育工作会议召开,朝阳区教育局部署工作。');
    expect(p.status).toBe('ambiguous');
    expect(p.candidates.map((c) => c.code).sort()).toEqual(['110105', '220104']);
  });

  it('does not take partner-aid places (对口帮扶) for the writer’s own area', () => {
    const p = place('xx市教育局作为黔南州唯一县市获评。我市与海珠区对口帮扶,邀请海珠区专家到我市。');
    expect(p.status).toBe('anonymised');
    expect(p.chain.map((c) => c.name)).toEqual(['黔南布依族苗族自治州', '贵州省']);
  });
});

describe('local names', () => {
  it('takes a school’s short ordinal name and its written-out name as one school, named in full', async () => {
    const { resolveEntities } = await import('./index.js');
    const scope = { reportId: 'r1', places: [{ code: '350582', name: '晋江市' }] };
    const m = (name: string) => ({ kind: 'SCHOOL' as const, name, surface: name, anonymised: false });
    const schools = [
      ...resolveEntities(
        [m('市一中'), m('市第一中学'), m('杨村五幼'), m('杨村第五幼儿园'), m('市二小'), m('林州一高')],
        scope,
      ).values(),
    ];
    expect(schools.map((e) => [e.name, e.aliases])).toEqual([
      ['晋江市第一中学', ['市一中', '市第一中学']],
      ['杨村第五幼儿园', ['杨村五幼', '杨村第五幼儿园']],
      ['晋江市第二小学', ['市二小']],
      ['林州第一高级中学', ['林州一高']],
    ]);
    // 第一中学 is not written out twice.
    expect(schools[0]!.key).toBe('SCHOOL:晋江市第一中学@350582');
  });

  it('takes 县一中 in a county’s report, the county’s 一中 and its full name as one school', async () => {
    const { resolveEntities } = await import('./index.js');
    const short: Record<string, string> = { 临泉县: '临泉', 阜阳市: '阜阳', 界首市: '界首' };
    const options = { shortPlace: (name: string) => short[name] };
    const scope = {
      reportId: 'r1',
      places: [
        { code: '341221', name: '临泉县' },
        { code: '341200', name: '阜阳市' },
      ],
    };
    const m = (name: string) => ({ kind: 'SCHOOL' as const, name, surface: name, anonymised: false });
    const schools = [
      ...resolveEntities(
        [m('临泉一中'), m('县一中'), m('临泉县第一中学'), m('市一中'), m('界首一中'), m('区实验小学')],
        scope,
        options,
      ).values(),
    ];
    expect(schools.map((e) => [e.name, e.aliases])).toEqual([
      ['临泉第一中学', ['临泉一中', '县一中', '临泉县第一中学']],
      ['阜阳市第一中学', ['市一中']],
      ['界首第一中学', ['界首一中']],
      // No district in the chain: the report's own.
      ['区实验小学', ['区实验小学']],
    ]);
    expect(schools[3]!.key).toBe('SCHOOL:区实验小学@r1');
    // In a report whose own place is anonymised (xx市), 市一幼 is its xx市第一幼儿园, kept to the report.
    const anon = [
      ...resolveEntities(
        [m('xx市第一幼儿园'), m('市一幼')].map((x) => ({ ...x, anonymised: x.name.startsWith('xx') })),
        {
          reportId: 'r9',
          places: [],
          anonymisedPlace: 'xx市',
        },
      ).values(),
    ];
    expect(anon.map((e) => [e.key, e.aliases, e.anonymised])).toEqual([
      ['SCHOOL:xx市第一幼儿园@r9', ['xx市第一幼儿园', '市一幼'], true],
    ]);
    // The gazetteer writes a division's full name short; a short form or a word is no full name.
    const { shortPlaceOf } = await import('./gazetteer.js');
    expect([
      shortPlaceOf(g, '临泉县'),
      shortPlaceOf(g, '广东省'),
      shortPlaceOf(g, '临泉'),
      shortPlaceOf(g, '学校'),
    ]).toEqual(['临泉', '广东', undefined, undefined]);
    // 长沙县 and 长沙市 are both 长沙; two 朝阳区: no short key, so their schools stay apart, each keyed to its place.
    expect([shortPlaceOf(g, '长沙县'), shortPlaceOf(g, '长沙市'), shortPlaceOf(g, '朝阳区')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const { canonicalKey } = await import('./index.js');
    const real = { shortPlace: (name: string) => shortPlaceOf(g, name) };
    const county = { reportId: 'c', places: [{ code: '430121', name: '长沙县' }] };
    const city = { reportId: 'd', places: [{ code: '430100', name: '长沙市' }] };
    expect(canonicalKey(m('县一中'), county, real)).toBe('SCHOOL:长沙县第一中学@430121');
    expect(canonicalKey(m('市一中'), city, real)).toBe('SCHOOL:长沙市第一中学@430100');
    // 县一高中 is the county's first senior high school, written out like 县一高.
    expect(canonicalKey(m('县一高中'), scope, options)).toBe(canonicalKey(m('县一高'), scope, options));
  });

  it('scopes 县一中 and 市委 to the unit of their level in the report’s chain', async () => {
    const { canonicalKey } = await import('./index.js');
    const scope = {
      reportId: 'r1',
      places: [
        { code: '440404', name: '金湾区' },
        { code: '440400', name: '珠海市' },
        { code: '440000', name: '广东省' },
      ],
    };
    const m = (kind: 'SCHOOL' | 'ORGANIZATION', name: string) => ({ kind, name, surface: name, anonymised: false });
    expect(canonicalKey(m('ORGANIZATION', '市委'), scope)).toBe('ORGANIZATION:市委@440400');
    expect(canonicalKey(m('ORGANIZATION', '区教育局'), scope)).toBe('ORGANIZATION:区教育局@440404');
    expect(canonicalKey(m('SCHOOL', '第一中学'), scope)).toBe('SCHOOL:第一中学@440404');
    // A named school is the same school in every report, under its written-out name.
    expect(canonicalKey(m('SCHOOL', '金湾一中'), scope)).toBe('SCHOOL:金湾第一中学');
    // Without a place, the report is the scope.
    expect(canonicalKey(m('ORGANIZATION', '县委'), { reportId: 'r2' })).toBe('ORGANIZATION:县委@r2');
    // Every district holds its own ninth sports meeting; a named one is one event.
    const event = (name: string) => ({ kind: 'PROGRAM' as const, name, surface: name, anonymised: false });
    expect(canonicalKey(event('第九届中小学生运动会'), scope)).toBe('PROGRAM:第九届中小学生运动会@440404');
    expect(canonicalKey(event('珠海市第九届中小学生运动会'), scope)).toBe('PROGRAM:珠海市第九届中小学生运动会');
    expect(canonicalKey(event('全区职业技能大赛'), scope)).toBe('PROGRAM:全区职业技能大赛@440404');
    // The whole unit's event belongs to the unit of that level: 全市 in a district report is the city's.
    expect(canonicalKey(event('全市职业技能大赛'), scope)).toBe('PROGRAM:全市职业技能大赛@440400');
  });

  it('takes a national law cited in full or short as one document', async () => {
    const { canonicalKey } = await import('./index.js');
    const doc = (name: string) => ({ kind: 'DOCUMENT' as const, name, surface: name, anonymised: false });
    expect(canonicalKey(doc('中华人民共和国职业教育法'), 'r1')).toBe(canonicalKey(doc('职业教育法'), 'r2'));
    expect(canonicalKey(doc('中华人民共和国宪法'), 'r1')).toBe('DOCUMENT:宪法');
    expect(canonicalKey(doc('中华人民共和国教育法实施办法'), 'r1')).toBe('DOCUMENT:中华人民共和国教育法实施办法');
  });

  it('keeps a formula of numbers alone to its place, and a worded or lexicon formula one across places', async () => {
    const { canonicalKey } = await import('./index.js');
    const policy = (name: string) => ({ kind: 'POLICY' as const, name, surface: name, anonymised: false });
    const jinwan = { reportId: 'r1', places: [{ code: '440404', name: '金湾区' }] };
    const lanling = { reportId: 'r2', places: [{ code: '371324', name: '兰陵县' }] };
    expect(canonicalKey(policy('1+1'), jinwan)).toBe('POLICY:1+1@440404');
    expect(canonicalKey(policy('1+1'), lanling)).toBe('POLICY:1+1@371324');
    expect(canonicalKey(policy('5+2'), { reportId: 'r3' })).toBe('POLICY:5+2@r3');
    expect(canonicalKey(policy('3+1+2选考模式'), jinwan)).toBe(canonicalKey(policy('3+1+2选考模式'), lanling));
    expect(canonicalKey(policy('1+X'), jinwan)).toBe(canonicalKey(policy('1+X'), lanling));
  });
});
