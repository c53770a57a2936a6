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
}

/**
 * Same kind, and the names meet: the predicted name is the gold canonical or one of its
 * surfaces, or the gold canonical is among the predicted aliases. `norm` puts both sides
 * through the pipeline's normalisation (traditional → simplified, quotes and marks off).
 */
export function matches(p: PredictedEntity, g: GoldEntity, norm: (s: string) => string): boolean {
  if (p.kind !== g.kind) return false;
  const goldNames = new Set([g.canonical, ...g.surfaces].map(norm));
  return [p.name, ...p.aliases].map(norm).some((n) => goldNames.has(n));
}

/** One-to-one matching per report (greedy, gold order). */
export function matchReport(
  report: string,
  gold: GoldEntity[],
  predicted: PredictedEntity[],
  norm: (s: string) => string,
): ReportMatch {
  const used = new Set<number>();
  const hits: ReportMatch['hits'] = [];
  const misses: GoldEntity[] = [];
  for (const g of gold) {
    const i = predicted.findIndex((p, k) => !used.has(k) && matches(p, g, norm));
    if (i === -1) misses.push(g);
    else {
      used.add(i);
      hits.push({ gold: g.canonical, predicted: predicted[i]!.name, kind: g.kind });
    }
  }
  return { report, hits, misses, falsePositives: predicted.filter((_, k) => !used.has(k)) };
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
