import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from './gazetteer.js';
import { linkPlace } from './place-link.js';
import { resolveEntities } from './index.js';

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
  it('gives PLACE entities the linked code and nothing to other kinds', () => {
    const mentions = [
      { kind: 'PLACE' as const, name: '鼓楼区', surface: '鼓楼区', anonymised: false },
      { kind: 'SCHOOL' as const, name: '鼓楼区实验小学', surface: '鼓楼区实验小学', anonymised: false },
    ];
    const scope = { reportId: 'r1', places: [{ code: '320100', name: '南京市' }] };
    const entities = [
      ...resolveEntities(mentions, scope, { placeCode: (n) => linkPlace(n, g, scope.places) }).values(),
    ];
    expect(entities.find((e) => e.kind === 'PLACE')?.placeCode).toBe('320106');
    expect(entities.find((e) => e.kind === 'SCHOOL')?.placeCode).toBeUndefined();
  });
});
