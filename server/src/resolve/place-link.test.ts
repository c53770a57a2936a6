import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from './gazetteer.js';
import { linkPlace, placeLinker } from './place-link.js';
import { canonicalKey, resolveEntities, type ResolvableMention } from './index.js';

const g = defaultGazetteer();

describe('linkPlace', () => {
  it('links a name only one division bears, full or short', () => {
    expect(linkPlace('金湾区', g, [])).toBe('440404');
    expect(linkPlace('金湾', g, [])).toBe('440404');
  });

  it('picks the bearer of a shared name that lies in the report’s area', () => {
    expect(linkPlace('朝阳区', g, [{ code: '110000' }])).toBe('110105');
    expect(linkPlace('朝阳区', g, [{ code: '220102' }, { code: '220100' }, { code: '220000' }])).toBe('220104');
    expect(linkPlace('鼓楼区', g, [{ code: '350100' }, { code: '350000' }])).toBe('350102');
  });

  it('leaves a shared name unlinked when the report does not say where it is, and unknown names too', () => {
    expect(linkPlace('鼓楼区', g, [])).toBeUndefined();
    expect(linkPlace('鼓楼区', g, [{ code: '440400' }])).toBeUndefined();
    expect(linkPlace('花果山区', g, [{ code: '440400' }])).toBeUndefined();
  });
});

describe('resolveEntities with a place linker', () => {
  const place = (name: string, surface = name): ResolvableMention => ({
    kind: 'PLACE',
    name,
    surface,
    anonymised: false,
  });
  const resolve = (mentions: ResolvableMention[], places: Array<{ code: string; name: string }>, reportId = 'r1') => {
    const scope = { reportId, places };
    return [...resolveEntities(mentions, scope, { place: placeLinker(g, places) }).values()];
  };
  const beijing = [{ code: '110000', name: '北京市' }];
  const changchun = [
    { code: '220102', name: '南关区' },
    { code: '220100', name: '长春市' },
    { code: '220000', name: '吉林省' },
  ];
  const fuzhou = [
    { code: '350100', name: '福州市' },
    { code: '350000', name: '福建省' },
  ];

  it('keys a linked place by its code, so the same name in two provinces is two entities', () => {
    const [inBeijing] = resolve([place('朝阳区')], beijing);
    const [inChangchun] = resolve([place('朝阳区')], changchun, 'r2');
    expect(inBeijing).toMatchObject({ key: 'PLACE:110105', name: '朝阳区', placeCode: '110105', qualifier: '北京市' });
    expect(inChangchun).toMatchObject({
      key: 'PLACE:220104',
      name: '朝阳区',
      placeCode: '220104',
      qualifier: '长春市',
    });
    expect(inBeijing!.placeChain!.map((p) => p.name)).toEqual(['朝阳区', '北京市']);
    expect(inChangchun!.placeChain!.map((p) => p.name)).toEqual(['朝阳区', '长春市', '吉林省']);
  });

  it('makes a short and a full form of one place one entity, named in full, with every spelling as an alias', () => {
    const entities = resolve([place('鼓楼区'), place('鼓楼'), place('鼓楼区', '鼓樓區')], fuzhou);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ key: 'PLACE:350102', name: '鼓楼区', aliases: ['鼓楼区', '鼓楼', '鼓樓區'] });
    expect(entities[0]!.placeChain).toEqual([
      { code: '350102', name: '鼓楼区', level: 'county' },
      { code: '350100', name: '福州市', level: 'city' },
      { code: '350000', name: '福建省', level: 'province' },
    ]);
    // Written short, still named as the gazetteer names it.
    expect(resolve([place('金湾')], [])[0]).toMatchObject({ key: 'PLACE:440404', name: '金湾区', aliases: ['金湾'] });
  });

  it('keeps the name key for a place the context cannot pin down, and anonymised places scoped to their report', () => {
    const [shared] = resolve([place('鼓楼区')], []);
    expect(shared).toMatchObject({ key: 'PLACE:鼓楼区', name: '鼓楼区' });
    expect(shared!.placeCode).toBeUndefined();
    const anonymised = { kind: 'PLACE' as const, name: 'Xx县', surface: 'Xx县', anonymised: true };
    const [anon] = resolve([anonymised], fuzhou);
    expect(anon).toMatchObject({ key: 'PLACE:Xx县@r1', anonymised: true });
    expect(anon!.placeCode).toBeUndefined();
  });

  it('gives every mention the key of the entity it was grouped into', () => {
    const mentions = [place('鼓楼'), place('鼓楼区'), place('福州'), place('花果山')];
    const options = { place: placeLinker(g, fuzhou) };
    const keys = new Set([...resolveEntities(mentions, 'r1', options).keys()]);
    expect(new Set(mentions.map((m) => canonicalKey(m, 'r1', options)))).toEqual(keys);
    expect(keys).toEqual(new Set(['PLACE:350102', 'PLACE:350100', 'PLACE:花果山']));
  });

  it('links PLACE entities only, never a school named after a place', () => {
    const school = { kind: 'SCHOOL' as const, name: '鼓楼区实验小学', surface: '鼓楼区实验小学', anonymised: false };
    const entities = resolve([place('鼓楼区'), school], [{ code: '320100', name: '南京市' }]);
    expect(entities.find((e) => e.kind === 'PLACE')?.placeCode).toBe('320106');
    expect(entities.find((e) => e.kind === 'SCHOOL')).toMatchObject({ key: 'SCHOOL:鼓楼区实验小学' });
    expect(entities.find((e) => e.kind === 'SCHOOL')?.placeCode).toBeUndefined();
  });
});
