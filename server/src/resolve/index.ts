import { entityKey, placeEntityKey, type EntityKind } from '@policygraph/graph-schema';
import { LEVEL_CHARS, LOCAL_GENERIC } from '../extract/rules.js';
import { displayForm } from '../normalise/rules.js';
import type { PlaceRef } from './report-place.js';

export interface ResolvableMention {
  kind: EntityKind;
  name: string;
  /** The surface as written in the original text. */
  surface: string;
  anonymised: boolean;
  /** Its canonical key, when the caller has already worked it out (the pipeline keys each mention as it goes). */
  key?: string;
}

export interface ResolvedEntity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  anonymised: boolean;
  /**
   * For names that only mean something locally (县一中, 市委): the place (or report) they belong to; for a
   * linked place: the division above it.
   */
  qualifier?: string;
  /** PLACE entities: the gazetteer code the name stands for in this report (see linkPlace), when known. */
  placeCode?: string;
  /** With placeCode: that division and its ancestors up to the province, most specific first. */
  placeChain?: PlaceRef[];
}

export interface ResolveOptions {
  /**
   * The division a place name stands for in this report's context, with its ancestors, most
   * specific first (see placeLinker); undefined when not known. PLACE entities only.
   */
  place?: (name: string) => PlaceRef[] | undefined;
  /** The short form of a division's full name (临泉县 → 临泉), undefined when the name is no division's. */
  shortPlace?: (name: string) => string | undefined;
}

/** Where a report's local names belong: its place when known, else the report itself. */
export interface Scope {
  reportId: string;
  /** The report's place and its ancestors, most specific first (resolved or inferred places only). */
  places?: Array<{ code: string; name: string }>;
  /** Shown when there is no place (the report title). */
  label?: string;
  /** The report's own place when the copy anonymised it (`xx市`): its local schools are named with it. */
  anonymisedPlace?: string;
}

/** A name like 县一中, 市委 or 第九届中小学生运动会 that needs a place to identify one school, body or event. */
export function isLocalGeneric(m: Pick<ResolvableMention, 'kind' | 'name'>): boolean {
  if ((m.kind === 'POLICY' || m.kind === 'PROGRAM') && BARE_FORMULA.test(m.name)) return true;
  if (m.kind === 'PROGRAM') return LOCAL_EVENT.test(m.name);
  return (m.kind === 'SCHOOL' || m.kind === 'ORGANIZATION') && LOCAL_GENERIC.test(m.name);
}

/**
 * An event named by its edition alone (第九届中小学生运动会), or by its edition and the whole unit holding it
 * (全市第十二届中小学生运动会): every district holds its own ninth one.
 */
const LOCAL_EVENT = new RegExp(`^(?:第[一二三四五六七八九十百\\d]+届|首届|全[${LEVEL_CHARS}])`, 'u');
/**
 * A formula of numbers alone (“1+1”, “5+2”): each place numbers its own arrangements, so 1+1 in two counties is
 * two things. National formulas carry their words (1+X证书制度, “3+1+2”选考模式) and stay one across places.
 */
const BARE_FORMULA = /^\d+(?:[+＋]\d+)+$/u;
/** A national law cited in full or short (《中华人民共和国职业教育法》, 《职业教育法》) is one document. */
const NATIONAL_LAW = /^中华人民共和国(?=\p{Script=Han}+(?<![办方做说])法$)/u;
/** The level a local name opens with (县一中, 市委), or the whole unit's (全市…). */
const OPENING_LEVEL = new RegExp(`^全?([${LEVEL_CHARS}])`, 'u');

/** The division a PLACE mention stands for, if the options can tell (never for anonymised names). */
function linkedPlace(m: ResolvableMention, options: ResolveOptions): PlaceRef[] | undefined {
  if (m.kind !== 'PLACE' || m.anonymised) return undefined;
  const chain = options.place?.(m.name);
  return chain && chain.length > 0 ? chain : undefined;
}

/**
 * The canonical key of a mention. Anonymised names (`Xx县`, `XX一中`) stand for
 * different unknown places in different reports, so they are scoped to the report;
 * local names (县一中, 市委) are scoped to the report's place (two counties' 一中 are
 * two schools), or to the report when its place is unknown. A place name whose division
 * is known is keyed by its code: Beijing's and Changchun's 朝阳区 are two entities, while
 * 鼓楼 and 鼓楼区 in one city are one.
 */
export function canonicalKey(m: ResolvableMention, scope: Scope | string, options: ResolveOptions = {}): string {
  const s: Scope = typeof scope === 'string' ? { reportId: scope } : scope;
  const place = linkedPlace(m, options);
  if (place) return placeEntityKey(place[0]!.code);
  if (m.kind === 'SCHOOL' && !m.anonymised) {
    const placed = placedSchool(m.name, s);
    if (placed) {
      // A place whose short form is its own keys the school by it (临泉县第一中学 = 临泉一中); a shared one (长沙县 and
      // 长沙市, two 朝阳区) keeps the school to the place's code. In an anonymised report, 市一幼 is its
      // xx市第一幼儿园: the report's own, like every anonymised name.
      if (!placed.code) return `${entityKey(m.kind, placed.name)}@${s.reportId}`;
      const short = shortPlaceName(placed.name, options);
      return short !== placed.name ? entityKey(m.kind, short) : `${entityKey(m.kind, placed.name)}@${placed.code}`;
    }
  }
  const key = entityKey(
    m.kind,
    m.kind === 'SCHOOL'
      ? shortPlaceName(fullSchoolName(m.name), options)
      : m.kind === 'DOCUMENT'
        ? m.name.replace(NATIONAL_LAW, '')
        : m.name,
  );
  if (m.anonymised) return `${key}@${s.reportId}`;
  if (isLocalGeneric(m)) return `${key}@${localPlace(m.name, s)?.code ?? s.reportId}`;
  return key;
}

