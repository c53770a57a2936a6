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

// Per asked entity, index seeks joined by UNION (an OR over key, name and aliases would scan every entity);
// aliases (spun spellings such as 科学进展观) are reached through the full-text index. One statement for all
// of them, so a matrix of 100 terms is one round trip.
const FIND_KEYS = `
UNWIND $asked AS a
CALL (a) {
  CALL (a) {
    MATCH (e:${Label.Entity} {${EntityProps.key}: a.id}) RETURN e
    UNION
    MATCH (e:${Label.Entity} {${EntityProps.name}: a.term}) RETURN e
    UNION
    WITH a WHERE a.phrase IS NOT NULL
    CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', a.phrase) YIELD node AS e
    WITH a, e WHERE a.term IN e.${EntityProps.aliases}
    RETURN e
  }
  WITH e WHERE a.kind IS NULL OR e.${EntityProps.kind} = a.kind
  RETURN e.${EntityProps.key} AS key
  ORDER BY COUNT { (e)<-[:${Rel.MENTIONS}]-() } DESC LIMIT 1
}
RETURN {i: a.i, key: key} AS row`;

export interface EntityAsk {
  id?: string | number | null;
  term?: string | null;
  kind?: string | null;
}

/**
 * The canonical keys API callers mean, in the order asked: an entity id, or a term in any spelling
 * (name or alias; the most mentioned entity when several match); null where nothing matches.
 */
export async function findEntityKeys(ctx: Context, asked: EntityAsk[]): Promise<Array<string | null>> {
  const params = asked.map((what, i) => {
    const term = normaliseQuery(what.term);
    const id = what.id === null || what.id === undefined ? null : String(what.id);
    if (!id && !term) throw badInput('give an entity `id` or a `term`');
    return { i, id, term, phrase: term ? `"${escapeLucene(term)}"` : null, kind: what.kind ?? null };
  });
  const keys: Array<string | null> = asked.map(() => null);
  if (params.length === 0) return keys;
  for (const r of await ctx.read<{ i: number | bigint; key: string }>(FIND_KEYS, { asked: params }))
    keys[Number(r.i)] = r.key;
  return keys;
}

/** The canonical key one caller means (see findEntityKeys). */
export async function findEntityKey(ctx: Context, what: EntityAsk): Promise<string | null> {
  const [key] = await findEntityKeys(ctx, [what]);
  return key ?? null;
}
