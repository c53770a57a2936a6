import { EntityKinds } from '@policygraph/graph-schema';
import type { AnalyzedReport } from '../pipeline/analyze.js';

function placeLine(r: AnalyzedReport): string {
  const p = r.place;
  if (p.place) return `${[p.place, ...p.chain].map((x) => x.name).join(' < ')} (${p.place.code}) [${p.status}]`;
  if (p.anonymisedName) {
    const above = p.chain.length ? ` < ${p.chain.map((x) => x.name).join(' < ')}` : '';
    return `${p.anonymisedName}${above} [anonymised]`;
  }
  if (p.candidates.length) return `one of ${p.candidates.map((c) => `${c.name}(${c.code})`).join(', ')} [${p.status}]`;
  return `— [${p.status}]`;
}

/** The human-readable `analyze` output. */
export function formatReport(r: AnalyzedReport): string {
  const year = (y: number | null) => (y === null ? '?' : String(y));
  const lines = [
    `${r.id}  ${r.title}`,
    `  place:      ${placeLine(r)}`,
    `  year:       ${year(r.year.year)} (covers ${year(r.year.coversYear)})`,
    `  text:       ${r.paragraphCount} paragraphs, ${r.sentences.length} sentences, ${r.mentions.length} mentions, ${r.entities.length} entities`,
  ];
  if (r.placeholders.length) lines.push(`  anonymised: ${r.placeholders.map((x) => x.text).join(' ')}`);
  const rules = Object.entries(r.rules).map(([k, n]) => `${k} ×${n}`);
  if (rules.length) lines.push(`  rules:      ${rules.join('; ')}`);
  for (const w of r.warnings) lines.push(`  warning:    ${w}`);
  for (const e of r.place.evidence) lines.push(`  why place:  ${e}`);
  for (const e of r.year.evidence) lines.push(`  why year:   ${e}`);
  for (const kind of EntityKinds) {
    const ents = r.entities.filter((e) => e.kind === kind);
    if (ents.length === 0) continue;
    const counts = new Map<string, number>();
    for (const m of r.mentions) if (m.kind === kind) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const shown = ents
      .sort((a, b) => (counts.get(b.key) ?? 0) - (counts.get(a.key) ?? 0))
      .slice(0, 12)
      .map((e) => `${e.name}×${counts.get(e.key) ?? 0}`);
    lines.push(`  ${kind.padEnd(12)}${ents.length}: ${shown.join(' ')}${ents.length > 12 ? ' …' : ''}`);
  }
  return lines.join('\n');
}
