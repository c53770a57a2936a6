import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

/** The schema builder; types register themselves in ./types/*. */
export const builder = new SchemaBuilder<{ Context: Context }>({
  plugins: [RelayPlugin],
  relay: {},
});

builder.queryType({});

// Every list says how many there are in all ("showing 20 of 1,532").
builder.globalConnectionField('totalCount', (t) =>
  t.int({ resolve: (parent) => (parent as { totalCount?: number }).totalCount ?? 0 }),
);