/**
 * A local school written out with the report's unit of its level: 县一中 in a 临泉县 report is 临泉县第一中学, with
 * that unit's code (none for an anonymised report place). Undefined when the name is no local one, or the report's
 * place has no unit of that level.
 */
function placedSchool(name: string, s: Scope): { name: string; code?: string } | undefined {
  if (!LOCAL_GENERIC.test(name)) return undefined;
  // (县城一中 is the county town's, not the county's: it stays a local name.)
  const level = /^[省市州县区旗](?!城)/u.exec(name)?.[0];
  const unit = level ? (s.places ?? []).find((p) => p.name.endsWith(level)) : undefined;
  if (unit) return { name: unit.name + fullSchoolName(name).slice(1), code: unit.code };
  // An anonymised report place of that level (xx市) names it the way the report writes its own schools.
  if (level && !s.places?.length && s.anonymisedPlace?.endsWith(level))
    return { name: s.anonymisedPlace + fullSchoolName(name).slice(1) };
  return undefined;
}

/** A school's name keyed with its place written short (临泉县第一中学 and 临泉一中 are one school). */
function shortPlaceName(name: string, options: ResolveOptions): string {
  if (!options.shortPlace) return name;
  // (Up to 大通回族土族自治县: autonomous counties are long.)
  for (let n = Math.min(10, name.length - 2); n >= 3; n--) {
    const head = name.slice(0, n);
    if (!/[省县市区旗州]$/u.test(head)) continue;
    const short = options.shortPlace(head);
    if (short) return short + name.slice(n);
  }
  return name;
}

const ORDINAL_SHORT: Record<string, string> = { 中: '中学', 小: '小学', 幼: '幼儿园', 高: '高级中学' };
/**
 * 县一中 is 县第一中学, 杨村五幼 is 杨村第五幼儿园, 县职教中心 is 县职业教育中心: the short form of a school's name,
 * written out.
 */
export function fullSchoolName(name: string): string {
  return name
    .replace(/(?<!第)([一二三四五六七八九十]+)高中$/u, (_m, n: string) => `第${n}高级中学`)
    .replace(
      /(?<!第)([一二三四五六七八九十]+)([中小幼高])$/u,
      (_m, n: string, k: string) => `第${n}${ORDINAL_SHORT[k]}`,
    )
    .replace(/职教中心$/u, '职业教育中心');
}

/**
 * The place a local name belongs to: its level character picks the unit in the
 * report's chain (市委 in a district report is the city's; 县一中 the county's).
 */
export function localPlace(name: string, s: Scope): { code: string; name: string } | undefined {
  const places = s.places ?? [];
  // (全市职业技能大赛: the whole unit's event belongs to the unit of that level.)
  const level = OPENING_LEVEL.exec(name)?.[1];
  if (!level) return places[0];
  return places.find((p) => p.name.endsWith(level));
}

/** Groups a report's mentions into canonical entities, keeping every surface form. */
export function resolveEntities(
  mentions: ResolvableMention[],
  scope: Scope | string,
  options: ResolveOptions = {},
): Map<string, ResolvedEntity> {
  const s: Scope = typeof scope === 'string' ? { reportId: scope } : scope;
  const entities = new Map<string, ResolvedEntity>();
  for (const m of mentions) {
    const key = m.key ?? canonicalKey(m, s, options);
    let e = entities.get(key);
    if (!e) {
      const place = linkedPlace(m, options);
      // A linked place is named as the gazetteer names it; what the report wrote stays an alias.
      // A school is named written out (杨村第五幼儿园 for 杨村五幼), whichever spelling a report used first.
      // A local school in a known place is named with it (县一中 → 临泉县第一中学).
      const placed = m.kind === 'SCHOOL' && !m.anonymised ? placedSchool(m.name, s) : undefined;
      const name = placed?.name ?? (m.kind === 'SCHOOL' ? fullSchoolName(m.name) : m.name);
      // (Placed in an anonymised report: xx市第一幼儿园.)
      const anonymised = m.anonymised || (placed !== undefined && !placed.code);
      e = { key, kind: m.kind, name: place?.[0]!.name ?? name, aliases: [], anonymised };
      if (!m.anonymised && !placed && isLocalGeneric(m))
        e.qualifier = localPlace(m.name, s)?.name ?? s.label ?? s.reportId;
      if (place) {
        e.placeCode = place[0]!.code;
        e.placeChain = place;
        // Shown beside the name, so Beijing's 朝阳区 and Changchun's read apart: 朝阳区(北京市), 朝阳区(长春市).
        if (place[1]) e.qualifier = place[1].name;
      }
      entities.set(key, e);
    }
    const alias = displayForm(m.surface);
    if (!e.aliases.includes(alias)) e.aliases.push(alias);
  }
  return entities;
}
