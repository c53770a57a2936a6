import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

/** The schema builder; types register themselves in ./types/*. */
/** What yoga's multipart support hands a resolver for an uploaded file (a WHATWG File). */
export interface Upload {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const builder = new SchemaBuilder<{ Context: Context; Scalars: { File: { Input: Upload; Output: never } } }>({
  plugins: [RelayPlugin],
  relay: {},
});

builder.queryType({});
builder.mutationType({ description: 'Changes: enabled only when the server has a token, and then only with it.' });

// Every list says how many there are in all ("showing 20 of 1,532").
builder.globalConnectionField('totalCount', (t) =>
  t.int({ resolve: (parent) => (parent as { totalCount?: number }).totalCount ?? 0 }),
);
