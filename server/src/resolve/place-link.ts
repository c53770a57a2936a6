import { chainOf, type Gazetteer } from './gazetteer.js';
import type { PlaceRef } from './report-place.js';

/**
 * The gazetteer code a place mention stands for, read with the report's places as context
 * (its own unit first, then the units above it). A name only one division bears is that
 * division; a shared name (鼓楼区 is in 南京, 徐州, 福州 and 开封) is the one inside or above
 * the report's places, the nearest first. Undefined when the gazetteer does not know the
 * name or the context cannot tell its bearers apart: a wrong code is worse than none.
 */
export function linkPlace(name: string, g: Gazetteer, context: ReadonlyArray<{ code: string }>): string | undefined {
  const entries = g.byName.get(name) ?? [];
  if (entries.length === 0) return undefined;
  if (entries.length === 1) return entries[0]!.division.code;
  const contextCodes = context.map((c) => c.code);
  // How close a bearer sits to the report: the report's own unit or an ancestor of it, else a
  // unit inside one of them (nearer context scores higher); full names beat short forms.
  const closeness = (code: string, short: boolean): number => {
    const own = contextCodes.indexOf(code);
    const chain = chainOf(g, code).map((d) => d.code);
    const inside = contextCodes.findIndex((c) => chain.includes(c));
    const base = own !== -1 ? 100 - own : inside !== -1 ? 50 - inside : 0;
    return base === 0 ? 0 : base + (short ? 0 : 0.5);
  };
  const scored = entries
    .map((e) => ({ code: e.division.code, score: closeness(e.division.code, e.short) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score === 0 || (second && second.score === best.score)) return undefined;
  return best.code;
}

/**
 * linkPlace for one report, as the division and its ancestors (most specific first), each
 * name looked up once: a report names the same places many times.
 */
export function placeLinker(
  g: Gazetteer,
  context: ReadonlyArray<{ code: string }>,
): (name: string) => PlaceRef[] | undefined {
  const seen = new Map<string, PlaceRef[] | undefined>();
  return (name) => {
    if (!seen.has(name)) {
      const code = linkPlace(name, g, context);
      seen.set(name, code ? chainOf(g, code).map((d) => ({ code: d.code, name: d.name, level: d.level })) : undefined);
    }
    return seen.get(name);
  };
}
