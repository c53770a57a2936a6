import type { Placeholder } from '../normalise/repairs.js';
import { chainOf, namePairSlot, type Division, type Gazetteer } from './gazetteer.js';

export interface PlaceMention {
  name: string;
  start: number;
  short: boolean;
  divisions: Division[];
  /** Named as a higher scope than the writer (阳江市级, 居阳江市第一名, 阳江地区). */
  parentScope: boolean;
  /** Named in a sentence about partner aid (对口帮扶): somewhere else, not the writer's area. */
  partner: boolean;
}

const PARTNER = /对口|帮扶|支援|援建|援助|结对|挂钩|协作/u;

function sentenceAround(text: string, at: number): string {
  let s = at;
  while (s > 0 && !/[。!?;\n]/u.test(text[s - 1]!)) s--;
  let e = at;
  while (e < text.length && !/[。!?;\n]/u.test(text[e]!)) e++;
  return text.slice(s, e);
}

/**
 * Longest-match scan of the text for division names and short forms. With word
 * boundaries (jieba token edges), a name must start and end on one: 兴县 inside
 * 科教兴县 is not the county 兴县.
 */
export function scanPlaces(text: string, g: Gazetteer, boundaries?: Set<number>): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let i = 0; i < text.length;) {
    let hit: PlaceMention | null = null;
    // Edges first: they rule out most candidates without slicing a name to look up.
    const first = g.openingPairs[namePairSlot(text.charCodeAt(i), text.charCodeAt(i + 1))]
      ? g.lengthsByFirst[text.charCodeAt(i)]
      : undefined;
    const lengths = boundaries && first && !boundaries.has(i) ? undefined : first;
    for (const len of lengths ?? []) {
      if (len < 2 || i + len > text.length) continue;
      if (boundaries && !boundaries.has(i + len)) continue;
      const name = text.slice(i, i + len);
      const entries = g.byName.get(name);
      if (!entries) continue;
      // A short form followed by more of a name (阳江市 inside 阳江市区) still counts; inside another word it does not.
      const before = text.slice(Math.max(0, i - 3), i);
      const after = text.slice(i + len, i + len + 6);
      hit = {
        name,
        start: i,
        short: entries.every((e) => e.short),
        divisions: entries.map((e) => e.division),
        parentScope: PARENT_AFTER.test(after) || PARENT_BEFORE.test(before),
        partner: PARTNER.test(sentenceAround(text, i)),
      };
      break;
    }
    if (hit) {
      out.push(hit);
      i += hit.name.length;
    } else i++;
  }
  return out;
}

const PARENT_AFTER = /^(?:[市州省])?(?:级|地区|范围|第[一二三四五六七八九十\d]+(?:名|届)|前列|以上)/u;
const PARENT_BEFORE = /(?:居|推送|认定为|评为|授予|全)$/u;

export type SelfLevel = '县' | '区' | '市' | '州' | '旗';

const SELF_PATTERNS: Array<[SelfLevel, RegExp, RegExp]> = (['县', '区', '市', '州', '旗'] as const).map((c) => [
  c,
  new RegExp(`(?:我|全|本|该)${c}`, 'gu'),
  new RegExp(`${c}(?:委|政府|人大|政协|教育局|教育体育局|教体局|财政局)`, 'gu'),
]);

/** How the writer names their own unit: 我县/全县 say county, 我区/区委 district, 我市 city. */
export function selfLevel(text: string): { level: SelfLevel | null; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  let best: SelfLevel | null = null;
  for (const [c, strong, weak] of SELF_PATTERNS) {
    counts[c] = 3 * (text.match(strong)?.length ?? 0) + (text.match(weak)?.length ?? 0);
    if (counts[c]! > 0 && (best === null || counts[c]! > counts[best]!)) best = c;
  }
  return { level: best, counts };
}

export interface PlaceRef {
  code: string;
  name: string;
  level: string;
}

export interface ReportPlace {
  status: 'resolved' | 'inferred' | 'anonymised' | 'ambiguous' | 'unknown';
  /** The unit the report is about (absent when unknown or ambiguous). */
  place: PlaceRef | null;
  /** Real ancestors, most specific first (for an anonymised place: what is known above it). */
  chain: PlaceRef[];
  anonymisedName: string | null;
  candidates: PlaceRef[];
  evidence: string[];
}

const ref = (d: Division): PlaceRef => ({ code: d.code, name: d.name, level: d.level });

interface Support {
  division: Division;
  own: number;
  parent: number;
}

/**
 * The most specific unit a report is about. The writer's self-reference (我县/我区/我市)
 * fixes the level; named units of that level are scored by mentions (full names 2,
 * short forms 1, split when a name is shared) plus agreement of their ancestors. Units
 * named as a higher scope (阳江市级) count as ancestors, not as the writer. An
 * anonymised self (`Xx县`) is kept anonymised; nothing is guessed.
 */
