/**
 * New-term discovery over a corpus, for slogans absent from the lexicon: n-grams of
 * Han characters that hold together (cohesion: the weakest pointwise mutual
 * information over their binary splits) and occur in varied contexts (left and right
 * branching entropy), plus quoted phrases. Pure: texts in, ranked candidates out.
 */

export interface Candidate {
  term: string;
  freq: number;
  /** Minimum PMI over the term's binary splits (natural log). */
  cohesion: number;
  leftEntropy: number;
  rightEntropy: number;
  /** Times seen inside “quotes”. */
  quoted: number;
  score: number;
}

export interface DiscoverOptions {
  minLength?: number;
  maxLength?: number;
  minFreq?: number;
  /** Terms already known (lexicon forms): not candidates. */
  known?: Set<string>;
  /** Ordinary vocabulary (a dictionary word is not a new term). */
  isWord?: (term: string) => boolean;
  top?: number;
}

const HAN_RUN = /[\u3400-\u9fff]+/gu;
// Function words rarely start or end a term.
const EDGE_STOP = new Set([...'的了和与及或在是对把被将从向于以为而也都就又并且等之其各该本我你他她它这那有个们着过']);

function entropy(counts: Map<string, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  let h = 0;
  for (const n of counts.values()) {
    const p = n / total;
    h -= p * Math.log(p);
  }
  return h;
}

export function discoverTerms(texts: string[], opts: DiscoverOptions = {}): Candidate[] {
  const minLen = opts.minLength ?? 2;
  const maxLen = opts.maxLength ?? 6;
  const minFreq = opts.minFreq ?? 3;
  const counts = new Map<string, number>();
  const left = new Map<string, Map<string, number>>();
  const right = new Map<string, Map<string, number>>();
  const quoted = new Map<string, number>();
  let totalChars = 0;

  const bump = (m: Map<string, Map<string, number>>, term: string, ch: string) => {
    let inner = m.get(term);
    if (!inner) m.set(term, (inner = new Map()));
    inner.set(ch, (inner.get(ch) ?? 0) + 1);
  };

  for (const text of texts) {
    for (const q of text.matchAll(/[“"]([\u3400-\u9fff]{2,12})[”"]/gu)) quoted.set(q[1]!, (quoted.get(q[1]!) ?? 0) + 1);
    for (const run of text.matchAll(HAN_RUN)) {
      const s = run[0];
      totalChars += s.length;
      for (let i = 0; i < s.length; i++) {
        // Single characters too: PMI needs their probabilities.
        for (let n = 1; n <= maxLen + 1 && i + n <= s.length; n++) {
          const g = s.slice(i, i + n);
          counts.set(g, (counts.get(g) ?? 0) + 1);
          if (n >= minLen && n <= maxLen) {
            // Run edges count as distinct contexts (a boundary is as open as it gets).
            bump(left, g, i > 0 ? s[i - 1]! : `^${i}:${totalChars}`);
            bump(right, g, i + n < s.length ? s[i + n]! : `$${i}:${totalChars}`);
          }
        }
      }
    }
  }

  const p = (g: string) => (counts.get(g) ?? 0) / Math.max(1, totalChars);
  const out: Candidate[] = [];
  for (const [term, freq] of counts) {
    if (term.length < minLen || term.length > maxLen || freq < minFreq) continue;
    if (opts.known?.has(term) || opts.isWord?.(term)) continue;
    if (EDGE_STOP.has(term[0]!) || EDGE_STOP.has(term[term.length - 1]!)) continue;
    let cohesion = Infinity;
    for (let k = 1; k < term.length; k++) {
      cohesion = Math.min(cohesion, Math.log(p(term) / (p(term.slice(0, k)) * p(term.slice(k)))));
    }
    const leftEntropy = entropy(left.get(term) ?? new Map());
    const rightEntropy = entropy(right.get(term) ?? new Map());
    const q = quoted.get(term) ?? 0;
    // Holds together and is free on both sides; longer terms and quoted ones weigh more.
    const score = cohesion * Math.min(leftEntropy, rightEntropy) * Math.log(1 + freq) * (1 + 0.2 * term.length) + 2 * q;
    if (q === 0 && (cohesion <= 0 || Math.min(leftEntropy, rightEntropy) <= 0)) continue;
    out.push({ term, freq, cohesion, leftEntropy, rightEntropy, quoted: q, score });
  }
  // A term wholly inside a longer candidate seen as often is the same phrase cut short.
  const byTerm = new Map(out.map((c) => [c.term, c]));
  const kept = out.filter((c) => {
    for (const longer of out) {
      if (
        longer.term.length > c.term.length &&
        longer.freq >= c.freq * 0.9 &&
        longer.term.includes(c.term) &&
        byTerm.has(longer.term)
      ) {
        return false;
      }
    }
    return true;
  });
  return kept.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term)).slice(0, opts.top ?? 100);
}
