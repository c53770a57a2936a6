/** Precision/recall of extracted entities against a gold annotation: pure, per report and kind. */

export interface GoldEntity {
  kind: string;
  canonical: string;
  surfaces: string[];
  count?: number;
  note?: string;
}

export interface PredictedEntity {
  kind: string;
  name: string;
  aliases: string[];
}

export interface KindScore {
  kind: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ReportMatch {
  report: string;
  hits: Array<{ gold: string; predicted: string; kind: string }>;
  misses: GoldEntity[];
  falsePositives: PredictedEntity[];
  /** Optional gold entities a prediction matched: neither a hit nor a false positive (see MatchMode.optional). */
  optionalHits?: number;
}

/**
 * Same kind, and the names meet: the predicted name is the gold canonical or one of its
 * surfaces, or the gold canonical is among the predicted aliases. `norm` puts both sides
 * through the pipeline's normalisation (traditional → simplified, quotes and marks off).
 */
export interface MatchMode {
  /** Accept names that differ only by a place/level prefix (广东省教育强市 ~ 教育强市) or a generic suffix (平安校园建设 ~ 平安校园). */
  boundary?: boolean;
  /** Treat POLICY and PROGRAM as one kind (the line between campaigns and programs is fuzzy). */
  policyProgram?: boolean;
  /**
   * Gold entities the annotator marked doubtful are optional, the usual treatment of borderline
   * annotations: finding one is not a hit and not a false positive, missing one is not a miss.
   */
  optional?: boolean;
}

/**
 * The annotator's mark for a borderline inclusion (server/eval/gold/README.md). A note that doubts only the
 * kind ("doubtful kind", "POLICY/PROGRAM doubtful") marks a definite entity: the merged POLICY+PROGRAM table
 * is where that doubt is measured.
 */
export function isDoubtful(g: GoldEntity): boolean {
  const note = g.note ?? '';
  const kindOnly = /kind doubtful|doubtful kind|POLICY\/PROGRAM doubtful/u.test(note) && !/inclusion/u.test(note);
  return /doubtful/u.test(note) && !kindOnly;
}

const AFFIX_PREFIX =
  /^(?:[\p{Script=Han}xX]{0,4}?[省市州县区]|国家级?|全国|省级|市级|县级|首届|第[一二三四五六七八九十\d]+届|[xX]+)+$/u;
const AFFIX_SUFFIX =
  /^(?:发展|建设|工作|活动|政策|制度|行动|工程|计划|创建|主题教育|学习教育|精神|教学模式|模式|经费|项目)$/u;

function affixOnly(longer: string, shorter: string): boolean {
  const at = longer.indexOf(shorter);
  if (at === -1 || shorter.length < 2) return false;
  const pre = longer.slice(0, at);
  const post = longer.slice(at + shorter.length);
  return (pre === '' || AFFIX_PREFIX.test(pre)) && (post === '' || AFFIX_SUFFIX.test(post));
}

export function matches(p: PredictedEntity, g: GoldEntity, norm: (s: string) => string, mode: MatchMode = {}): boolean {
  const kindOk =
    p.kind === g.kind ||
    (mode.policyProgram === true && [p.kind, g.kind].every((k) => k === 'POLICY' || k === 'PROGRAM'));
  if (!kindOk) return false;
  const goldNames = new Set([g.canonical, ...g.surfaces].map(norm));
  const predNames = [p.name, ...p.aliases].map(norm);
  if (predNames.some((n) => goldNames.has(n))) return true;
  if (!mode.boundary) return false;
  return predNames.some((n) => [...goldNames].some((gname) => affixOnly(gname, n) || affixOnly(n, gname)));
}

/** One-to-one matching per report (greedy, gold order). */
export function matchReport(
  report: string,
  gold: GoldEntity[],
  predicted: PredictedEntity[],
  norm: (s: string) => string,
  mode: MatchMode = {},
): ReportMatch {
  const used = new Set<number>();
  const hits: ReportMatch['hits'] = [];
  const misses: GoldEntity[] = [];
  const optional = mode.optional ? gold.filter(isDoubtful) : [];
  const required = mode.optional ? gold.filter((g) => !isDoubtful(g)) : gold;
  const take = (g: GoldEntity) => {
    const i = predicted.findIndex((p, k) => !used.has(k) && matches(p, g, norm, mode));
    if (i !== -1) used.add(i);
    return i;
  };
  // Required entities first, so an optional one never takes the prediction a required one needs.
  for (const g of required) {
    const i = take(g);
    if (i === -1) misses.push(g);
    else hits.push({ gold: g.canonical, predicted: predicted[i]!.name, kind: g.kind });
  }
  const optionalHits = optional.filter((g) => take(g) !== -1).length;
  return { report, hits, misses, falsePositives: predicted.filter((_, k) => !used.has(k)), optionalHits };
}

export function scoreByKind(results: ReportMatch[], kinds: string[]): KindScore[] {
  return kinds.map((kind) => {
    const tp = results.reduce((n, r) => n + r.hits.filter((h) => h.kind === kind).length, 0);
    const fp = results.reduce((n, r) => n + r.falsePositives.filter((p) => p.kind === kind).length, 0);
    const fn = results.reduce((n, r) => n + r.misses.filter((g) => g.kind === kind).length, 0);
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { kind, tp, fp, fn, precision, recall, f1 };
  });
}
