import { EntityKinds } from '@policygraph/graph-schema';
import type { AnalyzedReport } from '../pipeline/analyze.js';

/** The human-readable `analyze` output. */
export function formatReport(r: AnalyzedReport): string {
  const lines = [
    `${r.id}  ${r.title}`,
    `  ${r.sentences.length} sentences, ${r.mentions.length} mentions, ${r.entities.length} entities`,
  ];
  if (r.dropped.length) lines.push(`  dropped ${r.dropped.length} site-chrome lines`);
  for (const kind of EntityKinds) {
    const ents = r.entities.filter((e) => e.kind === kind);
    if (ents.length === 0) continue;
    const counts = new Map<string, number>();
    for (const m of r.mentions) if (m.kind === kind) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
    const shown = ents
      .sort((a, b) => (counts.get(b.key) ?? 0) - (counts.get(a.key) ?? 0))
      .slice(0, 12)
      .map((e) => `${e.name}×${counts.get(e.key) ?? 0}`);
    lines.push(`  ${kind.padEnd(12)} ${ents.length}: ${shown.join(' ')}${ents.length > 12 ? ' …' : ''}`);
  }
  return lines.join('\n');
}
