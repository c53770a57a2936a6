import { createRequire } from 'node:module';
import { stockEntry, type DictionaryEntry } from '../segment/jieba.js';

export type DivisionLevel = 'province' | 'city' | 'county';

/** An administrative division (GB/T 2260 code) from the china-area-data gazetteer. */
export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
}

export interface Gazetteer {
  byCode: Map<string, Division>;
  /** Full names and short forms (金湾区 and 金湾) -> divisions; several when a name is shared. */
  byName: Map<string, Array<{ division: Division; short: boolean }>>;
  maxNameLength: number;
  /** First UTF-16 unit's code -> the name lengths starting with it, longest first (for scanning). */
  lengthsByFirst: ReadonlyArray<number[] | undefined>;
  /** Set where some name opens with the two UTF-16 units hashed there ({@link namePairSlot}): most text positions
   * open none, and need no name sliced to look up. */
  openingPairs: Uint8Array;
}

/** Names that read as ordinary report words (全州 = the whole prefecture, 城区 = urban area). */
const ORDINARY_WORDS = new Set([
  '城区',
  '郊区',
  '矿区',
  '市中',
  '全州',
  '新区',
  '市区',
  '县城',
  '东区',
  '西区',
  '南区',
  '北区',
  '中区',
]);

// Grouping rows, not divisions: their children belong to the province.
const GROUPS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const ADMIN_NAME = /(省|市|区|县|州|旗|盟|地区|自治区|特别行政区)$/u;
const ETHNIC_AUTONOMOUS = /^(.{2,}?)(?:[^族]{1,5}族)+自治(州|县|旗)$/u;

/** Short forms people write: 金湾 for 金湾区, 黔南/黔南州 for 黔南布依族苗族自治州, 广西 for 广西壮族自治区. */
export function shortForms(name: string, level: DivisionLevel): string[] {
  const forms = new Set<string>();
  const ethnic = ETHNIC_AUTONOMOUS.exec(name);
  if (ethnic) {
    forms.add(ethnic[1]!);
    forms.add(`${ethnic[1]}${ethnic[2] === '旗' ? '旗' : ethnic[2]}`);
  } else if (level === 'province') {
    const base = /^(.{2,}?)(?:[^族]{1,5}族|维吾尔)?(?:自治区|特别行政区|省|市)$/u.exec(name)?.[1];
    if (base) forms.add(base);
  } else {
    const base = name.replace(/(市|地区|盟|区|县|旗)$/u, '');
    if (base.length >= 2) forms.add(base);
  }
  forms.delete(name);
  return [...forms].filter((f) => f.length >= 2);
}

/**
 * Short forms that are everyday words (平安, 南部, 光明) would match everywhere.
 * jieba's dictionary knows which: a frequent entry not tagged as a place name.
 */
export function commonWords(candidates: Set<string>, lookup: (w: string) => DictionaryEntry | undefined): Set<string> {
  const common = new Set<string>();
  for (const word of candidates) {
    const e = lookup(word);
    if (!e) continue;
    if ((e.freq >= 500 && !['ns', 'nr', 'nrt', 'nz', 'x'].includes(e.tag)) || (e.freq >= 3000 && e.tag !== 'ns')) {
      common.add(word);
    }
  }
  return common;
}

export function buildGazetteer(
  data: Record<string, Record<string, string>>,
  lookup: (w: string) => DictionaryEntry | undefined = () => undefined,
): Gazetteer {
  const byCode = new Map<string, Division>();
  const walk = (parentCode: string, parent: string | null, level: DivisionLevel) => {
    for (const [code, name] of Object.entries(data[parentCode] ?? {})) {
      if (GROUPS.has(name)) {
        walk(code, parent, 'county');
        continue;
      }
      if (!ADMIN_NAME.test(name)) continue;
      byCode.set(code, { code, name, level, parent });
      if (level !== 'county') walk(code, code, level === 'province' ? 'city' : 'county');
    }
  };
  walk('86', null, 'province');

  const byName: Gazetteer['byName'] = new Map();
  const add = (name: string, division: Division, short: boolean) => {
    if (ORDINARY_WORDS.has(name)) return;
    const list = byName.get(name) ?? [];
    if (!list.some((e) => e.division.code === division.code)) list.push({ division, short });
    byName.set(name, list);
  };
  const shorts = new Map<string, Division[]>();
  for (const d of byCode.values()) {
    add(d.name, d, false);
    for (const s of shortForms(d.name, d.level)) shorts.set(s, [...(shorts.get(s) ?? []), d]);
  }
  const common = commonWords(new Set(shorts.keys()), lookup);
  for (const [s, divisions] of shorts) if (!common.has(s)) for (const d of divisions) add(s, d, true);
  const maxNameLength = Math.max(...[...byName.keys()].map((k) => k.length));
  // Indexed by code, not keyed by a one-character string: the scan asks at every character of a report.
  const lengthsByFirst = new Array<number[] | undefined>(0x10000).fill(undefined);
  for (const name of byName.keys()) {
    if (name.length < 2) continue; // the scan takes no shorter name
    const list = (lengthsByFirst[name.charCodeAt(0)] ??= []);
    if (!list.includes(name.length)) list.push(name.length);
  }
  for (const list of lengthsByFirst) list?.sort((a, b) => b - a);
  const openingPairs = new Uint8Array(PAIR_SLOTS);
  for (const name of byName.keys()) {
    if (name.length >= 2) openingPairs[namePairSlot(name.charCodeAt(0), name.charCodeAt(1))] = 1;
  }
  return { byCode, byName, maxNameLength, lengthsByFirst, openingPairs };
}

const PAIR_BITS = 20;
const PAIR_SLOTS = 1 << PAIR_BITS;

/** Where the pair of UTF-16 codes (a, b) sits in {@link Gazetteer.openingPairs} (a multiplicative hash). */
export function namePairSlot(a: number, b: number): number {
  return Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

let cached: Gazetteer | undefined;

/** The shipped gazetteer (china-area-data, county level), built once per process. */
export function defaultGazetteer(): Gazetteer {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const data = require('china-area-data/data.json') as Record<string, Record<string, string>>;
    cached = buildGazetteer(data, stockEntry);
  }
  return cached;
}

/** The division and its ancestors, most specific first. */
export function chainOf(g: Gazetteer, code: string): Division[] {
  const out: Division[] = [];
  let d = g.byCode.get(code);
  while (d) {
    out.push(d);
    d = d.parent ? g.byCode.get(d.parent) : undefined;
  }
  return out;
}

/**
 * The short form of a division's full name (临泉县 → 临泉, 广东省 → 广东); undefined for no division's full name, and
 * where the full name or the short form is shared (two 朝阳区; 长沙县 and 长沙市 are both 长沙).
 */
export function shortPlaceOf(g: Gazetteer, name: string): string | undefined {
  const full = g.byName.get(name)?.filter((e) => !e.short) ?? [];
  if (full.length !== 1) return undefined;
  const division = full[0]!.division;
  const short = shortForms(name, division.level)[0];
  if (!short) return undefined;
  const holders = new Set((g.byName.get(short) ?? []).map((e) => e.division.code));
  return holders.size === 1 && holders.has(division.code) ? short : undefined;
}
