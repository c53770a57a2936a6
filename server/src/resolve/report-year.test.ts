import { describe, expect, it } from 'vitest';
import { attributeYear } from './report-year.js';

describe('attributeYear', () => {
  it('reads the covered year and the plan year from a title', () => {
    const y = attributeYear('市教育局2023年工作总结及2024年工作计划', '');
    expect([y.year, y.coversYear]).toEqual([2024, 2023]);
  });

  it('falls back to the opening of the text', () => {
    expect(attributeYear('教育局工作总结', '2019年,我局认真贯彻落实…').coversYear).toBe(2019);
  });

  it('keeps anonymised years unknown and says so', () => {
    const y = attributeYear('教育局季度工作总结一', '20**年上半年,区教育局…');
    expect([y.year, y.coversYear]).toEqual([null, null]);
    expect(y.evidence.join(' ')).toMatch(/anonymised/);
  });
});