export function attributePlace(
  text: string,
  g: Gazetteer,
  placeholders: Placeholder[],
  boundaries?: Set<number>,
): ReportPlace {
  const evidence: string[] = [];
  const { level, counts } = selfLevel(text);
  evidence.push(
    level
      ? `writer's unit is a ${level} (self-references ${Object.entries(counts)
          .filter(([, n]) => n > 0)
          .map(([c, n]) => `${c}:${n}`)
          .join(' ')})`
      : 'no self-reference (我县/我区/我市) found',
  );
  const mentions = scanPlaces(text, g, boundaries);
  const support = new Map<string, Support>();
  const bump = (d: Division, key: 'own' | 'parent', w: number) => {
    const s = support.get(d.code) ?? { division: d, own: 0, parent: 0 };
    s[key] += w;
    support.set(d.code, s);
  };
  for (const m of mentions) {
    // Full names and suffixed short forms (黔南州) are strong; bare short forms (金湾) weaker.
    const strength = !m.short || /[省市州县区旗盟]$/u.test(m.name) ? 2 : 1;
    const w = (strength * (m.partner ? 0.25 : 1)) / m.divisions.length;
    for (const d of m.divisions) bump(d, m.parentScope ? 'parent' : 'own', w);
  }
  const ancestorsSupport = (d: Division) =>
    chainOf(g, d.code)
      .slice(1)
      .reduce((sum, a) => sum + (support.get(a.code)?.own ?? 0) + (support.get(a.code)?.parent ?? 0), 0);
  const score = (s: Support) => s.own + 0.5 * Math.min(ancestorsSupport(s.division), 4);
  const fmt = (s: Support) =>
    `${s.division.name}(${s.division.code}) own ${s.own.toFixed(1)}, as higher scope ${s.parent.toFixed(1)}`;

  const base: Omit<ReportPlace, 'status'> = { place: null, chain: [], anonymisedName: null, candidates: [], evidence };
  const result = (
    status: ReportPlace['status'],
    d: Division | null,
    extra: Partial<ReportPlace> = {},
  ): ReportPlace => ({
    ...base,
    status,
    place: d ? ref(d) : null,
    chain: d ? chainOf(g, d.code).slice(1).map(ref) : [],
    ...extra,
  });

  // The province most of the named places lie in: a unit elsewhere needs much more
  // evidence (安康 is also a spun spelling of 健康).
  const provinceOf = (d: Division) => chainOf(g, d.code).at(-1)!.code;
  const byProvince = new Map<string, number>();
  for (const s of support.values()) {
    const p = provinceOf(s.division);
    byProvince.set(p, (byProvince.get(p) ?? 0) + s.own + s.parent);
  }
  const [dominant, dominantWeight] = [...byProvince].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const plausible = (s: Support) =>
    !dominant ||
    dominantWeight < 2 ||
    (byProvince.get(provinceOf(s.division)) ?? 0) >= dominantWeight / 2 ||
    s.own >= 6;
  if (dominant && dominantWeight >= 2) {
    evidence.push(`most named places lie in ${g.byCode.get(dominant)!.name} (weight ${dominantWeight.toFixed(1)})`);
  }
  const anonymisedSelf = placeholders.find((p) => p.kind === 'place' && level && p.text.endsWith(level));
  // Units of the writer's level, named as themselves more than as a higher scope; an
  // anonymised writer (XX市) outweighs a unit named only in passing.
  const minOwn = anonymisedSelf ? 3 : 2;
  const sameLevel = [...support.values()]
    .filter((s) => level && s.division.name.endsWith(level) && s.own > s.parent && s.own >= minOwn && plausible(s))
    .sort((a, b) => score(b) - score(a));

  if (sameLevel.length > 0) {
    const [best, second] = sameLevel;
    evidence.push(`named units of that level: ${sameLevel.slice(0, 4).map(fmt).join('; ')}`);
    if (second && score(second) >= score(best!) * 0.8) {
      return result('ambiguous', null, { candidates: sameLevel.slice(0, 5).map((s) => ref(s.division)) });
    }
    return result('resolved', best!.division);
  }

  // Higher units the text names, best supported first (the parent of an unnamed writer).
  const higher = [...support.values()]
    .filter((s) => s.own + s.parent >= 2 && (s.division.level !== 'county' || !level) && plausible(s))
    .sort((a, b) => b.own + b.parent - (a.own + a.parent));

  // A writer naming a prefecture only as a higher scope (阳江市级, 居阳江市第一名) is a unit
  // inside it; when only one unit there has the writer's suffix, that is the writer.
  const scopeCity = [...support.values()]
    .filter((s) => level && s.division.level === 'city' && s.parent > s.own && plausible(s))
    .sort((a, b) => b.parent - a.parent)[0];
  if (scopeCity && level) {
    const inside = [...g.byCode.values()].filter(
      (d) => d.parent === scopeCity.division.code && d.level === 'county' && d.name.endsWith(level),
    );
    evidence.push(`${fmt(scopeCity)}: named as a higher scope, so the writer is a ${level} inside it`);
    if (anonymisedSelf) evidence.push(`the writer's own name is anonymised as "${anonymisedSelf.text}"`);
    if (inside.length === 1) {
      evidence.push(`${inside[0]!.name} is the only ${level} directly under ${scopeCity.division.name}`);
      return result('inferred', inside[0]!, { anonymisedName: anonymisedSelf?.text ?? null });
    }
    if (!anonymisedSelf) {
      return result('ambiguous', null, {
        candidates: inside.map(ref),
        chain: chainOf(g, scopeCity.division.code).map(ref),
      });
    }
  }

  if (anonymisedSelf) {
    evidence.push(`the writer's unit is anonymised as "${anonymisedSelf.text}"`);
    const parent = higher.find((s) => s.division.level !== 'county');
    if (parent) evidence.push(`within ${fmt(parent)}`);
    return result('anonymised', null, {
      anonymisedName: anonymisedSelf.text,
      chain: parent ? chainOf(g, parent.division.code).map(ref) : [],
    });
  }

  const fallback = higher[0];
  if (fallback && !level) {
    evidence.push(`most named unit: ${fmt(fallback)}`);
    return result('resolved', fallback.division);
  }
  return result('unknown', null);
}
