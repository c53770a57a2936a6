import { createRequire } from 'node:module';
import { isEntityKind, type EntityKind } from '@policygraph/graph-schema';

export interface LexiconEntry {
  kind: EntityKind;
  name: string;
  aliases: string[];
}

export interface Lexicon {
  entries: LexiconEntry[];
  /** Every form (name and aliases) -> its entry, longest forms first when scanning. */
  forms: Map<string, LexiconEntry>;
  formsByLength: string[];
}

export function buildLexicon(entries: LexiconEntry[]): Lexicon {
  const forms = new Map<string, LexiconEntry>();
  for (const e of entries) {
    if (!isEntityKind(e.kind)) throw new Error(`lexicon: unknown kind ${e.kind} for ${e.name}`);
    for (const f of [e.name, ...e.aliases]) forms.set(f, e);
  }
  const formsByLength = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { entries, forms, formsByLength };
}

let cached: Lexicon | undefined;

/** The lexicon shipped in server/data/lexicon.json. */
export function defaultLexicon(): Lexicon {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const data = require('../../data/lexicon.json') as { entries: LexiconEntry[] };
    cached = buildLexicon(data.entries);
  }
  return cached;
}

/** jieba user-dictionary lines ("word freq tag") so lexicon terms stay whole. */
export function userDictLines(lex: Lexicon): string[] {
  return lex.formsByLength.filter((f) => !/[\s,、()]/u.test(f)).map((f) => `${f} 100000 nz`);
}
