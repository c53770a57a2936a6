import { describe, expect, it } from 'vitest';
import { breadcrumb } from './MatrixView';

const county = {
  code: '440404',
  name: '金湾区',
  level: 'county',
  anonymised: false,
  chain: [
    { code: '440400', name: '珠海市', level: 'city' },
    { code: '440000', name: '广东省', level: 'province' },
  ],
};

describe('matrix drill-down path', () => {
  it('stops at the place drilled into, even when the rows are two levels below it', () => {
    expect(breadcrumb([county], '440000').map((c) => c.name)).toEqual(['广东省']);
    expect(breadcrumb([county], '珠海市').map((c) => c.name)).toEqual(['广东省', '珠海市']);
    expect(breadcrumb([county], null)).toEqual([]);
    // No rows to read a chain from: the place as given.
    expect(breadcrumb([], '福建省').map((c) => c.name)).toEqual(['福建省']);
  });
});
