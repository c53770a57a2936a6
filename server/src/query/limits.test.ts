import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, queryCost, resolveLimits } from './limits.js';
import { schema } from './schema.js';

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema, parse(query), undefined, variables, 500);

describe('query limits', () => {
  it('multiplies nested page sizes, counting the default page when none is given', () => {
    const one = cost(`{ reports(first: 10) { edges { node { id } } } }`).cost;
    const nested = cost(
      `{ reports(first: 10) { edges { node { id sentences(first: 10) { edges { node { id } } } } } } }`,
    );
    expect(nested.cost).toBeGreaterThan(one * 10);
    // `reports` without `first` is a 20-row page.
    expect(cost(`{ reports { edges { node { id } } } }`).cost).toBe(
      cost(`{ reports(first: 20) { edges { node { id } } } }`).cost,
    );
    // Variables are read, and an argument's default counts when it is left out (neighborhood limit: 50).
    expect(cost(`query($n: Int) { reports(first: $n) { edges { node { id } } } }`, { n: 10 }).cost).toBe(one);
    // A variable's declared default counts too: it cannot hide a big page.
    expect(cost(`query($n: Int = 10) { reports(first: $n) { edges { node { id } } } }`).cost).toBe(one);
    expect(cost(`query($n: Int = 900) { reports(first: $n) { edges { node { id } } } }`).tooBig).toHaveLength(1);
    expect(cost(`{ neighborhood(id: "x") { total } }`).cost).toBe(
      cost(`{ neighborhood(id: "x", limit: 50) { total } }`).cost,
    );
  });

  it('follows fragments and reports every size above the page limit', () => {
    const r = cost(`
      query { reports(first: 600) { ...R } search(text: "x", first: 501) { id } }
      fragment R on ReportConnection { edges { node { sentences(first: 700) { totalCount } } } }`);
    expect(r.tooBig).toEqual([
      { field: 'reports', arg: 'first', value: 600 },
      { field: 'sentences', arg: 'first', value: 700 },
      { field: 'search', arg: 'first', value: 501 },
    ]);
  });

  it('takes limits from options over the environment over defaults, and rejects a malformed setting', () => {
    expect(resolveLimits({}, {})).toEqual(DEFAULT_LIMITS);
    const l = resolveLimits({ maxAliases: 3 }, { POLICYGRAPH_MAX_DEPTH: '5', POLICYGRAPH_MAX_ALIASES: '9' });
    expect(l).toMatchObject({ maxDepth: 5, maxAliases: 3 });
    expect(resolveLimits({}, { POLICYGRAPH_MAX_PAGE_SIZE: '9000' }).maxPageSize).toBe(500);
    expect(() => resolveLimits({}, { POLICYGRAPH_QUERY_TIMEOUT_MS: '10s' })).toThrow(
      /POLICYGRAPH_QUERY_TIMEOUT_MS.*10s/,
    );
  });
});
