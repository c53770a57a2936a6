import { ENTITY_SEARCH_INDEX, EntityProps, Label, Rel } from '@policygraph/graph-schema';
import { normalise } from '../normalise/index.js';
import type { Context } from './context.js';
import { badInput } from './errors.js';

/** Search terms go through the same normalisation as reports: 兩學一做 finds 两学一做. */
export function normaliseQuery(q: string | null | undefined): string | null {
  if (!q || q.trim() === '') return null;
  return normalise(q.trim()).clean.text.trim();
}

/** Lucene treats these as syntax; a researcher's query is text. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

// Index seeks joined by UNION (an OR over key, name and aliases would scan every entity);
// aliases (spun spellings such as 科学进展观) are reached through the full-text index.
const FIND_KEY = `
CALL () {
  MATCH (e:${Label.Entity} {${EntityProps.key}: $id}) RETURN e
  UNION
  MATCH (e:${Label.Entity} {${EntityProps.name}: $term}) RETURN e
  UNION
  WITH $phrase AS phrase WHERE phrase IS NOT NULL
  CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', phrase) YIELD node AS e
  WITH e WHERE $term IN e.${EntityProps.aliases}
  RETURN e
}
WITH e WHERE $kind IS NULL OR e.${EntityProps.kind} = $kind
RETURN e.${EntityProps.key} AS row
ORDER BY COUNT { (e)<-[:${Rel.MENTIONS}]-() } DESC LIMIT 1`;

/**
 * The canonical key an API caller means: an entity id, or a term in any spelling
 * (name or alias; the most mentioned entity when several match).
 */
export async function findEntityKey(
  ctx: Context,
  what: { id?: string | number | null; term?: string | null; kind?: string | null },
): Promise<string | null> {
  const term = normaliseQuery(what.term);
  const id = what.id === null || what.id === undefined ? null : String(what.id);
  if (!id && !term) throw badInput('give an entity `id` or a `term`');
  const [key] = await ctx.read<string>(FIND_KEY, {
    id,
    term,
    phrase: term ? `"${escapeLucene(term)}"` : null,
    kind: what.kind ?? null,
  });
  return key ?? null;
}
