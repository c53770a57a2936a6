import { describe, expect, it } from 'vitest';
import { initialState, parseViewState, serializeViewState } from './view-state';

describe('view state in the URL', () => {
  it('round-trips every field, including ids with commas', () => {
    const state = {
      ...initialState,
      entity: 'POLICY:两学一做',
      view: 'matrix' as const,
      kinds: ['POLICY' as const, 'PROGRAM' as const],
      level: 'PROVINCE' as const,
      within: '440000',
      from: 2019,
      to: 2024,
      cols: ['POLICY:两学一做', 'DOCUMENT:《甲,乙》'],
      limit: 160,
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });

  it('keeps links short and ignores malformed values', () => {
    expect(serializeViewState(initialState)).toBe('');
    expect(parseViewState('?view=nope&level=TOWN&from=abc&kinds=POLICY,BOGUS&limit=-3&at=x')).toEqual({
      ...initialState,
      kinds: ['POLICY'],
    });
  });
});
