import { entityKey, type EntityKind } from '@policygraph/graph-schema';
import { displayForm } from '../normalise/rules.js';

export interface ResolvableMention {
  kind: EntityKind;
  name: string;
  /** The surface as written in the original text. */
  surface: string;
  anonymised: boolean;
}

export interface ResolvedEntity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  anonymised: boolean;
}

/**
 * The canonical key of a mention. Anonymised names (`Xx县`, `XX一中`) stand for
 * different unknown places in different reports, so they are scoped to the report.
 */
export function canonicalKey(m: ResolvableMention, reportId: string): string {
  const key = entityKey(m.kind, m.name);
  return m.anonymised ? `${key}@${reportId}` : key;
}

/** Groups a report's mentions into canonical entities, keeping every surface form. */
export function resolveEntities(mentions: ResolvableMention[], reportId: string): Map<string, ResolvedEntity> {
  const entities = new Map<string, ResolvedEntity>();
  for (const m of mentions) {
    const key = canonicalKey(m, reportId);
    let e = entities.get(key);
    if (!e) {
      e = { key, kind: m.kind, name: m.name, aliases: [], anonymised: m.anonymised };
      entities.set(key, e);
    }
    const alias = displayForm(m.surface);
    if (!e.aliases.includes(alias)) e.aliases.push(alias);
  }
  return entities;
}
